import type { LatLng, TravelSettings } from '../../../../shared/domain/travel';
import { offlineLeg, offlineTravel } from './offline-travel';
import type { TravelMatrix, TravelModel } from './travel-model';

// osrm-routed refuses tables of more than 100 coordinates by default (--max-table-size).
const MAX_PER_SIDE = 50;
// After a failure the server is left alone for a while: the interactive path must not wait for a
// timeout on every ranking while the server is down.
const BACKOFF_MS = 30_000;

interface Leg {
  km: number;
  minutes: number;
}

interface OsrmTable {
  code: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

const keyOf = (p: LatLng) => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function isTable(value: unknown, rows: number, columns: number): value is Required<OsrmTable> {
  const t = value as OsrmTable | null;
  const shaped = (m: unknown) =>
    Array.isArray(m) && m.length === rows && m.every((r) => Array.isArray(r) && r.length === columns);
  return t?.code === 'Ok' && shaped(t.durations) && shaped(t.distances);
}

export interface RoadTravel extends TravelModel {
  /** Requests sent to the server so far (cache hits send none). */
  readonly requests: number;
}

/**
 * Travel from an OSRM server's table service, cached per pair of places; the offline estimate
 * answers whenever the server cannot (down, slow, malformed answer), so dispatch never stops.
 * `now` only measures the back-off after a failure, an interval, hence the monotonic clock.
 */
export function roadTravel(settings: TravelSettings, now: () => number = () => performance.now()): RoadTravel {
  const offline = offlineTravel(settings);
  const cache = new Map<string, Leg>();
  const maxCached = 200_000;
  let failedAt = -Infinity;
  let requests = 0;

  function remember(key: string, leg: Leg) {
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, leg);
  }

  async function fetchTable(origins: LatLng[], destinations: LatLng[]): Promise<void> {
    const coordinates = [...origins, ...destinations].map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
    const sources = origins.map((_, i) => i).join(';');
    const targets = destinations.map((_, i) => origins.length + i).join(';');
    const base = settings.osrm.url.replace(/\/+$/, '');
    const url = `${base}/table/v1/${settings.osrm.profile}/${coordinates}?sources=${sources}&destinations=${targets}&annotations=duration,distance`;
    requests += 1;
    const response = await fetch(url, { signal: AbortSignal.timeout(settings.osrm.timeoutMs) });
    const body: unknown = await response.json();
    if (!isTable(body, origins.length, destinations.length)) {
      throw new Error(`OSRM answered ${response.status} without a usable table`);
    }
    origins.forEach((o, i) =>
      destinations.forEach((d, j) => {
        const seconds = body.durations[i]?.[j];
        const meters = body.distances[i]?.[j];
        const key = `${keyOf(o)}>${keyOf(d)}`;
        // No road between the two (OSRM's null): keep the estimate rather than call it impossible.
        if (seconds == null || meters == null) return remember(key, offlineLeg(o, d, settings));
        const km = meters / 1000;
        remember(key, { km, minutes: km === 0 ? 0 : seconds / 60 + settings.parkingMinutes });
      }),
    );
  }

  return {
    get requests() {
      return requests;
    },
    async matrix(origins, destinations): Promise<TravelMatrix> {
      const missingOrigins = new Map<string, LatLng>();
      const missingDestinations = new Map<string, LatLng>();
      for (const o of origins) {
        for (const d of destinations) {
          if (cache.has(`${keyOf(o)}>${keyOf(d)}`)) continue;
          missingOrigins.set(keyOf(o), o);
          missingDestinations.set(keyOf(d), d);
        }
      }
      if (missingOrigins.size > 0) {
        if (now() - failedAt < BACKOFF_MS) return offline.matrix(origins, destinations);
        try {
          for (const os of chunks([...missingOrigins.values()], MAX_PER_SIDE)) {
            for (const ds of chunks([...missingDestinations.values()], MAX_PER_SIDE)) await fetchTable(os, ds);
          }
        } catch (error) {
          failedAt = now();
          console.error(`Road routing unavailable, using the offline estimate: ${(error as Error).message}`);
          return offline.matrix(origins, destinations);
        }
      }
      const legs = origins.map((o) =>
        destinations.map((d) => cache.get(`${keyOf(o)}>${keyOf(d)}`) ?? offlineLeg(o, d, settings)),
      );
      return {
        minutes: legs.map((r) => r.map((l) => l.minutes)),
        km: legs.map((r) => r.map((l) => l.km)),
        source: 'road',
      };
    },
  };
}

/** The configured model: road routing with the offline fallback, or offline only. */
export function travelModel(settings: TravelSettings): TravelModel {
  return settings.osrm.enabled ? roadTravel(settings) : offlineTravel(settings);
}
