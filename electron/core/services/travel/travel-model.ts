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
