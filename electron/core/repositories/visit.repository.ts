import { sql } from 'kysely';
import { latLngOf, type LatLng } from '../../../shared/domain/travel';
import { liveVisitStatuses, type VisitChecklist, type VisitDto, type VisitStatus } from '../../../shared/domain/visit';
import { readJson, textList } from '../db/json-column';
import type { Tx } from '../db/transaction';
import { statusHistoryOf } from './visit-status.repository';

const SUMMARY_LENGTH = 140;

/** A visit as a write needs it: no joins, the crew as ids. */
export interface VisitRecord {
  id: string;
  ticketId: string;
  technicianId: string;
  helperIds: string[];
  startsAt: string;
  endsAt: string;
  resolveFrom: string | null;
  resolveBy: string | null;
  status: VisitStatus;
  pinned: boolean;
  version: number;
  override: { reason: string; rules: string[] } | null;
}

export interface CrewRow {
  technicianId: string;
  role: 'lead' | 'helper';
}

/** Lead and helpers as crew rows, ordered by technician id so concurrent writers lock in one order. */
export function crewOf(technicianId: string, helperIds: readonly string[]): CrewRow[] {
  return [
    { technicianId, role: 'lead' as const },
    ...helperIds.map((h) => ({ technicianId: h, role: 'helper' as const })),
  ].sort((a, b) => a.technicianId.localeCompare(b.technicianId));
}

export async function insertVisit(
  db: Tx,
  visit: Omit<VisitRecord, 'version' | 'status' | 'helperIds'> & { crew: CrewRow[]; at: string; by: string },
): Promise<void> {
  await db
    .insertInto('visits')
    .values({
      id: visit.id,
      ticket_id: visit.ticketId,
      technician_id: visit.technicianId,
      starts_at: visit.startsAt,
      ends_at: visit.endsAt,
      resolve_from: visit.resolveFrom,
      resolve_by: visit.resolveBy,
      status: 'scheduled',
      pinned: visit.pinned ? 1 : 0,
      contact_confirmed: 0,
      contact_name: null,
      contact_method: null,
      location_confirmed: 0,
      access_badge: 0,
      access_escort: 0,
      access_parking: 0,
      access_hours: 0,
      access_notes: null,
      override_reason: visit.override?.reason ?? null,
      override_rules: visit.override ? JSON.stringify(visit.override.rules) : null,
      cancel_reason: null,
      version: 1,
      created_at: visit.at,
      created_by: visit.by,
      updated_at: visit.at,
      updated_by: visit.by,
    })
    .execute();
  await insertCrew(db, visit.id, visit.crew, visit.startsAt, visit.endsAt);
}

async function insertCrew(db: Tx, visitId: string, crew: CrewRow[], startsAt: string, endsAt: string): Promise<void> {
  // One row at a time, in the caller's order (by technician id): two writers that share crew
  // members then wait on each other in the same order instead of deadlocking.
  for (const member of crew) {
    await db
      .insertInto('visit_crew')
      .values({
        visit_id: visitId,
        technician_id: member.technicianId,
        role: member.role,
        starts_at: startsAt,
        ends_at: endsAt,
        active: 1,
      })
      .execute();
  }
}

/** The override a visit was booked with, and the rules it set aside. */
function overrideOf(row: {
  id: string;
  override_reason: string | null;
  override_rules: string | null;
}): { reason: string; rules: string[] } | null {
  if (!row.override_reason) return null;
  const rules =
    row.override_rules === null
      ? []
      : readJson(textList, row.override_rules, `visits.override_rules of visit ${row.id}`);
  return { reason: row.override_reason, rules };
}

export async function findVisitRecord(db: Tx, id: string): Promise<VisitRecord | undefined> {
  const row = await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const crew = await db
    .selectFrom('visit_crew')
    .select(['technician_id', 'role'])
    .where('visit_id', '=', id)
    .orderBy('technician_id')
    .execute();
  return {
    id: row.id,
    ticketId: row.ticket_id,
    technicianId: row.technician_id,
    helperIds: crew.filter((c) => c.role === 'helper').map((c) => c.technician_id),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    resolveFrom: row.resolve_from,
    resolveBy: row.resolve_by,
    status: row.status,
    pinned: row.pinned === 1,
    version: Number(row.version),
    override: overrideOf(row),
  };
}

/**
 * Applies a change only if the visit is still at `expectedVersion`, and moves the version on.
 * False when someone else's change came first: the caller answers `stale`. On PostgreSQL the
 * row lock makes a concurrent second writer wait and then match nothing.
 */
