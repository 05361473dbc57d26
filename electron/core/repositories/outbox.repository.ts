import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import {
  outboxStatuses,
  type DeliveryRecord,
  type OutboxAttachment,
  type OutboxMessageDto,
  type OutboxStatus,
  type OutboxSummaryDto,
  type OutboxTransport,
} from '../../../shared/domain/outbox';
import { deliveryRecord, outboxAttachment } from '../../../shared/domain/outbox.schema';
import type { DialectName } from '../db/dialect';
import { readJson } from '../db/json-column';
import type { OutboxTable } from '../db/schema';
import type { Tx } from '../db/transaction';

/** A message to send, as the change that causes it describes it. */
export interface NewOutboxMessage {
  /** The row's id; a fresh one when left out. */
  id?: string;
  /** Unique per event (e.g. `booking-confirmation:<visit>:<version>`): a repeat writes nothing. */
  eventKey: string;
  kind: string;
  ticketId?: string | null;
  visitId?: string | null;
  transport: OutboxTransport;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  attachments?: OutboxAttachment[];
  /** Now, from the caller's clock. */
  createdAt: string;
  /** When it is first due (a reminder: before the visit); by default at once. */
  dueAt?: string;
}

/**
 * Queues a message inside the caller's transaction, so it is sent if and only if the change that
 * caused it commits. Answers whether it was new: false when its event key was already queued.
 */
