import { sql } from 'kysely';
import { escalationLevels, type EscalationDto, type EscalationKind } from '../../../shared/domain/escalation';
import type { Priority, TicketStatus } from '../../../shared/domain/ticket';
import type { Tx } from '../db/transaction';

/** Inserts an automatic escalation unless one with the same key exists; true when it was new. */
export async function insertAutoEscalation(
  db: Tx,
  row: { id: string; ticketId: string; level: number; kind: EscalationKind; reason: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('escalations')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      level: row.level,
      kind: row.kind,
      reason: row.reason,
      auto_key: `${row.kind}:${row.ticketId}`,
      created_at: row.createdAt,
      created_by: null,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledgement_note: null,
    })
    .onConflict((oc) => oc.column('auto_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The escalation a low feedback score raises: one per feedback, keyed by it. */
export async function insertFeedbackEscalation(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    feedbackId: string;
    reason: string;
    createdAt: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('escalations')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      level: escalationLevels.low_feedback,
      kind: 'low_feedback',
      reason: row.reason,
      auto_key: `low_feedback:${row.feedbackId}`,
      created_at: row.createdAt,
      created_by: row.createdBy,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledgement_note: null,
    })
    .execute();
}

export async function insertManualEscalation(
  db: Tx,
  row: { id: string; ticketId: string; level: number; reason: string; createdAt: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto('escalations')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      level: row.level,
      kind: 'manual',
      reason: row.reason,
      auto_key: null,
      created_at: row.createdAt,
      created_by: row.createdBy,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledgement_note: null,
    })
    .execute();
}

/**
 * Open tickets whose at-risk (or due) instant has passed and that have no escalation of that kind
 * yet: the watcher's whole work list, found by the database rather than by scanning every ticket.
 */
export async function findDueForEscalation(
  db: Tx,
  kind: 'at_risk' | 'breached',
  now: string,
  openStatuses: readonly TicketStatus[],
): Promise<{ id: string; number: string; clientId: string; priority: Priority; dueAt: string }[]> {
  const column = kind === 'at_risk' ? 't.sla_at_risk_at' : 't.sla_due_at';
  const rows = await db
    .selectFrom('tickets as t')
    .select(['t.id', 't.number', 't.client_id', 't.priority', 't.sla_due_at'])
    .where(column, kind === 'at_risk' ? '<=' : '<', now)
    .where('t.first_arrival_at', 'is', null)
    .where('t.status', 'in', [...openStatuses])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('escalations as e')
            .select(sql<number>`1`.as('one'))
            .whereRef('e.ticket_id', '=', 't.id')
            .where('e.kind', '=', kind),
        ),
      ),
    )
    .orderBy(column)
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    clientId: r.client_id,
    priority: r.priority,
    dueAt: r.sla_due_at ?? '',
  }));
}

export async function listEscalations(db: Tx, filter: { open: boolean; ticketId?: string }): Promise<EscalationDto[]> {
  let query = db
    .selectFrom('escalations as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('users as cu', 'cu.id', 'e.created_by')
    .leftJoin('users as au', 'au.id', 'e.acknowledged_by')
    .select([
      'e.id',
      'e.ticket_id',
      'e.level',
      'e.kind',
      'e.reason',
      'e.created_at',
      'e.acknowledged_at',
      'e.acknowledgement_note',
      't.number',
      't.priority',
      't.sla_due_at',
      'c.name as client_name',
      'cu.display_name as created_by_name',
      'au.display_name as acknowledged_by_name',
    ]);
  if (filter.open) query = query.where('e.acknowledged_at', 'is', null);
  if (filter.ticketId) query = query.where('e.ticket_id', '=', filter.ticketId);
  const rows = await query.orderBy('e.level', 'desc').orderBy('e.created_at', 'desc').limit(1000).execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    clientName: r.client_name,
    priority: r.priority,
    slaDueAt: r.sla_due_at,
    level: r.level,
    kind: r.kind,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by_name,
    acknowledgementNote: r.acknowledgement_note,
  }));
}

export async function acknowledgeEscalation(
  db: Tx,
  id: string,
  ack: { at: string; by: string; note: string },
): Promise<'done' | 'missing' | 'already'> {
  const result = await db
    .updateTable('escalations')
    .set({ acknowledged_at: ack.at, acknowledged_by: ack.by, acknowledgement_note: ack.note })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'done';
  const exists = await db.selectFrom('escalations').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? 'already' : 'missing';
}

export async function ticketOfEscalation(db: Tx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('escalations').select('ticket_id').where('id', '=', id).executeTakeFirst();
  return row?.ticket_id;
}
