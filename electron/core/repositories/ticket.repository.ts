import { latLngOf } from '../../../shared/domain/travel';
import { sql, type Insertable } from 'kysely';
import { needsDto, type NeedsColumns } from '../services/ticket-needs.service';
import { priorityCriteria } from '../../../shared/domain/sla.schema';
import type { Channel, Priority, QueueRow, TicketDto, TicketStatus } from '../../../shared/domain/ticket';
import { liveVisitStatuses } from '../../../shared/domain/visit';
import { readJson } from '../db/json-column';
import type { TicketsTable } from '../db/schema';
import { latestClosure, listLinks } from './closure.repository';
import { latestRemoteResolution } from './remote-resolution.repository';
import type { Tx } from '../db/transaction';

/**
 * Takes the next number of the year from a counter row. The upsert holds the row's write lock
 * until commit, so two workstations on one PostgreSQL never draw the same number.
 */
export async function nextTicketSequence(db: Tx, year: number): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`ticket_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertTicket(db: Tx, row: Insertable<TicketsTable>): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function findTicketIdByExternalRef(
  db: Tx,
  channel: Channel,
  externalRef: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('tickets')
    .select('id')
    .where('channel', '=', channel)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}

export async function findTicket(db: Tx, id: string): Promise<TicketDto | undefined> {
  const row = await db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .innerJoin('users as u', 'u.id', 't.logged_by')
    .leftJoin('contacts as ct', 'ct.id', 't.contact_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('users as ou', 'ou.id', 't.priority_overridden_by')
    .leftJoin('work_types as wt', 'wt.id', 't.work_type_id')
    .selectAll('t')
    .select([
      'c.name as client_name',
      'u.display_name as logged_by_name',
      'ct.name as contact_name',
      'ct.phone as contact_phone',
      'ct.email as contact_email',
      's.name as site_name',
      's.address as site_address',
      's.time_zone as site_zone',
      'c.time_zone as client_zone',
      'ou.display_name as overridden_by_name',
      'wt.name as work_type_name',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const skills = row.required_skills ? await db.selectFrom('skills').select(['id', 'name']).execute() : [];
  const next = await db
    .selectFrom('visits as v')
    .innerJoin('technicians as vt', 'vt.id', 'v.technician_id')
    .select(['v.starts_at', 'vt.name'])
    .where('v.ticket_id', '=', id)
    .where('v.status', 'in', [...liveVisitStatuses])
    .orderBy('v.starts_at')
    .limit(1)
    .executeTakeFirst();
  return {
    id: row.id,
    version: Number(row.version),
    number: row.number,
    channel: row.channel,
    externalRef: row.external_ref,
    receivedAt: row.received_at,
    loggedAt: row.logged_at,
    loggedBy: { id: row.logged_by, displayName: row.logged_by_name },
    client: { id: row.client_id, name: row.client_name },
    contact:
      row.contact_id && row.contact_name
        ? { id: row.contact_id, name: row.contact_name, phone: row.contact_phone, email: row.contact_email }
        : null,
    site:
      row.site_id && row.site_name && row.site_address
        ? {
            id: row.site_id,
            name: row.site_name,
            address: row.site_address,
            timeZone: row.site_zone ?? row.client_zone,
          }
        : null,
    category: row.category,
    asset: row.asset,
    description: row.description,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    status: row.status,
    slaDueAt: row.sla_due_at,
    slaAtRiskAt: row.sla_at_risk_at,
    criteria: row.criteria ? readJson(priorityCriteria, row.criteria, `tickets.criteria of ticket ${row.id}`) : null,
    priorityOverride:
      row.priority_override_reason && row.priority_overridden_at
        ? {
            reason: row.priority_override_reason,
            by: row.overridden_by_name ?? 'unknown',
            at: row.priority_overridden_at,
          }
        : null,
    firstContactAt: row.first_contact_at,
    firstArrivalAt: row.first_arrival_at,
    responseKind: row.response_kind,
    needs: needsDto(row, { workType: row.work_type_name, skills: new Map(skills.map((s) => [s.id, s.name])) }),
    scheduledAt: next?.starts_at ?? null,
    scheduledWith: next?.name ?? null,
    closedAt: row.closed_at,
    closure: await latestClosure(db, id),
    links: await listLinks(db, id),
    remoteResolution: await latestRemoteResolution(db, id),
  };
}

export async function setTicketNeeds(db: Tx, id: string, needs: NeedsColumns, updatedAt: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ ...needs, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

const SUMMARY_LENGTH = 140;

export async function listQueue(
  db: Tx,
  filter: { statuses: readonly TicketStatus[]; clientId?: string },
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select([
      't.id',
      't.number',
      't.received_at',
      'c.name as client_name',
      's.name as site_name',
      's.latitude as site_latitude',
      's.longitude as site_longitude',
      't.priority',
      't.status',
      't.sla_due_at',
      't.sla_at_risk_at',
      't.first_arrival_at',
      sql<string>`substr(t.description, 1, ${SUMMARY_LENGTH})`.as('summary'),
      (eb) =>
        eb
          .selectFrom('visits as v')
          .select((v) => v.fn.min('v.starts_at').as('first'))
          .whereRef('v.ticket_id', '=', 't.id')
          .where('v.status', 'in', [...liveVisitStatuses])
          .as('scheduled_at'),
    ])
    .where('t.status', 'in', [...filter.statuses]);
  if (filter.clientId) query = query.where('t.client_id', '=', filter.clientId);
  // The "what next" order: tickets still waiting for a technician by least time left (so the
  // breached come first), then priority, then age.
  const rows = await query
    .orderBy(sql`case when t.first_arrival_at is null and t.sla_due_at is not null then 0 else 1 end`)
    .orderBy('t.sla_due_at')
    .orderBy(sql`case t.priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`)
    .orderBy('t.received_at')
    .execute();
  const lateness = await projectedLateness(db, filter);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    receivedAt: row.received_at,
    clientName: row.client_name,
    siteName: row.site_name,
    siteLocation:
      row.site_latitude !== null && row.site_longitude !== null
        ? { latitude: row.site_latitude, longitude: row.site_longitude }
        : null,
    priority: row.priority,
    status: row.status,
    slaDueAt: row.sla_due_at,
    slaAtRiskAt: row.sla_at_risk_at,
    firstArrivalAt: row.first_arrival_at,
    scheduledAt: row.scheduled_at ?? null,
    projectedLateMinutes: lateness.get(row.id) ?? null,
    summary: row.summary,
  }));
}

/** Per ticket, the most any of its visits not reached yet is projected late (minutes). */
async function projectedLateness(
  db: Tx,
  filter: { statuses: readonly TicketStatus[]; clientId?: string },
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('visit_projections as p')
    .innerJoin('visits as v', 'v.id', 'p.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .select(['v.ticket_id', 'v.starts_at', 'p.projected_arrival_at'])
    .where('v.status', 'in', ['scheduled', 'en_route'])
    .where('p.projected_arrival_at', 'is not', null)
    .where('t.status', 'in', [...filter.statuses]);
  if (filter.clientId) query = query.where('t.client_id', '=', filter.clientId);
  const late = new Map<string, number>();
  for (const row of await query.execute()) {
    if (!row.projected_arrival_at) continue;
    const minutes = Math.max(
      0,
      Math.round((Date.parse(row.projected_arrival_at) - Date.parse(row.starts_at)) / 60_000),
    );
    late.set(row.ticket_id, Math.max(minutes, late.get(row.ticket_id) ?? 0));
  }
  return late;
}

/** Open tickets still waiting for a technician, with what their SLA clock depends on. */
export async function listSlaTargets(
  db: Tx,
  filter: { ids?: string[] | undefined; statuses: readonly TicketStatus[] },
): Promise<
  {
    id: string;
    number: string;
    priority: Priority;
    receivedAt: string;
    clientId: string;
    siteId: string | null;
    dueAt: string | null;
    atRiskAt: string | null;
  }[]
> {
  let query = db
    .selectFrom('tickets')
    .select(['id', 'number', 'priority', 'received_at', 'client_id', 'site_id', 'sla_due_at', 'sla_at_risk_at'])
    .where('status', 'in', [...filter.statuses])
    .where('first_arrival_at', 'is', null);
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    priority: r.priority,
    receivedAt: r.received_at,
    clientId: r.client_id,
    siteId: r.site_id,
    dueAt: r.sla_due_at,
    atRiskAt: r.sla_at_risk_at,
  }));
}

export async function updateTicketSla(
  db: Tx,
  id: string,
  change: {
    priority: Priority;
    dueAt: string | null;
    atRiskAt: string | null;
    override?: { reason: string; by: string; at: string };
    updatedAt: string;
  },
): Promise<void> {
  await db
    .updateTable('tickets')
    .set({
      version: sql<number>`version + 1`,
      priority: change.priority,
      sla_due_at: change.dueAt,
      sla_at_risk_at: change.atRiskAt,
      updated_at: change.updatedAt,
      ...(change.override
        ? {
            priority_override_reason: change.override.reason,
            priority_overridden_by: change.override.by,
            priority_overridden_at: change.override.at,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setFirstContact(db: Tx, id: string, at: string, updatedAt: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ first_contact_at: at, updated_at: updatedAt, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The ticket's status and version, read inside a write before it books or cancels a visit. */
export async function findTicketForBooking(
  db: Tx,
  id: string,
): Promise<
  | {
      id: string;
      number: string;
      clientId: string;
      status: TicketStatus;
      version: number;
      location: { lat: number; lng: number } | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('tickets as t')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .select(['t.id', 't.number', 't.client_id', 't.status', 't.version', 's.latitude', 's.longitude'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    status: row.status,
    version: Number(row.version),
    location: latLngOf(row.latitude, row.longitude),
  };
}

/** Sets a ticket's status and bumps its version. */
export async function setTicketStatus(db: Tx, id: string, status: TicketStatus, updatedAt: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ status, updated_at: updatedAt, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}
