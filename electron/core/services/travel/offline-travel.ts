import type { LatLng, TravelSettings } from '../../../../shared/domain/travel';
import type { TravelMatrix, TravelMinutes, TravelModel } from './travel-model';

// IUGG mean Earth radius: the sphere that best fits the ellipsoid on average.
const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine, stable for short distances). */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

type OfflineSettings = Pick<TravelSettings, 'detourFactor' | 'averageSpeedKmh' | 'parkingMinutes'>;

/** Road kilometres and minutes estimated from the great circle; no trip, no parking. */
export function offlineLeg(a: LatLng, b: LatLng, settings: OfflineSettings): { km: number; minutes: number } {
  const km = greatCircleKm(a, b) * settings.detourFactor;
  if (km === 0) return { km: 0, minutes: 0 };
  return { km, minutes: (km / settings.averageSpeedKmh) * 60 + settings.parkingMinutes };
}

/** The model that always works: no network, same answer every time. */
export function offlineTravel(settings: OfflineSettings): TravelModel {
  return {
    matrix(origins, destinations): Promise<TravelMatrix> {
      const legs = origins.map((o) => destinations.map((d) => offlineLeg(o, d, settings)));
      return Promise.resolve({
        minutes: legs.map((row) => row.map((l) => l.minutes)),
        km: legs.map((row) => row.map((l) => l.km)),
        source: 'offline',
      });
    },
  };
}

/** The offline estimate as a synchronous function, for the ranking's inner loop. */
export function offlineMinutes(settings: OfflineSettings): TravelMinutes {
  const { detourFactor, averageSpeedKmh, parkingMinutes } = settings;
  return (from, to) => {
    if (from === null || to === null) return 0;
    const km = greatCircleKm(from, to) * detourFactor;
    // Inlined rather than offlineLeg: no object per call on the hot path.
    return km === 0 ? 0 : (km / averageSpeedKmh) * 60 + parkingMinutes;
  };
}