export async function enqueueMessage(tx: Tx, message: NewOutboxMessage): Promise<boolean> {
  const result = await tx
    .insertInto('outbox')
    .values({
      id: message.id ?? randomUUID(),
      event_key: message.eventKey,
      kind: message.kind,
      ticket_id: message.ticketId ?? null,
      visit_id: message.visitId ?? null,
      transport: message.transport,
      recipient: message.recipient,
      subject: message.subject,
      body_text: message.bodyText,
      body_html: message.bodyHtml ?? null,
      attachments: JSON.stringify(message.attachments ?? []),
      status: 'queued',
      next_attempt_at: message.dueAt ?? message.createdAt,
      claimed_by: null,
      claim_expires_at: null,
      last_error: null,
      created_at: message.createdAt,
      sent_at: null,
      delivery: null,
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Which of these event keys are queued already (in any state): their messages need no second look. */
export async function existingEventKeys(db: Tx, eventKeys: readonly string[]): Promise<Set<string>> {
  if (eventKeys.length === 0) return new Set();
  const rows = await db
    .selectFrom('outbox')
    .select('event_key')
    .where('event_key', 'in', [...eventKeys])
    .execute();
  return new Set(rows.map((r) => r.event_key));
}

const summaryColumns = [
  'id',
  'event_key',
  'kind',
  'ticket_id',
  'visit_id',
  'transport',
  'recipient',
  'subject',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'status_note',
  'created_at',
  'sent_at',
] as const;

type SummaryRow = Pick<Selectable<OutboxTable>, (typeof summaryColumns)[number]>;

function summaryOf(r: SummaryRow): OutboxSummaryDto {
  return {
    id: r.id,
    eventKey: r.event_key,
    kind: r.kind,
    ticketId: r.ticket_id,
    visitId: r.visit_id,
    transport: r.transport,
    recipient: r.recipient,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    statusNote: r.status_note,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** A claimed message, whole, as the sender needs it. */
export type ClaimedMessage = OutboxMessageDto;

type FullRow = Selectable<OutboxTable>;

function messageOf(r: FullRow): OutboxMessageDto {
  return {
    ...summaryOf(r),
    bodyText: r.body_text,
    bodyHtml: r.body_html,
    attachments: readJson(z.array(outboxAttachment), r.attachments, `outbox.attachments of ${r.id}`),
    delivery: r.delivery === null ? null : readJson(deliveryRecord, r.delivery, `outbox.delivery of ${r.id}`),
  };
}

export async function findMessage(db: Tx, id: string): Promise<OutboxMessageDto | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? messageOf(row) : undefined;
}

/** Messages newest first, optionally of one ticket or in one status, a page of `limit` at a time. */
export async function listMessages(
  db: Tx,
  filter: {
    ticketId?: string | undefined;
    status?: OutboxStatus | undefined;
    /** The last message of the previous page: those after it in the order listed. */
    after?: { createdAt: string; id: string } | undefined;
    limit: number;
  },
): Promise<OutboxSummaryDto[]> {
  let query = db.selectFrom('outbox').select(summaryColumns);
  if (filter.ticketId) query = query.where('ticket_id', '=', filter.ticketId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const { after } = filter;
  // Newest first, ties (one transaction queues many messages at one instant) broken by id.
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(summaryOf);
}

export async function countByStatus(db: Tx): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(outboxStatuses.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Queued messages per transport, for the transports given (those not set up). */
export async function countQueuedFor(
  db: Tx,
  transports: OutboxTransport[],
): Promise<Partial<Record<OutboxTransport, number>>> {
  if (transports.length === 0) return {};
  const rows = await db
    .selectFrom('outbox')
    .select(['transport', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', 'queued')
    .where('transport', 'in', transports)
    .groupBy('transport')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.transport, Number(r.n)]));
}

/**
 * Claims up to `limit` due messages for one sender in a single statement: queued ones whose next
 * attempt has come, and sending ones whose claimant's lease lapsed (it died mid-send). On
 * PostgreSQL the candidates are row-locked with SKIP LOCKED, so workstations draining at once
 * each get different messages and none waits for another; SQLite runs one writer at a time.
 */
export async function claimDueMessages(
  db: Tx,
  dialect: DialectName,
  claim: { sender: string; now: string; leaseUntil: string; limit: number; transports: OutboxTransport[] },
): Promise<ClaimedMessage[]> {
  if (claim.transports.length === 0) return [];
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('transport', 'in', claim.transports)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', claim.now)]),
        eb.and([eb('status', '=', 'sending'), eb('claim_expires_at', '<=', claim.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(claim.limit);
  const candidates = dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'sending', claimed_by: claim.sender, claim_expires_at: claim.leaseUntil })
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
  return rows.map(messageOf);
}

/** Records the delivery; false when the claim was lost meanwhile (another sender holds it now). */
export async function markSent(db: Tx, id: string, sender: string, delivery: DeliveryRecord): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'sent',
      sent_at: delivery.at,
      delivery: JSON.stringify(delivery),
      last_error: null,
      attempts: sql`attempts + 1`,
      claimed_by: null,
      claim_expires_at: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', sender)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
export async function markAttemptFailed(
  db: Tx,
  id: string,
  sender: string,
  failure: { error: string; retryAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: failure.retryAt === null ? 'failed' : 'queued',
      attempts: sql`attempts + 1`,
      ...(failure.retryAt === null ? {} : { next_attempt_at: failure.retryAt }),
      last_error: failure.error,
      claimed_by: null,
      claim_expires_at: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', sender)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a failed message back in the queue, due now, with a fresh count of attempts. */
export async function requeueFailed(db: Tx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every message of a ticket, oldest first, for its timeline. */
export async function listTicketMessages(db: Tx, ticketId: string): Promise<OutboxSummaryDto[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(summaryColumns)
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute();
  return rows.map(summaryOf);
}

/**
 * Marks a visit's queued messages of one kind as not needed (superseded, with the note), except
 * the one with `keepEventKey`: a reminder for the visit's old time once it moved or was cancelled.
 * Answers how many it marked.
 */
export async function supersedeQueued(
  db: Tx,
  filter: { visitId: string; kind: string; keepEventKeys: string[] },
  note: string,
): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({ status: 'superseded', status_note: note, claimed_by: null, claim_expires_at: null })
    .where('visit_id', '=', filter.visitId)
    .where('kind', '=', filter.kind)
    .where('status', '=', 'queued');
  if (filter.keepEventKeys.length > 0) query = query.where('event_key', 'not in', filter.keepEventKeys);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A sender's own claim, found not needed when it came to send it (e.g. the visit was cancelled). */
export async function markClaimSuperseded(db: Tx, id: string, sender: string, note: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'superseded', status_note: note, claimed_by: null, claim_expires_at: null })
    .where('id', '=', id)
    .where('claimed_by', '=', sender)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives a claim back unsent and due again at `until`, costing no attempt (quiet hours). */
export async function deferClaim(db: Tx, id: string, sender: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'queued', next_attempt_at: until, claimed_by: null, claim_expires_at: null })
    .where('id', '=', id)
    .where('claimed_by', '=', sender)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
