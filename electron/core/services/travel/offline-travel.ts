import {
  greatCircleKm,
  offlineTripMinutes,
  type LatLng,
  type OfflineTravelSettings,
} from '../../../../shared/domain/travel';
import type { TravelMatrix, TravelMinutes, TravelModel } from './travel-model';

type OfflineSettings = OfflineTravelSettings;

/** Road kilometres and minutes estimated from the great circle; no trip, no parking. */
export function offlineLeg(a: LatLng, b: LatLng, settings: OfflineSettings): { km: number; minutes: number } {
  return { km: greatCircleKm(a, b) * settings.detourFactor, minutes: offlineTripMinutes(a, b, settings) };
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
