import { sql } from 'kysely';
import { z } from 'zod';
import {
  reviewTags,
  type CompletedReviewDto,
  type PendingReviewDto,
  type RemoteResolutionDto,
  type ResolutionMethod,
  type ReviewTag,
  type SlaOutcome,
  type TicketClosureDto,
  type TicketLinkDto,
} from '../../../shared/domain/closure';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { VisitStatus } from '../../../shared/domain/visit';
import { readJsonOrUndefined, textList } from '../db/json-column';
import type { Tx } from '../db/transaction';
import { latestFeedbackOf } from './feedback.repository';
import { latestRemoteResolution } from './remote-resolution.repository';

/** Everything the closure gate looks at, read in one place (inside the closing write when closing). */
export interface ClosureFacts {
  ticket: {
    id: string;
    number: string;
    clientId: string;
    status: TicketStatus;
    version: number;
    receivedAt: string;
    loggedAt: string;
    description: string;
    slaDueAt: string | null;
    firstArrivalAt: string | null;
    closedAt: string | null;
    signOffRequired: boolean;
    workTypeName: string | null;
  };
  visits: {
    id: string;
    status: VisitStatus;
    startsAt: string;
    technicianName: string;
    workLog: { actions: string; steps: string[]; noParts: boolean } | null;
    partsCount: number;
  }[];
  /** Sign-offs not superseded by a later one. */
  currentSignOffs: {
    visitId: string;
    kind: 'signed' | 'not_required';
    resolutionConfirmed: boolean;
    recordedAt: string;
  }[];
  /** When the desk recorded each client confirmation (the client's own time, confirmedAt). */
  deskConfirmations: { confirmedAt: string; confirmedBy: string; method: string }[];
  /** The latest reopening; confirmations from before it no longer count. */
  lastReopenedAt: string | null;
  /** The remote resolution recorded since the latest reopening, if any. */
  remoteResolution: RemoteResolutionDto | null;
}

export async function readClosureFacts(db: Tx, ticketId: string): Promise<ClosureFacts | undefined> {
  const ticket = await db
    .selectFrom('tickets as t')
    .leftJoin('work_types as wt', 'wt.id', 't.work_type_id')
    .select([
      't.id',
      't.number',
      't.client_id',
      't.status',
      't.version',
      't.received_at',
      't.logged_at',
      't.description',
      't.sla_due_at',
      't.first_arrival_at',
      't.closed_at',
      'wt.sign_off_required',
      'wt.name as work_type_name',
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) return undefined;
  const visits = await db
    .selectFrom('visits as v')
    .innerJoin('technicians as tech', 'tech.id', 'v.technician_id')
    .leftJoin('visit_work_logs as wl', 'wl.visit_id', 'v.id')
    .select((eb) => [
      'v.id',
      'v.status',
      'v.starts_at',
      'tech.name as technician_name',
      'wl.actions',
      'wl.steps',
      'wl.no_parts',
      eb
        .selectFrom('visit_parts as vp')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('vp.visit_id', '=', 'v.id')
        .as('parts_count'),
    ])
    .where('v.ticket_id', '=', ticketId)
    .where('v.status', '<>', 'cancelled')
    .orderBy('v.starts_at')
    .execute();
  const signOffs = await db
    .selectFrom('sign_offs as s')
    .select(['s.visit_id', 's.kind', 's.resolution_confirmed', 's.recorded_at'])
    .where('s.ticket_id', '=', ticketId)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('sign_offs as later').select('later.id').whereRef('later.supersedes_id', '=', 's.id')),
      ),
    )
    .execute();
  const confirmations = await db
    .selectFrom('resolution_confirmations')
    .select(['confirmed_at', 'confirmed_by_name', 'method'])
    .where('ticket_id', '=', ticketId)
    .orderBy('confirmed_at')
    .execute();
  const reopened = await db
    .selectFrom('ticket_closures')
    .select((eb) => eb.fn.max('reopened_at').as('last'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  const remote = await latestRemoteResolution(db, ticketId);
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      clientId: ticket.client_id,
      status: ticket.status,
      version: Number(ticket.version),
      receivedAt: ticket.received_at,
      loggedAt: ticket.logged_at,
      description: ticket.description,
      slaDueAt: ticket.sla_due_at,
      firstArrivalAt: ticket.first_arrival_at,
      closedAt: ticket.closed_at,
      signOffRequired: Number(ticket.sign_off_required ?? 0) === 1,
      workTypeName: ticket.work_type_name,
    },
    visits: visits.map((v) => ({
      id: v.id,
      status: v.status,
      startsAt: v.starts_at,
      technicianName: v.technician_name,
      workLog:
        v.actions === null
          ? null
          : {
              actions: v.actions,
              steps: readList(textList, v.steps, `visit_work_logs.steps of visit ${v.id}`),
              noParts: Number(v.no_parts ?? 0) === 1,
            },
      partsCount: Number(v.parts_count ?? 0),
    })),
    currentSignOffs: signOffs.map((s) => ({
      visitId: s.visit_id,
      kind: s.kind,
      resolutionConfirmed: Number(s.resolution_confirmed) === 1,
      recordedAt: s.recorded_at,
    })),
    deskConfirmations: confirmations.map((c) => ({
      confirmedAt: c.confirmed_at,
      confirmedBy: c.confirmed_by_name,
      method: c.method,
    })),
    lastReopenedAt: reopened?.last ?? null,
    remoteResolution: remote?.current ? remote : null,
  };
}

