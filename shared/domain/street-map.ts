/** The raster tile formats the map draws from a street file (an image per tile). */
export const streetTileFormats = ['png', 'jpg', 'webp'] as const;
export type StreetTileFormat = (typeof streetTileFormats)[number];

/** Where the console serves the street file's tiles, in both shells (relative to the page's origin). */
export const STREET_TILE_PATH = '/tiles/';

/** What the map needs to draw the organisation's street file. */
export interface StreetMapTiles {
  /** A Leaflet tile address on this console: `/tiles/{z}/{x}/{y}?v=…`, changing when the file does. */
  url: string;
  format: StreetTileFormat;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees, when the file says; the map asks for no tile outside. */
  bounds: [number, number, number, number] | null;
  /** Who the map data is from, as text (the file's own words, else its name). */
  attribution: string;
}

/**
 * The organisation's offline street map: the file an admin chose (null: none), and either its
 * tiles or, when the file cannot be read now (removed, an unmounted share), why not.
 */
export interface StreetMapDto {
  file: string | null;
  tiles: StreetMapTiles | null;
  problem: string | null;
}