export async function updateVisitIfVersion(
  db: Tx,
  id: string,
  expectedVersion: number,
  change: {
    technicianId?: string;
    startsAt?: string;
    endsAt?: string;
    resolveFrom?: string | null;
    resolveBy?: string | null;
    pinned?: boolean;
    status?: VisitStatus;
    override?: { reason: string; rules: string[] } | null;
    cancelReason?: string;
    checklist?: VisitChecklist;
    at: string;
    by: string;
  },
): Promise<boolean> {
  const { checklist } = change;
  const result = await db
    .updateTable('visits')
    .set({
      version: sql<number>`version + 1`,
      updated_at: change.at,
      updated_by: change.by,
      ...(change.technicianId !== undefined ? { technician_id: change.technicianId } : {}),
      ...(change.startsAt !== undefined ? { starts_at: change.startsAt } : {}),
      ...(change.endsAt !== undefined ? { ends_at: change.endsAt } : {}),
      ...(change.resolveFrom !== undefined ? { resolve_from: change.resolveFrom } : {}),
      ...(change.resolveBy !== undefined ? { resolve_by: change.resolveBy } : {}),
      ...(change.pinned !== undefined ? { pinned: change.pinned ? 1 : 0 } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.cancelReason !== undefined ? { cancel_reason: change.cancelReason } : {}),
      ...(change.override !== undefined
        ? {
            override_reason: change.override?.reason ?? null,
            override_rules: change.override ? JSON.stringify(change.override.rules) : null,
          }
        : {}),
      ...(checklist
        ? {
            contact_confirmed: checklist.contact.confirmed ? 1 : 0,
            contact_name: checklist.contact.name,
            contact_method: checklist.contact.method,
            location_confirmed: checklist.locationConfirmed ? 1 : 0,
            access_badge: checklist.access.badge ? 1 : 0,
            access_escort: checklist.access.escort ? 1 : 0,
            access_parking: checklist.access.parking ? 1 : 0,
            access_hours: checklist.access.openingHours ? 1 : 0,
            access_notes: checklist.access.notes,
          }
        : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a visit's crew and their time; the old rows go first so they never clash with the new. */
export async function replaceCrew(
  db: Tx,
  visitId: string,
  crew: CrewRow[],
  startsAt: string,
  endsAt: string,
): Promise<void> {
  await db.deleteFrom('visit_crew').where('visit_id', '=', visitId).execute();
  await insertCrew(db, visitId, crew, startsAt, endsAt);
}

/** Releases the crew's time (a cancelled visit no longer blocks anyone). */
export async function releaseCrew(db: Tx, visitId: string): Promise<void> {
  await db.updateTable('visit_crew').set({ active: 0 }).where('visit_id', '=', visitId).execute();
}

export interface Clash {
  visitId: string;
  ticketNumber: string;
  technicianId: string;
  technicianName: string;
  technicianZone: string | null;
  startsAt: string;
  endsAt: string;
}

/** Live visits that hold any of the technicians' time within [startsAt, endsAt) (touching is fine). */
export async function findClashes(
  db: Tx,
  filter: { technicianIds: readonly string[]; startsAt: string; endsAt: string; exceptVisitId: string | null },
): Promise<Clash[]> {
  let query = db
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .innerJoin('technicians as tech', 'tech.id', 'c.technician_id')
    .select(['c.visit_id', 't.number', 'c.technician_id', 'tech.name', 'tech.time_zone', 'c.starts_at', 'c.ends_at'])
    .where('c.technician_id', 'in', [...filter.technicianIds])
    .where('c.active', '=', 1)
    .where('c.starts_at', '<', filter.endsAt)
    .where('c.ends_at', '>', filter.startsAt);
  if (filter.exceptVisitId) query = query.where('c.visit_id', '<>', filter.exceptVisitId);
  const rows = await query.orderBy('c.starts_at').execute();
  return rows.map((r) => ({
    visitId: r.visit_id,
    ticketNumber: r.number,
    technicianId: r.technician_id,
    technicianName: r.name,
    technicianZone: r.time_zone,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  }));
}

/** A technician's live visits within [from, to) with where they happen, for travel checks. */
export async function crewVisitsBetween(
  db: Tx,
  filter: { technicianId: string; from: string; to: string; exceptVisitId: string | null },
): Promise<{ visitId: string; ticketNumber: string; startsAt: string; endsAt: string; location: LatLng | null }[]> {
  let query = db
    .selectFrom('visit_crew as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select(['c.visit_id', 't.number', 'c.starts_at', 'c.ends_at', 's.latitude', 's.longitude'])
    .where('c.technician_id', '=', filter.technicianId)
    .where('c.active', '=', 1)
    .where('c.starts_at', '<', filter.to)
    .where('c.ends_at', '>', filter.from);
  if (filter.exceptVisitId) query = query.where('c.visit_id', '<>', filter.exceptVisitId);
  const rows = await query.orderBy('c.starts_at').execute();
  return rows.map((r) => ({
    visitId: r.visit_id,
    ticketNumber: r.number,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: latLngOf(r.latitude, r.longitude),
  }));
}

/** Whether a ticket still has a visit that is not finished or cancelled. */
export async function hasLiveVisit(db: Tx, ticketId: string): Promise<boolean> {
  const row = await db
    .selectFrom('visits')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('status', 'in', [...liveVisitStatuses])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The technician records linked to a user (a technician's login), for "my visits". */
export async function technicianIdsOfUser(db: Tx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('technicians').select('id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.id);
}

export interface VisitFilter {
  ids?: readonly string[];
  ticketId?: string;
  /** Visits overlapping [from, to). */
  from?: string;
  to?: string;
  /** Visits with any of these technicians in the crew. */
  technicianIds?: readonly string[];
  includeCancelled: boolean;
}

/** The projected arrival, shown only while the crew has yet to reach the site. */
function projectionOf(r: { status: VisitDto['status']; starts_at: string; projected_arrival_at: string | null }) {
  const arrival = r.status === 'scheduled' || r.status === 'en_route' ? r.projected_arrival_at : null;
  if (!arrival) return { projectedArrivalAt: null, projectedLateMinutes: null };
  const late = Math.max(0, Math.round((Date.parse(arrival) - Date.parse(r.starts_at)) / 60_000));
  return { projectedArrivalAt: arrival, projectedLateMinutes: late };
}

/** Visits as DTOs, in start order, in three queries whatever their number. */
export async function listVisits(db: Tx, filter: VisitFilter): Promise<VisitDto[]> {
  let query = db
    .selectFrom('visits as v')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .innerJoin('technicians as lead', 'lead.id', 'v.technician_id')
    .innerJoin('users as cu', 'cu.id', 'v.created_by')
    .innerJoin('users as uu', 'uu.id', 'v.updated_by')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('visit_projections as vp', 'vp.visit_id', 'v.id')
    .selectAll('v')
    .select([
      'vp.projected_arrival_at',
      't.number',
      't.priority',
      sql<string>`substr(t.description, 1, ${SUMMARY_LENGTH})`.as('summary'),
      'cl.name as client_name',
      'lead.name as lead_name',
      'cu.display_name as created_by_name',
      'uu.display_name as updated_by_name',
      's.id as site_id',
      's.name as site_name',
      's.address as site_address',
      's.latitude as site_latitude',
      's.longitude as site_longitude',
    ]);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('v.id', 'in', [...filter.ids]);
  }
  if (filter.ticketId) query = query.where('v.ticket_id', '=', filter.ticketId);
  if (filter.from) query = query.where('v.ends_at', '>', filter.from);
  if (filter.to) query = query.where('v.starts_at', '<', filter.to);
  if (!filter.includeCancelled) query = query.where('v.status', '<>', 'cancelled');
  const { technicianIds } = filter;
  if (technicianIds) {
    if (technicianIds.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('visit_crew as m')
          .select('m.visit_id')
          .whereRef('m.visit_id', '=', 'v.id')
          .where('m.technician_id', 'in', [...technicianIds]),
      ),
    );
  }
  const rows = await query.orderBy('v.starts_at').orderBy('v.id').execute();
  if (rows.length === 0) return [];
  const crew = await db
    .selectFrom('visit_crew as c')
    .innerJoin('technicians as tech', 'tech.id', 'c.technician_id')
    .select(['c.visit_id', 'c.technician_id', 'c.role', 'tech.name'])
    .where(
      'c.visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('tech.name')
    .execute();
  const history = await statusHistoryOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const members = crew
      .filter((c) => c.visit_id === r.id)
      .map((c) => ({ technicianId: c.technician_id, name: c.name, role: c.role }));
    const helpers = members.filter((m) => m.role === 'helper');
    const lead = members.filter((m) => m.role === 'lead');
    return {
      id: r.id,
      ticketId: r.ticket_id,
      ticketNumber: r.number,
      ticketSummary: r.summary,
      priority: r.priority,
      clientName: r.client_name,
      site:
        r.site_id && r.site_name && r.site_address
          ? {
              id: r.site_id,
              name: r.site_name,
              address: r.site_address,
              latitude: r.site_latitude,
              longitude: r.site_longitude,
            }
          : null,
      technicianId: r.technician_id,
      technicianName: r.lead_name,
      helperIds: helpers.map((h) => h.technicianId),
      crew: [...lead, ...helpers],
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      durationMinutes: Math.round((Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 60_000),
      resolveFrom: r.resolve_from,
      resolveBy: r.resolve_by,
      status: r.status,
      pinned: r.pinned === 1,
      checklist: {
        contact: {
          confirmed: r.contact_confirmed === 1,
          name: r.contact_name,
          method: r.contact_method,
        },
        locationConfirmed: r.location_confirmed === 1,
        access: {
          badge: r.access_badge === 1,
          escort: r.access_escort === 1,
          parking: r.access_parking === 1,
          openingHours: r.access_hours === 1,
          notes: r.access_notes,
        },
      },
      override: overrideOf(r),
      cancelReason: r.cancel_reason,
      progress: {
        enRouteAt: r.en_route_at,
        etaAt: r.eta_at,
        arrivedAt: r.arrived_at,
        finishedAt: r.finished_at,
        incompleteReason: r.incomplete_reason,
        note: r.status_note,
      },
      ...projectionOf(r),
      statusHistory: history.get(r.id) ?? [],
      version: Number(r.version),
      createdAt: r.created_at,
      createdBy: r.created_by_name,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by_name,
    };
  });
}
