/**
 * Finding a site's coordinates from its address. Off by default: the console never sends an
 * address out unless an admin points it at a geocoder (a Nominatim or Photon server, public or the
 * organisation's own), like the OSRM and tile settings.
 */
export const geocoderServices = ['nominatim', 'photon'] as const;
export type GeocoderService = (typeof geocoderServices)[number];

export const geocoderServiceLabels: Record<GeocoderService, string> = {
  nominatim: 'Nominatim',
  photon: 'Photon',
};

export interface GeocoderSettings {
  enabled: boolean;
  service: GeocoderService;
  /** The server's base address: Nominatim is asked at /search, Photon at /api. */
  url: string;
  timeoutMs: number;
}

export const defaultGeocoderSettings: GeocoderSettings = {
  enabled: false,
  service: 'nominatim',
  url: 'https://nominatim.openstreetmap.org',
  timeoutMs: 4000,
};

/** One place the geocoder found; the user picks one (or none) before it is saved. */
export interface GeocodeCandidate {
  label: string;
  latitude: number;
  longitude: number;
}

/**
 * What a search found. `failure` says why there is nothing to pick when the geocoder is off, did
 * not answer or answered nonsense; an empty list with no failure means it found no such place.
 */
export interface GeocodeResult {
  candidates: GeocodeCandidate[];
  failure: string | null;
}

/** At most this many places are offered for one address. */
export const GEOCODE_LIMIT = 5;