// A list that does not parse is logged and read as empty, as it always was here: review tags are
// only shown, and empty steps can only make the closure gate ask for more documentation, never less.
function readList<T>(schema: z.ZodType<T[]>, json: string | null, where: string): T[] {
  return json === null ? [] : (readJsonOrUndefined(schema, json, where) ?? []);
}

const reviewTagList = z.array(z.enum(reviewTags));

/** An integer flag that may be unknown (null) for rows written before it was kept. */
function flag(value: number | null): boolean | null {
  return value === null ? null : Number(value) === 1;
}

export async function insertResolutionConfirmation(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    confirmedBy: string;
    method: ResolutionMethod;
    note: string | null;
    confirmedAt: string;
    at: string;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('resolution_confirmations')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      confirmed_by_name: row.confirmedBy,
      method: row.method,
      note: row.note,
      confirmed_at: row.confirmedAt,
      recorded_at: row.at,
      recorded_by: row.by,
    })
    .execute();
}

/** Closes the ticket if it is still at the version the caller read; false when it moved on. */
export async function closeTicketIfVersion(
  db: Tx,
  ticketId: string,
  expectedVersion: number,
  closedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set({ status: 'closed', closed_at: closedAt, updated_at: closedAt, version: sql<number>`version + 1` })
    .where('id', '=', ticketId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertClosure(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    closedAt: string;
    closedBy: string;
    resolutionSummary: string | null;
    slaOutcome: SlaOutcome;
    slaMinutes: number | null;
    resolvedRemotely: boolean;
    firstTimeFix: boolean;
  },
): Promise<void> {
  await db
    .insertInto('ticket_closures')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      closed_at: row.closedAt,
      closed_by: row.closedBy,
      resolution_summary: row.resolutionSummary,
      sla_outcome: row.slaOutcome,
      sla_minutes: row.slaMinutes,
      resolved_remotely: row.resolvedRemotely ? 1 : 0,
      first_time_fix: row.firstTimeFix ? 1 : 0,
    })
    .execute();
}

/** The closure still in force (not reopened), if the ticket is closed. */
export async function currentClosure(db: Tx, ticketId: string): Promise<{ id: string; closedAt: string } | undefined> {
  const row = await db
    .selectFrom('ticket_closures')
    .select(['id', 'closed_at'])
    .where('ticket_id', '=', ticketId)
    .where('reopened_at', 'is', null)
    .orderBy('closed_at', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, closedAt: row.closed_at } : undefined;
}

/** Stamps the closure as reopened and returns the ticket to the queue as new; nothing is deleted. */
export async function reopenTicket(
  db: Tx,
  change: { ticketId: string; closureId: string; at: string; by: string; reason: string },
): Promise<void> {
  await db
    .updateTable('ticket_closures')
    .set({ reopened_at: change.at, reopened_by: change.by, reopen_reason: change.reason })
    .where('id', '=', change.closureId)
    .execute();
  await db
    .updateTable('tickets')
    .set({ status: 'new', closed_at: null, updated_at: change.at, version: sql<number>`version + 1` })
    .where('id', '=', change.ticketId)
    .execute();
}

