import type { FeedbackDto, FeedbackScore, FeedbackSource } from '../../../shared/domain/feedback';
import type { Tx } from '../db/transaction';

export async function insertFeedbackRequest(
  db: Tx,
  row: { id: string; ticketId: string; closureId: string; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('feedback_requests')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      closure_id: row.closureId,
      token_hash: row.tokenHash,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

export interface FeedbackRequestRow {
  id: string;
  ticketId: string;
  closureId: string;
  expiresAt: string;
  usedAt: string | null;
  ticketNumber: string;
  ticketDescription: string;
  clientName: string;
  /** Who closed the ticket: the page's follow-up ticket is logged in their name. */
  closedBy: string;
  /** Set when the closing this request is about was undone. */
  reopenedAt: string | null;
}

/** The request a link's token belongs to, with what its page shows; undefined for an unknown token. */
export async function findFeedbackRequestByHash(db: Tx, tokenHash: string): Promise<FeedbackRequestRow | undefined> {
  const row = await db
    .selectFrom('feedback_requests as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .innerJoin('ticket_closures as tc', 'tc.id', 'r.closure_id')
    .select([
      'r.id',
      'r.ticket_id',
      'r.closure_id',
      'r.expires_at',
      'r.used_at',
      't.number',
      't.description',
      'c.name as client_name',
      'tc.closed_by',
      'tc.reopened_at',
    ])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ticketId: row.ticket_id,
    closureId: row.closure_id,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    ticketNumber: row.number,
    ticketDescription: row.description,
    clientName: row.client_name,
    closedBy: row.closed_by,
    reopenedAt: row.reopened_at,
  };
}

/** Marks a request used if nobody did first; false when another submission won. */
export async function useFeedbackRequest(db: Tx, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('feedback_requests')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest closure's request of a ticket, if it has one. */
export async function latestFeedbackRequest(
  db: Tx,
  ticketId: string,
): Promise<{ createdAt: string; expiresAt: string; usedAt: string | null } | undefined> {
  const row = await db
    .selectFrom('feedback_requests')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at } : undefined;
}

export async function insertFeedback(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    requestId: string | null;
    score: FeedbackScore;
    comment: string | null;
    source: FeedbackSource;
    recordedBy: string | null;
    recordedAt: string;
    problemBack: boolean;
    newTicketId: string | null;
  },
): Promise<void> {
  await db
    .insertInto('feedback')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      request_id: row.requestId,
      score: row.score,
      comment: row.comment,
      source: row.source,
      recorded_by: row.recordedBy,
      recorded_at: row.recordedAt,
      problem_back: row.problemBack ? 1 : 0,
      new_ticket_id: row.newTicketId,
    })
    .execute();
}

function feedbackQuery(db: Tx) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('users as u', 'u.id', 'f.recorded_by')
    .leftJoin('tickets as nt', 'nt.id', 'f.new_ticket_id')
    .select([
      'f.id',
      'f.ticket_id',
      'f.score',
      'f.comment',
      'f.source',
      'u.display_name as recorded_by',
      'f.recorded_at',
      'f.problem_back',
      'f.new_ticket_id',
      'nt.number as new_ticket_number',
    ]);
}

type FeedbackRow = Awaited<ReturnType<ReturnType<typeof feedbackQuery>['executeTakeFirstOrThrow']>>;

function feedbackDto(row: FeedbackRow): FeedbackDto {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    score: Number(row.score) as FeedbackScore,
    comment: row.comment,
    source: row.source,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
    problemBack: Number(row.problem_back) === 1,
    newTicketId: row.new_ticket_id,
    newTicketNumber: row.new_ticket_number,
  };
}

/** A ticket's feedback, newest first. */
export async function listTicketFeedback(db: Tx, ticketId: string): Promise<FeedbackDto[]> {
  const rows = await feedbackQuery(db)
    .where('f.ticket_id', '=', ticketId)
    .orderBy('f.recorded_at', 'desc')
    .orderBy('f.id')
    .execute();
  return rows.map(feedbackDto);
}

export async function findFeedback(db: Tx, id: string): Promise<FeedbackDto | undefined> {
  const row = await feedbackQuery(db).where('f.id', '=', id).executeTakeFirst();
  return row ? feedbackDto(row) : undefined;
}

/** The newest feedback of each ticket given, for lists such as the review view. */
export async function latestFeedbackOf(db: Tx, ticketIds: readonly string[]): Promise<Map<string, FeedbackDto>> {
  const latest = new Map<string, FeedbackDto>();
  if (ticketIds.length === 0) return latest;
  const rows = await feedbackQuery(db)
    .where('f.ticket_id', 'in', [...ticketIds])
    .orderBy('f.recorded_at', 'desc')
    .execute();
  for (const row of rows) if (!latest.has(row.ticket_id)) latest.set(row.ticket_id, feedbackDto(row));
  return latest;
}
