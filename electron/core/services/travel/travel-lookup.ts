import type { LatLng } from '../../../../shared/domain/travel';
import type { TravelMinutes } from './travel-model';

/** Minutes known beforehand (e.g. an OSRM table), keyed by the very LatLng objects of the schedules. */
export type KnownLegs = ReadonlyMap<LatLng, ReadonlyMap<LatLng, number>>;

/**
 * A travel function that answers from legs fetched beforehand and asks `fallback` (the offline
 * estimate) for any other pair. Keys are object identities, not coordinates: a lookup then costs
 * two map probes and no string, which matters at 50,000 calls per ranking. Pass the same LatLng
 * objects that the TechnicianSchedule and TicketNeeds hold.
 */
export function travelLookup(known: KnownLegs, fallback: TravelMinutes): TravelMinutes {
  return (from, to) => {
    if (from === null || to === null) return 0;
    return known.get(from)?.get(to) ?? fallback(from, to);
  };
}