/** The latest closure of a ticket with its review, for the ticket's DTO. */
export async function latestClosure(db: Tx, ticketId: string): Promise<TicketClosureDto | null> {
  const row = await db
    .selectFrom('ticket_closures as c')
    .innerJoin('users as cu', 'cu.id', 'c.closed_by')
    .leftJoin('users as ru', 'ru.id', 'c.reopened_by')
    .leftJoin('ticket_reviews as r', 'r.closure_id', 'c.id')
    .leftJoin('users as rv', 'rv.id', 'r.reviewed_by')
    .select([
      'c.id',
      'c.closed_at',
      'cu.display_name as closed_by',
      'c.resolution_summary',
      'c.sla_outcome',
      'c.sla_minutes',
      'c.reopened_at',
      'ru.display_name as reopened_by',
      'c.reopen_reason',
      'c.resolved_remotely',
      'c.first_time_fix',
      'r.note',
      'r.tags',
      'r.sop_followed',
      'r.reviewed_at',
      'rv.display_name as reviewed_by',
    ])
    .where('c.ticket_id', '=', ticketId)
    .orderBy('c.closed_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    resolutionSummary: row.resolution_summary,
    slaOutcome: row.sla_outcome,
    slaMinutes: row.sla_minutes === null ? null : Number(row.sla_minutes),
    reopenedAt: row.reopened_at,
    reopenedBy: row.reopened_by,
    reopenReason: row.reopen_reason,
    resolvedRemotely: Number(row.resolved_remotely) === 1,
    firstTimeFix: flag(row.first_time_fix),
    review:
      row.note !== null && row.reviewed_at !== null
        ? {
            note: row.note,
            tags: readList(reviewTagList, row.tags, `ticket_reviews.tags of closure ${row.id}`),
            sopFollowed: Number(row.sop_followed) === 1,
            reviewedAt: row.reviewed_at,
            reviewedBy: row.reviewed_by ?? 'unknown',
          }
        : null,
  };
}

export async function insertReview(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    closureId: string;
    note: string;
    tags: ReviewTag[];
    sopFollowed: boolean;
    at: string;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('ticket_reviews')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      closure_id: row.closureId,
      note: row.note,
      tags: JSON.stringify(row.tags),
      sop_followed: row.sopFollowed ? 1 : 0,
      reviewed_at: row.at,
      reviewed_by: row.by,
    })
    .execute();
}

export async function reviewExists(db: Tx, closureId: string): Promise<boolean> {
  const row = await db.selectFrom('ticket_reviews').select('id').where('closure_id', '=', closureId).executeTakeFirst();
  return row !== undefined;
}

const SUMMARY_LENGTH = 140;

function closedTickets(db: Tx) {
  return db
    .selectFrom('ticket_closures as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .innerJoin('users as cu', 'cu.id', 'c.closed_by')
    .select([
      't.id as ticket_id',
      't.number',
      'cl.name as client_name',
      't.priority',
      sql<string>`substr(t.description, 1, ${SUMMARY_LENGTH})`.as('summary'),
      'c.closed_at',
      'cu.display_name as closed_by',
      'c.sla_outcome',
      'c.sla_minutes',
      'c.resolved_remotely',
      'c.first_time_fix',
    ])
    .where('c.reopened_at', 'is', null)
    .where('t.status', '=', 'closed');
}

type ClosedRow = Awaited<ReturnType<ReturnType<typeof closedTickets>['execute']>>[number];

function pendingDto(row: ClosedRow): Omit<PendingReviewDto, 'feedback'> {
  return {
    ticketId: row.ticket_id,
    number: row.number,
    clientName: row.client_name,
    priority: row.priority,
    summary: row.summary,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    slaOutcome: row.sla_outcome,
    slaMinutes: row.sla_minutes === null ? null : Number(row.sla_minutes),
    resolvedRemotely: Number(row.resolved_remotely) === 1,
    firstTimeFix: flag(row.first_time_fix),
  };
}

/** Closed tickets whose closure in force has no review, oldest closure first. */
export async function listPendingReviews(db: Tx): Promise<PendingReviewDto[]> {
  const rows = await closedTickets(db)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('ticket_reviews as r').select('r.id').whereRef('r.closure_id', '=', 'c.id'))),
    )
    .orderBy('c.closed_at')
    .orderBy('t.number')
    .execute();
  const feedback = await latestFeedbackOf(
    db,
    rows.map((r) => r.ticket_id),
  );
  return rows.map((row) => ({ ...pendingDto(row), feedback: feedback.get(row.ticket_id) ?? null }));
}

