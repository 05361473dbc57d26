// A real HTTP server on 127.0.0.1 (node:http) answering as Nominatim (/search, format=jsonv2) and
// Photon (/api, GeoJSON) do, over a tiny gazetteer: the public services cannot be reached from
// tests, and their answers are what the console must read.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Place {
  /** Matched when every word of the query is in it (case-insensitive). */
  text: string;
  lat: number;
  lon: number;
  photon: Record<string, string>;
}

const gazetteer: Place[] = [
  {
    text: '350 Fifth Avenue, Manhattan, New York, 10118, United States',
    lat: 40.748441,
    lon: -73.985664,
    photon: {
      name: 'Empire State Building',
      housenumber: '350',
      street: 'Fifth Avenue',
      postcode: '10118',
      city: 'New York',
      country: 'United States',
    },
  },
  {
    text: '1 Gateway Center, Newark, Essex County, New Jersey, 07102, United States',
    lat: 40.7357,
    lon: -74.1724,
    photon: {
      housenumber: '1',
      street: 'Gateway Center',
      postcode: '07102',
      city: 'Newark',
      state: 'New Jersey',
      country: 'United States',
    },
  },
  {
    text: '1 Gateway Plaza, Los Angeles, California, 90012, United States',
    lat: 34.0561,
    lon: -118.2348,
    photon: {
      housenumber: '1',
      street: 'Gateway Plaza',
      postcode: '90012',
      city: 'Los Angeles',
      state: 'California',
      country: 'United States',
    },
  },
];

export type GeocoderBehaviour = 'answer' | 'error' | 'hang' | 'nonsense';

export interface GeocoderTestServer {
  url: string;
  /** What it does with the next requests. */
  behaviour: GeocoderBehaviour;
  requests: { path: string; query: URLSearchParams; headers: IncomingHttpHeaders }[];
}

function matches(place: Place, query: string): boolean {
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => place.text.toLowerCase().includes(w));
}

export async function startGeocoderTestServer(env: {
  defer(dispose: () => unknown): void;
}): Promise<GeocoderTestServer> {
  const geocoder: GeocoderTestServer = { url: '', behaviour: 'answer', requests: [] };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    geocoder.requests.push({ path: url.pathname, query: url.searchParams, headers: request.headers });
    if (geocoder.behaviour === 'hang') return;
    if (geocoder.behaviour === 'error') {
      response.writeHead(503, { 'Content-Type': 'text/plain' }).end('overloaded');
      return;
    }
    if (geocoder.behaviour === 'nonsense') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ hello: 'world' }));
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const found = gazetteer.filter((p) => matches(p, url.searchParams.get('q') ?? '')).slice(0, limit);
    let body: unknown;
    if (url.pathname === '/search' && url.searchParams.get('format') === 'jsonv2') {
      body = found.map((p, i) => ({
        place_id: 1000 + i,
        lat: p.lat.toFixed(7),
        lon: p.lon.toFixed(7),
        display_name: p.text,
        category: 'place',
        type: 'house',
        importance: 0.5,
      }));
    } else if (url.pathname === '/api') {
      body = {
        type: 'FeatureCollection',
        features: found.map((p) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
          properties: { osm_type: 'N', osm_id: 1, ...p.photon },
        })),
      };
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  geocoder.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env.defer(
    () =>
      new Promise<void>((resolve) => {
        // A hanging request would keep close() waiting for ever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return geocoder;
}
