import { z } from 'zod';
import {
  GEOCODE_LIMIT,
  geocoderServiceLabels,
  type GeocodeCandidate,
  type GeocodeResult,
  type GeocoderSettings,
} from '../../../../shared/domain/geocoder';

// Nominatim's usage policy asks every application to name itself.
const USER_AGENT = 'DispatchConsole/1.0 (site placement)';

// Nominatim's search answer (format=jsonv2): coordinates as decimal strings.
const nominatimAnswer = z.array(
  z.object({
    display_name: z.string(),
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
  }),
);

// Photon's answer is GeoJSON; a place's label is assembled from its address parts.
const photonAnswer = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]) }),
      properties: z
        .object({
          name: z.string().optional(),
          housenumber: z.string().optional(),
          street: z.string().optional(),
          postcode: z.string().optional(),
          city: z.string().optional(),
          state: z.string().optional(),
          country: z.string().optional(),
        })
        .loose(),
    }),
  ),
});

function photonLabel(p: z.output<typeof photonAnswer>['features'][number]['properties']): string {
  const street = [p.street, p.housenumber].filter(Boolean).join(' ');
  const parts = [
    p.name !== p.street ? p.name : undefined,
    street,
    [p.postcode, p.city].filter(Boolean).join(' '),
    p.state,
    p.country,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(', ');
}

function requestUrl(settings: GeocoderSettings, address: string): string {
  const base = settings.url.replace(/\/+$/, '');
  const query = new URLSearchParams({ q: address, limit: String(GEOCODE_LIMIT) });
  if (settings.service === 'nominatim') query.set('format', 'jsonv2');
  return `${base}/${settings.service === 'nominatim' ? 'search' : 'api'}?${query.toString()}`;
}

function candidatesOf(settings: GeocoderSettings, body: unknown): GeocodeCandidate[] | null {
  if (settings.service === 'nominatim') {
    const parsed = nominatimAnswer.safeParse(body);
    return parsed.success
      ? parsed.data.map((p) => ({ label: p.display_name, latitude: p.lat, longitude: p.lon }))
      : null;
  }
  const parsed = photonAnswer.safeParse(body);
  return parsed.success
    ? parsed.data.features.map((f) => ({
        label: photonLabel(f.properties),
        latitude: f.geometry.coordinates[1],
        longitude: f.geometry.coordinates[0],
      }))
    : null;
}

/**
 * Asks the configured geocoder for an address. Never throws: a geocoder that is off, down, slow
 * or answering something else is reported in words, and the user places the site by hand.
 */
export async function geocode(settings: GeocoderSettings, address: string): Promise<GeocodeResult> {
  if (!settings.enabled) {
    return { candidates: [], failure: 'No geocoder is set up: place the site on the map or type its coordinates.' };
  }
  const name = geocoderServiceLabels[settings.service];
  try {
    const response = await fetch(requestUrl(settings, address), {
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) return { candidates: [], failure: `The geocoder (${name}) answered ${response.status}.` };
    const candidates = candidatesOf(settings, await response.json());
    if (!candidates) return { candidates: [], failure: `The geocoder's answer was not a ${name} answer.` };
    return { candidates: candidates.slice(0, GEOCODE_LIMIT), failure: null };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      candidates: [],
      failure: timedOut
        ? `The geocoder (${name}) did not answer within ${(settings.timeoutMs / 1000).toLocaleString('en')} s.`
        : `The geocoder (${name}) could not be reached.`,
    };
  }
}