/** The client's tickets whose closure in force is at or after `since`, newest closing first. */
export async function listClosedSince(db: Tx, clientId: string, since: string, limit: number) {
  const rows = await closedTickets(db)
    .select('t.received_at')
    .where('t.client_id', '=', clientId)
    .where('c.closed_at', '>=', since)
    .orderBy('c.closed_at', 'desc')
    .orderBy('t.number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ticketId: r.ticket_id,
    number: r.number,
    summary: r.summary,
    receivedAt: r.received_at,
    closedAt: r.closed_at,
  }));
}

/** Reviewed closures still in force, newest review first. */
export async function listCompletedReviews(db: Tx, limit: number): Promise<CompletedReviewDto[]> {
  const rows = await closedTickets(db)
    .innerJoin('ticket_reviews as r', 'r.closure_id', 'c.id')
    .innerJoin('users as rv', 'rv.id', 'r.reviewed_by')
    .select(['r.note', 'r.tags', 'r.sop_followed', 'r.reviewed_at', 'rv.display_name as reviewed_by'])
    .orderBy('r.reviewed_at', 'desc')
    .limit(limit)
    .execute();
  const feedback = await latestFeedbackOf(
    db,
    rows.map((r) => r.ticket_id),
  );
  return rows.map((row) => ({
    ...pendingDto(row),
    feedback: feedback.get(row.ticket_id) ?? null,
    review: {
      note: row.note,
      tags: readList(reviewTagList, row.tags, `ticket_reviews.tags of ticket ${row.ticket_id}`),
      sopFollowed: Number(row.sop_followed) === 1,
      reviewedAt: row.reviewed_at,
      reviewedBy: row.reviewed_by,
    },
  }));
}

export async function findLink(db: Tx, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_links')
    .select('ticket_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('ticket_id', '=', a), eb('linked_ticket_id', '=', b)]),
        eb.and([eb('ticket_id', '=', b), eb('linked_ticket_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(
  db: Tx,
  row: { ticketId: string; earlierTicketId: string; at: string; by: string },
): Promise<void> {
  await db
    .insertInto('ticket_links')
    .values({
      ticket_id: row.ticketId,
      linked_ticket_id: row.earlierTicketId,
      relation: 'same_issue',
      created_at: row.at,
      created_by: row.by,
    })
    .execute();
}

/** Links both ways: the earlier tickets this one follows up, and the later ones that follow it up. */
export async function listLinks(db: Tx, ticketId: string): Promise<TicketLinkDto[]> {
  const earlier = await db
    .selectFrom('ticket_links as l')
    .innerJoin('tickets as t', 't.id', 'l.linked_ticket_id')
    .select(['t.id', 't.number', 't.status', 't.closed_at', 'l.created_at'])
    .where('l.ticket_id', '=', ticketId)
    .execute();
  const later = await db
    .selectFrom('ticket_links as l')
    .innerJoin('tickets as t', 't.id', 'l.ticket_id')
    .select(['t.id', 't.number', 't.status', 't.closed_at', 'l.created_at'])
    .where('l.linked_ticket_id', '=', ticketId)
    .execute();
  const dto = (direction: 'earlier' | 'later') => (r: (typeof earlier)[number]) => ({
    ticketId: r.id,
    number: r.number,
    status: r.status,
    direction,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  });
  return [...earlier.map(dto('earlier')), ...later.map(dto('later'))].sort((a, b) => a.number.localeCompare(b.number));
}

/** Audit rows of a ticket with the display name of whoever wrote them, oldest first. */
export async function listTicketAudit(db: Tx, ticketId: string) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.method', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'u.display_name'])
    .where('a.ticket_id', '=', ticketId)
    .orderBy('a.at')
    .execute();
}
