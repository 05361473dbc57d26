import type { TravelSettings } from './travel.schema';

export type { TravelSettings } from './travel.schema';

export interface LatLng {
  lat: number;
  lng: number;
}

/** A place from two nullable database columns; unknown unless both are known. */
export function latLngOf(latitude: number | null, longitude: number | null): LatLng | null {
  return latitude !== null && longitude !== null ? { lat: latitude, lng: longitude } : null;
}

// IUGG mean Earth radius: the sphere that best fits the ellipsoid on average.
export const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine, stable for short distances). */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** What the offline estimate needs of the travel settings. */
export type OfflineTravelSettings = Pick<TravelSettings, 'detourFactor' | 'averageSpeedKmh' | 'parkingMinutes'>;

/**
 * The offline estimate of one trip: the great circle times the detour factor, at the average
 * speed, plus parking; no trip, no parking. Booking rules, ranking and the board all use it.
 */
export function offlineTripMinutes(a: LatLng, b: LatLng, settings: OfflineTravelSettings): number {
  const km = greatCircleKm(a, b) * settings.detourFactor;
  return km === 0 ? 0 : (km / settings.averageSpeedKmh) * 60 + settings.parkingMinutes;
}

export const defaultTravelSettings: TravelSettings = {
  detourFactor: 1.3,
  averageSpeedKmh: 40,
  parkingMinutes: 5,
  osrm: { enabled: false, url: 'http://127.0.0.1:5000', profile: 'driving', timeoutMs: 2000 },
};
