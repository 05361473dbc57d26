import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTravelSettings, greatCircleKm, type LatLng, type TravelSettings } from '../../shared/domain/travel';
import { travelSettings } from '../../shared/domain/travel.schema';
import { offlineLeg, offlineMinutes, offlineTravel } from '../../electron/core/services/travel/offline-travel';
import { roadTravel } from '../../electron/core/services/travel/road-travel';
import { travelTableLookup } from '../../electron/core/services/dispatch/optimize-day';

const equator: LatLng = { lat: 0, lng: 0 };
const oneDegreeNorth: LatLng = { lat: 1, lng: 0 };

describe('the offline travel estimate', () => {
  it('measures one degree of a meridian as 111.195 km on the mean Earth sphere', () => {
    expect(greatCircleKm(equator, oneDegreeNorth)).toBeCloseTo(111.1951, 3);
  });

  it('drives 1.3 times the great circle at 40 km/h and adds 5 minutes to park and walk in', () => {
    const leg = offlineLeg(equator, oneDegreeNorth, defaultTravelSettings);
    // 111.1951 km × 1.3 = 144.5536 km; at 40 km/h that is 216.830 minutes; plus 5.
    expect(leg.km).toBeCloseTo(144.5536, 3);
    expect(leg.minutes).toBeCloseTo(221.83, 2);
  });

  it('needs no time and no parking to stay where it is', () => {
    expect(offlineLeg(oneDegreeNorth, oneDegreeNorth, defaultTravelSettings)).toEqual({ km: 0, minutes: 0 });
  });

  it('answers a matrix of origins by destinations', async () => {
    const matrix = await offlineTravel(defaultTravelSettings).matrix([equator, oneDegreeNorth], [oneDegreeNorth]);
    expect(matrix.source).toBe('offline');
    expect(matrix.minutes.map((r) => r.map((m) => Math.round(m)))).toEqual([[222], [0]]);
  });
});

/**
 * An OSRM stand-in that speaks the table service's protocol: GET /table/v1/<profile>/<lng,lat;…>
 * ?sources=…&destinations=…&annotations=duration,distance. It drives 1.2 times the great circle
 * at 36 km/h (10 m/s), refuses tables of more than 100 coordinates as osrm-routed does, and can be
 * told to fail.
 */
class OsrmStandIn {
  server = http.createServer((req, res) => this.answer(req, res));
  mode: 'ok' | 'error' | 'silent' | 'no-route' = 'ok';
  tables: { coordinates: number; sources: number; destinations: number }[] = [];

  get url() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse) {
    if (this.mode === 'silent') return; // never answers: the client's timeout must fire
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!match?.[1] || url.searchParams.get('annotations') !== 'duration,distance') {
      return send(400, { code: 'InvalidUrl' });
    }
    if (this.mode === 'error') return send(500, { code: 'InternalError' });
    const points = decodeURIComponent(match[1])
      .split(';')
      .map((pair) => pair.split(',').map(Number))
      .map(([lng = 0, lat = 0]) => ({ lat, lng }));
    const sources = (url.searchParams.get('sources') ?? '').split(';').map(Number);
    const destinations = (url.searchParams.get('destinations') ?? '').split(';').map(Number);
    this.tables.push({ coordinates: points.length, sources: sources.length, destinations: destinations.length });
    if (points.length > 100) return send(400, { code: 'TooBig', message: 'Too many table coordinates' });
    const metres = (i: number, j: number) => greatCircleKm(points[i] ?? equator, points[j] ?? equator) * 1200;
    const unreachable = this.mode === 'no-route';
    send(200, {
      code: 'Ok',
      durations: sources.map((i) => destinations.map((j) => (unreachable ? null : metres(i, j) / 10))),
      distances: sources.map((i) => destinations.map((j) => (unreachable ? null : metres(i, j)))),
    });
  }
}

