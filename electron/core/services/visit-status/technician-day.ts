import { DateTime } from 'luxon';
import { latLngOf, type LatLng, type TravelSettings } from '../../../../shared/domain/travel';
import type { DayVisit, TechnicianDayDto } from '../../../../shared/domain/visit-status';
import type { Tx } from '../../db/transaction';
import { listVisits } from '../../repositories/visit.repository';
import { dayBounds } from '../dispatch/working-time';
import { restingPlace, suggestEtas, type EtaLeg, type findTechnicianPlaces } from './travel-eta';

type TechnicianPlace = Awaited<ReturnType<typeof findTechnicianPlaces>>[number];

/** Today's date in a zone, as YYYY-MM-DD. */
export function todayIn(zone: string, now: string): string {
  return DateTime.fromISO(now, { zone }).toISODate() ?? now.slice(0, 10);
}

/** What the crew needs beyond the visit itself: the full description, contact and site access. */
async function ticketDetails(db: Tx, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select(['t.id', 't.description', 'c.name', 'c.phone', 'c.email', 's.access_requirements'])
    .where('t.id', 'in', [...ticketIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * One technician's visits on one day of their zone, in order, with the ETA the en-route button
 * proposes for each visit still to start: travel from the previous visit's site that day, or from
 * where the technician rests (fresh last position, else base), if they set off now.
 */
export async function technicianDay(
  db: Tx,
  request: {
    technicians: readonly TechnicianPlace[];
    zone: string;
    date: string;
    now: string;
    travel: TravelSettings;
  },
): Promise<TechnicianDayDto> {
  const [technician] = request.technicians;
  if (!technician) return { technician: null, date: request.date, visits: [] };
  const bounds = dayBounds(request.date, request.zone);
  const visits = await listVisits(db, {
    from: new Date(bounds.start).toISOString(),
    to: new Date(bounds.end).toISOString(),
    technicianIds: request.technicians.map((t) => t.id),
    includeCancelled: false,
  });
  const details = await ticketDetails(db, [...new Set(visits.map((v) => v.ticketId))]);

  const resting = restingPlace(technician, request.now);
  const legs: EtaLeg[] = [];
  let previous: LatLng | null = null;
  for (const visit of visits) {
    const site = visit.site ? latLngOf(visit.site.latitude, visit.site.longitude) : null;
    legs.push({ from: previous ?? resting, to: site, plannedStart: visit.startsAt });
    previous = site ?? previous;
  }
  // Only a visit the crew has not set off for needs a suggestion; the others keep theirs.
  const waiting = visits.map((v) => v.status === 'scheduled');
  const etas = await suggestEtas(
    request.travel,
    legs.filter((_, i) => waiting[i]),
    request.now,
  );
  let next = 0;
  const dayVisits: DayVisit[] = visits.map((visit, i) => {
    const d = details.get(visit.ticketId) as
      | {
          description: string;
          name: string | null;
          phone: string | null;
          email: string | null;
          access_requirements: string | null;
        }
      | undefined;
    const eta = waiting[i] ? etas[next++] : undefined;
    return {
      ...visit,
      description: d?.description ?? visit.ticketSummary,
      contact: d?.name ? { name: d.name, phone: d.phone, email: d.email } : null,
      siteAccessRequirements: d?.access_requirements ?? null,
      suggestedEtaAt: eta?.etaAt ?? null,
      travelMinutes: eta?.travelMinutes ?? null,
    };
  });
  return {
    technician: { id: technician.id, name: technician.name, timeZone: request.zone },
    date: request.date,
    visits: dayVisits,
  };
}
