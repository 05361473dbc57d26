import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m country shapes (~740 KB of TopoJSON, ~180 KB gzipped), bundled into the map's
// lazy chunk so the map has land, coasts and borders with no network at all. 1:110m looked too
// coarse at city zoom; 1:10m would add 3.6 MB for detail a dispatcher does not need.
import countries50m from 'world-atlas/countries-50m.json';
import type { StreetMapTiles } from '../../../../shared/domain/street-map';
import { escapeHtml } from './html';
import L from './leaflet';

export const SEA_COLOUR = '#b9d3e3';
const LAND_COLOUR = '#f3f1ea';
const BORDER_COLOUR = '#a8a297';

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

type Countries = Topology<{ countries: GeometryCollection }>;

let shapes: FeatureCollection | null = null;

/** The country shapes as GeoJSON, converted once per session (a few tens of milliseconds). */
function countryShapes(): FeatureCollection {
  if (!shapes) {
    const topology = countries50m as unknown as Countries;
    const converted = feature(topology, topology.objects.countries);
    shapes = 'features' in converted ? converted : { type: 'FeatureCollection', features: [converted] };
  }
  return shapes;
}

/**
 * The offline basemap: land and country borders drawn on canvas in their own pane beneath tiles
 * and markers. The sea is the map container's background (see map.css), so no polygon is needed
 * for it.
 */
export function createOfflineBasemap(map: L.Map): L.GeoJSON {
  if (!map.getPane('basemap')) {
    const pane = map.createPane('basemap');
    // Below the tile pane (200): online tiles, when switched on, cover it where they load.
    pane.style.zIndex = '150';
    pane.style.pointerEvents = 'none';
  }
  // One canvas for some 250 shapes: far cheaper to pan and zoom than as many SVG paths. GeoJSON
  // hands its options to each shape it makes, but its typings do not list `renderer`.
  const options: L.GeoJSONOptions & { renderer: L.Renderer } = {
    pane: 'basemap',
    renderer: L.canvas({ pane: 'basemap', padding: 0.5 }),
    interactive: false,
    attribution: 'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
    style: { color: BORDER_COLOUR, weight: 0.8, fillColor: LAND_COLOUR, fillOpacity: 1 },
  };
  return L.geoJSON(countryShapes(), options);
}

/** Online tiles from a tile address such as OpenStreetMap's, with the attribution it requires. */
export function createTileLayer(url: string, attribution: string, onError: () => void): L.TileLayer {
  // Leaflet renders attribution as HTML; what someone typed into the settings stays text.
  const layer = L.tileLayer(url, { maxZoom: 19, attribution: escapeHtml(attribution) });
  layer.on('tileerror', onError);
  return layer;
}

/** Whether a tile address has the placeholders Leaflet fills in and an http(s) scheme. */
export function isTileUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url) && ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

/**
 * The organisation's street file, from the console itself (so it needs no network beyond it).
 * Tiles are asked for only inside the file's bounds and zoom range; closer in, the deepest tiles
 * are enlarged rather than asked for and missed.
 */
export function createStreetLayer(tiles: StreetMapTiles, onError: () => void): L.TileLayer {
  const [west, south, east, north] = tiles.bounds ?? [-180, -85.0511, 180, 85.0511];
  const layer = L.tileLayer(tiles.url, {
    minNativeZoom: tiles.minZoom,
    maxNativeZoom: tiles.maxZoom,
    maxZoom: 19,
    bounds: L.latLngBounds([south, west], [north, east]),
    attribution: escapeHtml(tiles.attribution),
  });
  layer.on('tileerror', onError);
  return layer;
}
