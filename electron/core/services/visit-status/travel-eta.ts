import { latLngOf, type LatLng, type TravelSettings } from '../../../../shared/domain/travel';
import type { Tx } from '../../db/transaction';
import { travelModel } from '../travel/road-travel';

const MINUTE = 60_000;
/** A last known position older than this says little about where the technician is now. */
const POSITION_FRESH_MS = 12 * 60 * MINUTE;

/** Where a trip to one visit starts and ends, and when the visit was planned to start. */
export interface EtaLeg {
  from: LatLng | null;
  to: LatLng | null;
  plannedStart: string;
}

export interface EtaSuggestion {
  etaAt: string | null;
  /** Minutes of travel behind etaAt; null when a place was unknown and the plan stood in. */
  travelMinutes: number | null;
}

/**
 * The arrival each leg would have if the crew set off at `at`, from the configured travel model
 * (road routing when switched on, else the offline estimate; all legs in one matrix request).
 * Without both places the planned start stands in, as long as it is still ahead of `at`; when it
 * is not, there is nothing honest to suggest and the ETA is left unknown.
 */
export async function suggestEtas(
  settings: TravelSettings,
  legs: readonly EtaLeg[],
  at: string,
): Promise<EtaSuggestion[]> {
  const start = Date.parse(at);
  const known = legs.filter((l): l is EtaLeg & { from: LatLng; to: LatLng } => l.from !== null && l.to !== null);
  const minutes = new Map<EtaLeg, number>();
  if (known.length > 0) {
    const matrix = await travelModel(settings).matrix(
      known.map((l) => l.from),
      known.map((l) => l.to),
    );
    known.forEach((leg, i) => minutes.set(leg, matrix.minutes[i]?.[i] ?? 0));
  }
  return legs.map((leg) => {
    const travel = minutes.get(leg);
    if (travel !== undefined) {
      // An arrival is always after setting off, even next door.
      const rounded = Math.max(1, Math.ceil(travel));
      return { etaAt: new Date(start + rounded * MINUTE).toISOString(), travelMinutes: rounded };
    }
    return { etaAt: Date.parse(leg.plannedStart) > start ? leg.plannedStart : null, travelMinutes: null };
  });
}

/** Where a technician is when no earlier visit that day says otherwise: a fresh last position, else their base. */
export function restingPlace(
  technician: {
    last_latitude: number | null;
    last_longitude: number | null;
    last_position_at: string | null;
    home_latitude: number | null;
    home_longitude: number | null;
  },
  at: string,
): LatLng | null {
  const last = latLngOf(technician.last_latitude, technician.last_longitude);
  const age = technician.last_position_at ? Date.parse(at) - Date.parse(technician.last_position_at) : Infinity;
  if (last && age <= POSITION_FRESH_MS) return last;
  return latLngOf(technician.home_latitude, technician.home_longitude) ?? last;
}

export async function findTechnicianPlaces(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('technicians')
    .select([
      'id',
      'name',
      'time_zone',
      'last_latitude',
      'last_longitude',
      'last_position_at',
      'home_latitude',
      'home_longitude',
    ])
    .where('id', 'in', [...ids])
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
}

/**
 * Where a technician sets off from for a visit: the site of their latest earlier visit that day
 * with known coordinates, else where they rest (fresh last position or base).
 */
export async function originFor(
  db: Tx,
  technician: Parameters<typeof restingPlace>[0] & { id: string },
  visit: { id: string; startsAt: string },
  dayStart: string,
  at: string,
): Promise<LatLng | null> {
  const previous = await db
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .innerJoin('sites as s', 's.id', 't.site_id')
    .select(['s.latitude', 's.longitude'])
    .where('c.technician_id', '=', technician.id)
    .where('v.id', '<>', visit.id)
    .where('v.status', '<>', 'cancelled')
    .where('v.starts_at', '>=', dayStart)
    .where('v.starts_at', '<', visit.startsAt)
    .where('s.latitude', 'is not', null)
    .where('s.longitude', 'is not', null)
    .orderBy('v.starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latLngOf(previous?.latitude ?? null, previous?.longitude ?? null) ?? restingPlace(technician, at);
}
