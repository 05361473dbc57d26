import { sql } from 'kysely';
import type { LatLng } from '../../../shared/domain/travel';
import type { IncompleteReason, VisitStatus, VisitStatusChangeDto } from '../../../shared/domain/visit';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { Tx } from '../db/transaction';

/** The status changes of some visits, oldest first per visit, in one query. */
export async function statusHistoryOf(
  db: Tx,
  visitIds: readonly string[],
): Promise<Map<string, VisitStatusChangeDto[]>> {
  const byVisit = new Map<string, VisitStatusChangeDto[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = await db
    .selectFrom('visit_status_changes as c')
    .innerJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name')
    .where('c.visit_id', 'in', [...visitIds])
    .orderBy('c.recorded_at')
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    const list = byVisit.get(r.visit_id) ?? [];
    list.push({
      id: r.id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      at: r.at,
      etaAt: r.eta_at,
      reason: r.reason,
      note: r.note,
      onBehalf: Number(r.on_behalf) === 1,
      recordedAt: r.recorded_at,
      recordedBy: { id: r.recorded_by, name: r.display_name },
    });
    byVisit.set(r.visit_id, list);
  }
  return byVisit;
}

/** What a status change needs to know about the visit beyond its record. */
export async function findStatusContext(
  db: Tx,
  visitId: string,
): Promise<
  | {
      /** When the latest status change happened (as reported), or null before the first. */
      lastChangeAt: string | null;
      ticketReceivedAt: string;
      ticketFirstArrivalAt: string | null;
      site: LatLng | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('visits as v')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select(['t.received_at', 't.first_arrival_at', 's.latitude', 's.longitude'])
    .where('v.id', '=', visitId)
    .executeTakeFirst();
  if (!row) return undefined;
  const last = await db
    .selectFrom('visit_status_changes')
    .select(sql<string>`max(at)`.as('at'))
    .where('visit_id', '=', visitId)
    .executeTakeFirst();
  return {
    lastChangeAt: last?.at ?? null,
    ticketReceivedAt: row.received_at,
    ticketFirstArrivalAt: row.first_arrival_at,
    site: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
  };
}

export interface StatusChange {
  status: VisitStatus;
  /** Columns of the visit the change sets; absent ones keep their value. */
  enRouteAt?: string;
  etaAt?: string | null;
  arrivedAt?: string;
  finishedAt?: string;
  incompleteReason?: IncompleteReason;
  note: string | null;
}

/** Sets the status and its times if the visit is still at `expectedVersion`; false when it moved on. */
export async function updateVisitStatusIfVersion(
  db: Tx,
  id: string,
  expectedVersion: number,
  change: StatusChange & { at: string; by: string },
): Promise<boolean> {
  const result = await db
    .updateTable('visits')
    .set({
      status: change.status,
      status_note: change.note,
      version: sql<number>`version + 1`,
      updated_at: change.at,
      updated_by: change.by,
      ...(change.enRouteAt !== undefined ? { en_route_at: change.enRouteAt } : {}),
      ...(change.etaAt !== undefined ? { eta_at: change.etaAt } : {}),
      ...(change.arrivedAt !== undefined ? { arrived_at: change.arrivedAt } : {}),
      ...(change.finishedAt !== undefined ? { finished_at: change.finishedAt } : {}),
      ...(change.incompleteReason !== undefined ? { incomplete_reason: change.incompleteReason } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertStatusChange(
  db: Tx,
  row: {
    id: string;
    visitId: string;
    ticketId: string;
    from: VisitStatus;
    to: VisitStatus;
    at: string;
    etaAt: string | null;
    reason: IncompleteReason | null;
    note: string | null;
    onBehalf: boolean;
    recordedAt: string;
    recordedBy: string;
  },
): Promise<void> {
  await db
    .insertInto('visit_status_changes')
    .values({
      id: row.id,
      visit_id: row.visitId,
      ticket_id: row.ticketId,
      from_status: row.from,
      to_status: row.to,
      at: row.at,
      eta_at: row.etaAt,
      reason: row.reason,
      note: row.note,
      on_behalf: row.onBehalf ? 1 : 0,
      recorded_at: row.recordedAt,
      recorded_by: row.recordedBy,
    })
    .execute();
}

/**
 * Gives back the booked time a finished visit no longer needs: the crew's time ends when the
 * visit did, so the board, the recommender and the no-overlap rule see them free from then on.
 * The visit keeps its planned times. Nothing is extended when a visit overran.
 */
export async function releaseCrewAfter(db: Tx, visitId: string, finishedAt: string): Promise<void> {
  // Finished before the booked time even began: nothing of it was used.
  await db
    .updateTable('visit_crew')
    .set({ active: 0 })
    .where('visit_id', '=', visitId)
    .where('starts_at', '>=', finishedAt)
    .execute();
  await db
    .updateTable('visit_crew')
    .set({ ends_at: finishedAt })
    .where('visit_id', '=', visitId)
    .where('starts_at', '<', finishedAt)
    .where('ends_at', '>', finishedAt)
    .execute();
}

/** Moves technicians' last known position to a place, unless a later position is already known. */
export async function placeTechnicians(
  db: Tx,
  technicianIds: readonly string[],
  place: LatLng,
  at: string,
): Promise<void> {
  if (technicianIds.length === 0) return;
  await db
    .updateTable('technicians')
    .set({ last_latitude: place.lat, last_longitude: place.lng, last_position_at: at })
    .where('id', 'in', [...technicianIds])
    .where((eb) => eb.or([eb('last_position_at', 'is', null), eb('last_position_at', '<=', at)]))
    .execute();
}

/** The ticket's status and first arrival as visits report progress; bumps its version. */
export async function setTicketProgress(
  db: Tx,
  id: string,
  change: { status: TicketStatus; firstArrivalAt?: string; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('tickets')
    .set({
      status: change.status,
      updated_at: change.updatedAt,
      version: sql<number>`version + 1`,
      ...(change.firstArrivalAt !== undefined
        ? { first_arrival_at: change.firstArrivalAt, response_kind: 'on_site' as const }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Whether another visit of the ticket has its crew on the way or on site. */
export async function hasVisitUnderWay(db: Tx, ticketId: string, exceptVisitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('visits')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('id', '<>', exceptVisitId)
    .where('status', 'in', ['en_route', 'on_site'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
