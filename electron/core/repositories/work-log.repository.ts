import { randomUUID } from 'node:crypto';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { VisitStatus } from '../../../shared/domain/visit';
import type { WorkLogPartDto, WorkOutcome } from '../../../shared/domain/work-log';
import { readJson, textList } from '../db/json-column';
import type { Tx } from '../db/transaction';

/** A visit as its work log needs it: who is on the crew (by login) and when they were on site. */
export interface DocumentedVisit {
  visitId: string;
  ticketId: string;
  ticketNumber: string;
  clientId: string;
  ticketStatus: TicketStatus;
  startsAt: string;
  status: VisitStatus;
  technicianName: string;
  arrivedAt: string | null;
  finishedAt: string | null;
  /** The logins of the crew's technicians (lead and helpers) that have one. */
  crewUserIds: string[];
}

export interface WorkLogRecord {
  actions: string;
  steps: string[];
  noParts: boolean;
  timeOnSiteMinutes: number | null;
  outcome: WorkOutcome | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  parts: WorkLogPartDto[];
}

/** Visits with their crew's logins, by id or by ticket, in start order. */
export async function findDocumentedVisits(
  db: Tx,
  filter: { visitId: string } | { ticketId: string },
): Promise<DocumentedVisit[]> {
  let query = db
    .selectFrom('visits as v')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .innerJoin('technicians as lead', 'lead.id', 'v.technician_id')
    .select([
      'v.id',
      'v.ticket_id',
      't.number',
      't.client_id',
      't.status as ticket_status',
      'v.starts_at',
      'v.status',
      'lead.name',
      'v.arrived_at',
      'v.finished_at',
    ]);
  query =
    'visitId' in filter ? query.where('v.id', '=', filter.visitId) : query.where('v.ticket_id', '=', filter.ticketId);
  const rows = await query.orderBy('v.starts_at').orderBy('v.id').execute();
  if (rows.length === 0) return [];
  const crew = await db
    .selectFrom('visit_crew as c')
    .innerJoin('technicians as tech', 'tech.id', 'c.technician_id')
    .select(['c.visit_id', 'tech.user_id'])
    .where(
      'c.visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    visitId: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    clientId: r.client_id,
    ticketStatus: r.ticket_status,
    startsAt: r.starts_at,
    status: r.status,
    technicianName: r.name,
    arrivedAt: r.arrived_at,
    finishedAt: r.finished_at,
    crewUserIds: crew.filter((c) => c.visit_id === r.id && c.user_id !== null).map((c) => c.user_id as string),
  }));
}

/** The work logs of some visits with their parts lines, keyed by visit id; visits without one are absent. */
export async function findWorkLogs(db: Tx, visitIds: readonly string[]): Promise<Map<string, WorkLogRecord>> {
  if (visitIds.length === 0) return new Map();
  const logs = await db
    .selectFrom('visit_work_logs as w')
    .innerJoin('users as u', 'u.id', 'w.updated_by')
    .selectAll('w')
    .select('u.display_name')
    .where('w.visit_id', 'in', [...visitIds])
    .execute();
  const lines = await db
    .selectFrom('visit_parts as vp')
    .innerJoin('parts as p', 'p.id', 'vp.part_id')
    .select([
      'vp.id',
      'vp.visit_id',
      'vp.part_id',
      'p.sku',
      'p.name',
      'p.unit',
      'vp.quantity',
      'vp.serials_installed',
      'vp.serials_removed',
    ])
    .where('vp.visit_id', 'in', [...visitIds])
    .orderBy('vp.visit_id')
    .orderBy('vp.position')
    .execute();
  return new Map(
    logs.map((w) => [
      w.visit_id,
      {
        actions: w.actions,
        steps: readJson(textList, w.steps, `visit_work_logs.steps of visit ${w.visit_id}`),
        noParts: Number(w.no_parts) === 1,
        timeOnSiteMinutes: w.time_on_site_minutes === null ? null : Number(w.time_on_site_minutes),
        outcome: w.outcome,
        version: Number(w.version),
        updatedAt: w.updated_at,
        updatedBy: w.display_name,
        parts: lines
          .filter((l) => l.visit_id === w.visit_id)
          .map((l) => ({
            partId: l.part_id,
            sku: l.sku,
            name: l.name,
            unit: l.unit,
            quantity: Number(l.quantity),
            serialsInstalled: readJson(textList, l.serials_installed, `visit_parts.serials_installed of line ${l.id}`),
            serialsRemoved: readJson(textList, l.serials_removed, `visit_parts.serials_removed of line ${l.id}`),
          })),
      },
    ]),
  );
}

export interface WorkLogWrite {
  visitId: string;
  ticketId: string;
  actions: string;
  steps: string[];
  noParts: boolean;
  timeOnSiteMinutes: number | null;
  outcome: WorkOutcome | null;
  parts: { partId: string; quantity: number; serialsInstalled: string[]; serialsRemoved: string[] }[];
  at: string;
  by: string;
}

/**
 * Writes a visit's work log if it is still at `expectedVersion` (0: none yet) and replaces its
 * parts lines as a whole. False when someone else saved first: the caller answers `stale`.
 */
export async function saveWorkLogIfVersion(db: Tx, log: WorkLogWrite, expectedVersion: number): Promise<boolean> {
  const fields = {
    actions: log.actions,
    steps: JSON.stringify(log.steps),
    no_parts: log.noParts ? 1 : 0,
    time_on_site_minutes: log.timeOnSiteMinutes,
    outcome: log.outcome,
    updated_at: log.at,
    updated_by: log.by,
  };
  if (expectedVersion === 0) {
    const existing = await db
      .selectFrom('visit_work_logs')
      .select('visit_id')
      .where('visit_id', '=', log.visitId)
      .executeTakeFirst();
    if (existing) return false;
    // Two first saves at once: the primary key refuses the second, which the handler answers as stale.
    await db
      .insertInto('visit_work_logs')
      .values({ visit_id: log.visitId, ticket_id: log.ticketId, version: 1, ...fields })
      .execute();
  } else {
    const result = await db
      .updateTable('visit_work_logs')
      .set({ ...fields, version: expectedVersion + 1 })
      .where('visit_id', '=', log.visitId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
  }
  await db.deleteFrom('visit_parts').where('visit_id', '=', log.visitId).execute();
  if (log.parts.length > 0) {
    await db
      .insertInto('visit_parts')
      .values(
        log.parts.map((p, position) => ({
          id: randomUUID(),
          visit_id: log.visitId,
          part_id: p.partId,
          position,
          quantity: p.quantity,
          serials_installed: JSON.stringify(p.serialsInstalled),
          serials_removed: JSON.stringify(p.serialsRemoved),
        })),
      )
      .execute();
  }
  return true;
}
