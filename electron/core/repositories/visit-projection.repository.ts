import type { VisitStatus } from '../../../shared/domain/visit';
import type { Tx } from '../db/transaction';

// Projected arrivals and the delay notices sent about them (issue 14 §4.6).

const live: VisitStatus[] = ['scheduled', 'en_route', 'on_site'];

/** A visit of a technician's day (as lead or helper), with its site and what was told about its delay. */
export interface DayVisitRow {
  id: string;
  leadId: string;
  status: VisitStatus;
  startsAt: string;
  endsAt: string;
  etaAt: string | null;
  latitude: number | null;
  longitude: number | null;
  projectedArrivalAt: string | null;
  noticeEta: string | null;
  noticePlannedStart: string | null;
  noticesSent: number;
}

/** One technician's visits overlapping [from, to), cancelled ones left out, in start order. */
export async function findDayVisits(tx: Tx, technicianId: string, from: string, to: string): Promise<DayVisitRow[]> {
  const rows = await tx
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('visit_projections as p', 'p.visit_id', 'v.id')
    .select([
      'v.id',
      'v.technician_id',
      'v.status',
      'v.starts_at',
      'v.ends_at',
      'v.eta_at',
      's.latitude',
      's.longitude',
      'p.projected_arrival_at',
      'p.notice_eta',
      'p.notice_planned_start',
      'p.notices_sent',
    ])
    .where('c.technician_id', '=', technicianId)
    .where('v.status', '<>', 'cancelled')
    .where('v.ends_at', '>', from)
    .where('v.starts_at', '<', to)
    .orderBy('v.starts_at')
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    leadId: r.technician_id,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    etaAt: r.eta_at,
    latitude: r.latitude,
    longitude: r.longitude,
    projectedArrivalAt: r.projected_arrival_at,
    noticeEta: r.notice_eta,
    noticePlannedStart: r.notice_planned_start,
    noticesSent: Number(r.notices_sent ?? 0),
  }));
}

/** Stores (or clears, with null) the arrival projected for a visit. */
export async function saveProjection(
  tx: Tx,
  visitId: string,
  projectedArrivalAt: string | null,
  computedAt: string,
): Promise<void> {
  await tx
    .insertInto('visit_projections')
    .values({ visit_id: visitId, projected_arrival_at: projectedArrivalAt, computed_at: computedAt })
    .onConflict((oc) =>
      oc.column('visit_id').doUpdateSet({ projected_arrival_at: projectedArrivalAt, computed_at: computedAt }),
    )
    .execute();
}

/** Clears the projection of visits that left the plan (cancelled, moved to another day, reached). */
export async function clearProjections(tx: Tx, visitIds: readonly string[], computedAt: string): Promise<void> {
  if (visitIds.length === 0) return;
  await tx
    .updateTable('visit_projections')
    .set({ projected_arrival_at: null, computed_at: computedAt })
    .where('visit_id', 'in', [...visitIds])
    .execute();
}

/** Records the notice just queued: its estimate, the plan it was about and its number. */
export async function recordDelayNotice(
  tx: Tx,
  visitId: string,
  notice: { eta: string; plannedStart: string; number: number },
): Promise<void> {
  await tx
    .updateTable('visit_projections')
    .set({ notice_eta: notice.eta, notice_planned_start: notice.plannedStart, notices_sent: notice.number })
    .where('visit_id', '=', visitId)
    .execute();
}

/** Everyone on the crew of a live visit overlapping [from, to): the days a tick projects. */
export async function techniciansWithLiveVisits(tx: Tx, from: string, to: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .select('c.technician_id')
    .distinct()
    .where('v.status', 'in', live)
    .where('v.ends_at', '>', from)
    .where('v.starts_at', '<', to)
    .orderBy('c.technician_id')
    .execute();
  return rows.map((r) => r.technician_id);
}