describe('road travel from an OSRM table service', () => {
  const osrm = new OsrmStandIn();
  let settings: TravelSettings;

  beforeAll(async () => {
    await new Promise<void>((resolve) => osrm.server.listen(0, '127.0.0.1', resolve));
    settings = { ...defaultTravelSettings, osrm: { ...defaultTravelSettings.osrm, enabled: true, url: osrm.url } };
  });
  afterAll(() => {
    osrm.server.closeAllConnections();
    return new Promise<void>((resolve) => osrm.server.close(() => resolve()));
  });

  it("takes the server's seconds and metres, adds parking, and asks only once for the same places", async () => {
    osrm.mode = 'ok';
    const model = roadTravel(settings);
    const first = await model.matrix([equator], [oneDegreeNorth]);
    // 111.1951 km × 1.2 = 133.434 km at 10 m/s = 13,343 s = 222.39 min; plus 5 minutes parking.
    expect(first.source).toBe('road');
    expect(first.km[0]?.[0]).toBeCloseTo(133.434, 2);
    expect(first.minutes[0]?.[0]).toBeCloseTo(227.39, 1);
    const again = await model.matrix([equator], [oneDegreeNorth]);
    expect(again).toEqual(first);
    expect(model.requests).toBe(1);
  });

  it('splits a 60 × 70 matrix into tables the server accepts (at most 100 coordinates each)', async () => {
    osrm.mode = 'ok';
    osrm.tables = [];
    const origins = Array.from({ length: 60 }, (_, i) => ({ lat: 40 + i / 100, lng: -74 }));
    const destinations = Array.from({ length: 70 }, (_, i) => ({ lat: 41, lng: -74 + i / 100 }));
    const matrix = await roadTravel(settings).matrix(origins, destinations);
    expect(matrix.source).toBe('road');
    expect(matrix.minutes).toHaveLength(60);
    expect(matrix.minutes.every((row) => row.length === 70)).toBe(true);
    expect(osrm.tables).toHaveLength(4);
    expect(osrm.tables.every((t) => t.coordinates <= 100)).toBe(true);
  });

  it('falls back to the offline estimate when the server fails, and leaves it alone for 30 s', async () => {
    osrm.mode = 'error';
    let clock = 1_000_000;
    const model = roadTravel(settings, () => clock);
    const offline = await offlineTravel(settings).matrix([equator], [oneDegreeNorth]);
    expect(await model.matrix([equator], [oneDegreeNorth])).toEqual(offline);
    expect(model.requests).toBe(1);
    clock += 29_000;
    expect(await model.matrix([equator], [oneDegreeNorth])).toEqual(offline);
    expect(model.requests).toBe(1);
    osrm.mode = 'ok';
    clock += 2_000;
    expect((await model.matrix([equator], [oneDegreeNorth])).source).toBe('road');
    expect(model.requests).toBe(2);
  });

  it('falls back when the server does not answer within its timeout', async () => {
    osrm.mode = 'silent';
    const slow = { ...settings, osrm: { ...settings.osrm, timeoutMs: 200 } };
    expect((await roadTravel(slow).matrix([equator], [oneDegreeNorth])).source).toBe('offline');
  });

  it('falls back when nothing listens at the address', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = { ...settings, osrm: { ...settings.osrm, url } };
    expect((await roadTravel(nowhere).matrix([equator], [oneDegreeNorth])).source).toBe('offline');
  });

  it('estimates a pair the server finds no road for instead of calling it impossible', async () => {
    osrm.mode = 'no-route';
    const matrix = await roadTravel(settings).matrix([equator], [oneDegreeNorth]);
    expect(matrix.source).toBe('road');
    expect(matrix.minutes[0]?.[0]).toBeCloseTo(offlineLeg(equator, oneDegreeNorth, settings).minutes, 6);
  });
});

describe('travel settings', () => {
  it('accepts the defaults and refuses nonsense, naming the field', () => {
    expect(travelSettings.safeParse(defaultTravelSettings).success).toBe(true);
    const bad = travelSettings.safeParse({
      ...defaultTravelSettings,
      detourFactor: 0.5,
      osrm: { ...defaultTravelSettings.osrm, url: 'ftp://osrm.example' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['detourFactor'], ['osrm', 'url']]);
  });
});

describe('synchronous travel for the ranking', () => {
  it('gives the offline estimate in minutes, and 0 to or from an unknown place', () => {
    const minutes = offlineMinutes(defaultTravelSettings);
    expect(minutes(equator, oneDegreeNorth)).toBeCloseTo(221.83, 2);
    expect(minutes(equator, equator)).toBe(0);
    expect(minutes(null, equator)).toBe(0);
    expect(minutes(equator, null)).toBe(0);
  });

  it('answers a fetched travel table by place, one way only, and nothing for places outside it', () => {
    const depot: LatLng = { lat: 2, lng: 0 };
    const lookup = travelTableLookup({
      places: [equator, oneDegreeNorth],
      minutes: [
        [0, 180],
        [175, 0],
      ],
    });
    expect(lookup(equator, oneDegreeNorth)).toBe(180);
    expect(lookup(oneDegreeNorth, equator)).toBe(175);
    // Looked up by coordinates: the same place as another object is found.
    expect(lookup({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBe(180);
    expect(lookup(depot, oneDegreeNorth)).toBe(0);
    expect(lookup(null, oneDegreeNorth)).toBe(0);
    expect(lookup(equator, null)).toBe(0);
  });
});
