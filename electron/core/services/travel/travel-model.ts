import type { LatLng } from '../../../../shared/domain/travel';

/** Minutes and kilometres from every origin (rows) to every destination (columns). */
export interface TravelMatrix {
  minutes: number[][];
  km: number[][];
  /** Where the numbers came from: the road-routing server, or the offline estimate. */
  source: 'road' | 'offline';
}

/** Travel between places; the dispatch engine sees only this. */
export interface TravelModel {
  matrix(origins: readonly LatLng[], destinations: readonly LatLng[]): Promise<TravelMatrix>;
}

/**
 * Minutes from one place to another, answered at once: the ranking calls it tens of thousands of
 * times per ticket, so slow models (a road server) are asked beforehand and looked up here.
 * An unknown place (null) costs 0.
 */
export type TravelMinutes = (from: LatLng | null, to: LatLng | null) => number;
