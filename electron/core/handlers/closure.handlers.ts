import { randomUUID } from 'node:crypto';
import { openStatuses, type TicketDto } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/transaction';
import {
  closeTicketIfVersion,
  currentClosure,
  findLink,
  insertClosure,
  insertLink,
  insertResolutionConfirmation,
  insertReview,
  listClosedSince,
  listCompletedReviews,
  listPendingReviews,
  listTicketAudit,
  readClosureFacts,
  reopenTicket,
  reviewExists,
} from '../repositories/closure.repository';
import { listTicketMessages } from '../repositories/outbox.repository';
import { putJsonSetting } from '../repositories/sla-config.repository';
import { CLOSURE_SETTINGS_KEY, loadClosureSettings } from '../services/closure-settings.service';
import { findTicket } from '../repositories/ticket.repository';
import { checkClosure, isFirstTimeFix, slaAdherence } from '../services/closure-gate.service';
import { requestFeedback } from '../services/feedback/feedback.service';
import { timelineOf } from '../services/timeline.service';
import type { Handlers } from './handler-types';

const DAY = 86_400_000;
/** Enough for a caller's "same issue again" at intake; older follow-ups are linked from the ticket panel. */
const RECENTLY_CLOSED_LIMIT = 50;

async function requireFacts(tx: Tx, ticketId: string) {
  const facts = await readClosureFacts(tx, ticketId);
  if (!facts) throw new ApiFailure('not_found', 'No such ticket.');
  return facts;
}

async function ticketDto(ctx: HandlerContext, id: string): Promise<TicketDto> {
  const ticket = await findTicket(ctx.database.db, id);
  if (!ticket) throw new Error(`ticket ${id} vanished after its commit`);
  return ticket;
}

/** Names the ticket in an invalid_input refusal about its state. */
function refuse(message: string, path: string, issue: string): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path: [path], message: issue }]);
}

export const closureHandlers = {
  'tickets.closureCheck': async (input, ctx) => checkClosure(await requireFacts(ctx.database.db, input.ticketId)),

  'tickets.confirmResolution': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const now = ctx.now();
    const confirmedAt = input.confirmedAt ?? now;
    await ctx.write(async ({ tx, audit, publish }) => {
      const facts = await requireFacts(tx, input.ticketId);
      const { ticket } = facts;
      if (!openStatuses.includes(ticket.status) && ticket.status !== 'resolved') {
        throw refuse(`Ticket ${ticket.number} is ${ticket.status}.`, 'ticketId', `The ticket is ${ticket.status}`);
      }
      if (confirmedAt > now) throw refuse('A confirmation cannot lie in the future.', 'confirmedAt', 'Later than now');
      if (confirmedAt < ticket.receivedAt) {
        throw refuse('The client confirmed before the request was received?', 'confirmedAt', 'Before the request');
      }
      if (facts.lastReopenedAt && confirmedAt <= facts.lastReopenedAt) {
        throw refuse(
          'The ticket was reopened after that time; a confirmation from before the reopening does not count.',
          'confirmedAt',
          'Before the ticket was reopened',
        );
      }
      const id = randomUUID();
      const row = { confirmedBy: input.confirmedBy, method: input.method, note: input.note, confirmedAt };
      await insertResolutionConfirmation(tx, { id, ticketId: ticket.id, ...row, at: now, by: caller.id });
      await audit({ entity: 'resolution_confirmation', entityId: id, ticketId: ticket.id, after: row });
      await publish({
        type: 'ticket.documented',
        ticketId: ticket.id,
        number: ticket.number,
        visitId: null,
        part: 'resolution',
      });
    });
    return ticketDto(ctx, input.ticketId);
  },

  'tickets.close': async (input, ctx) => {
    const caller = requireCaller(ctx);
    await ctx.write(async ({ tx, audit, publish }) => {
      const facts = await requireFacts(tx, input.ticketId);
      const { ticket } = facts;
      if (ticket.version !== input.expectedVersion) {
        throw new ApiFailure(
          'stale',
          `Ticket ${ticket.number} changed since you opened it (it is at version ${ticket.version}; you had ${input.expectedVersion}). Reload it and try again.`,
          [{ path: ['expectedVersion'], message: 'Changed since' }],
        );
      }
      if (!openStatuses.includes(ticket.status) && ticket.status !== 'resolved') {
        throw refuse(`Ticket ${ticket.number} is ${ticket.status}.`, 'ticketId', `The ticket is ${ticket.status}`);
      }
      const check = checkClosure(facts);
      const missing = check.requirements.filter((r) => !r.met);
      if (missing.length > 0) {
        throw new ApiFailure(
          'invalid_input',
          `Ticket ${ticket.number} cannot be closed yet. Missing: ${missing.map((r) => r.label).join('; ')}.`,
          missing.map((r) => ({ path: ['requirements', r.key], message: r.detail })),
        );
      }
      const closedAt = ctx.now();
      const sla = slaAdherence(ticket.slaDueAt, ticket.firstArrivalAt, closedAt);
      if (!(await closeTicketIfVersion(tx, ticket.id, input.expectedVersion, closedAt))) {
        throw new ApiFailure('stale', `Ticket ${ticket.number} changed while closing it. Reload it and try again.`, [
          { path: ['expectedVersion'], message: 'Changed since' },
        ]);
      }
      const id = randomUUID();
      const resolvedRemotely = facts.remoteResolution !== null;
      const firstTimeFix = isFirstTimeFix(facts);
      await insertClosure(tx, {
        id,
        ticketId: ticket.id,
        closedAt,
        closedBy: caller.id,
        resolutionSummary: input.resolutionSummary,
        slaOutcome: sla.outcome,
        slaMinutes: sla.minutes,
        resolvedRemotely,
        firstTimeFix,
      });
      // A ticket resolved remotely is closed here too (tickets.recordRemoteResolution only resolves
      // it), so this is the one place every closing asks for feedback.
      await requestFeedback(tx, { ticketId: ticket.id, closureId: id, closedAt }, ctx.servedAt());
      await audit({
        entity: 'ticket_closure',
        entityId: id,
        ticketId: ticket.id,
        before: { status: ticket.status },
        after: {
          status: 'closed',
          resolutionSummary: input.resolutionSummary,
          slaDueAt: ticket.slaDueAt,
          firstArrivalAt: ticket.firstArrivalAt,
          slaOutcome: sla.outcome,
          slaMinutes: sla.minutes,
          resolvedRemotely,
          firstTimeFix,
        },
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
    });
    return ticketDto(ctx, input.ticketId);
  },

  'tickets.reopen': async (input, ctx) => {
    const caller = requireCaller(ctx);
    await ctx.write(async ({ tx, audit, publish }) => {
      const { ticket } = await requireFacts(tx, input.ticketId);
      const closure = ticket.status === 'closed' ? await currentClosure(tx, ticket.id) : undefined;
      if (!closure) {
        throw refuse(`Ticket ${ticket.number} is not closed.`, 'ticketId', `The ticket is ${ticket.status}`);
      }
      const { reopenWindowDays } = await loadClosureSettings(tx);
      const now = ctx.now();
      const until = new Date(Date.parse(closure.closedAt) + reopenWindowDays * DAY).toISOString();
      if (now > until) {
        throw refuse(
          `Ticket ${ticket.number} was closed more than ${reopenWindowDays} days ago (the reopen window ended ${until.slice(0, 10)}). Log a new request and link it to this ticket instead.`,
          'ticketId',
          'Outside the reopen window',
        );
      }
      await reopenTicket(tx, {
        ticketId: ticket.id,
        closureId: closure.id,
        at: now,
        by: caller.id,
        reason: input.reason,
      });
      await audit({
        entity: 'ticket_closure',
        entityId: closure.id,
        ticketId: ticket.id,
        before: { status: 'closed', closedAt: closure.closedAt },
        after: { status: 'new', reason: input.reason },
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
    });
    return ticketDto(ctx, input.ticketId);
  },

  'tickets.link': async (input, ctx) => {
    const caller = requireCaller(ctx);
    try {
      await ctx.write(async ({ tx, audit, publish }) => {
        const later = await readClosureFacts(tx, input.ticketId);
        if (!later) throw refuse('No such ticket.', 'ticketId', 'No such ticket');
        const earlier = await readClosureFacts(tx, input.earlierTicketId);
        if (!earlier) throw refuse('No such earlier ticket.', 'earlierTicketId', 'No such ticket');
        // A follow-up is about the same client's issue; another client's ticket is a different problem
        // (and linking it would show one client's ticket on another's).
        if (earlier.ticket.clientId !== later.ticket.clientId) {
          throw refuse(
            `${earlier.ticket.number} belongs to another client.`,
            'earlierTicketId',
            'A ticket of another client',
          );
        }
        if (earlier.ticket.receivedAt > later.ticket.receivedAt) {
          throw refuse(
            `${earlier.ticket.number} was received after ${later.ticket.number}; link the later ticket to the earlier one.`,
            'earlierTicketId',
            'Received after this ticket',
          );
        }
        if (await findLink(tx, later.ticket.id, earlier.ticket.id)) {
          throw new ApiFailure('conflict', `${later.ticket.number} and ${earlier.ticket.number} are already linked.`, [
            { path: ['earlierTicketId'], message: 'Already linked' },
          ]);
        }
        await insertLink(tx, {
          ticketId: later.ticket.id,
          earlierTicketId: earlier.ticket.id,
          at: ctx.now(),
          by: caller.id,
        });
        const link = `${later.ticket.id}:${earlier.ticket.id}`;
        await audit({
          entity: 'ticket_link',
          entityId: link,
          ticketId: later.ticket.id,
          after: { direction: 'earlier', ticketId: earlier.ticket.id, number: earlier.ticket.number },
        });
        await audit({
          entity: 'ticket_link',
          entityId: link,
          ticketId: earlier.ticket.id,
          after: { direction: 'later', ticketId: later.ticket.id, number: later.ticket.number },
        });
        for (const t of [later.ticket, earlier.ticket])
          await publish({ type: 'ticket.updated', ticketId: t.id, number: t.number, clientId: t.clientId });
      });
    } catch (error) {
      // Two consoles linking the same pair at once: the primary key decides, the loser hears why.
      if (isUniqueViolation(error)) {
        throw new ApiFailure('conflict', 'These tickets are already linked.', [
          { path: ['earlierTicketId'], message: 'Already linked' },
        ]);
      }
      throw error;
    }
    return ticketDto(ctx, input.ticketId);
  },

  'tickets.recentlyClosed': async (input, ctx) => {
    const db = ctx.database.db;
    const now = ctx.now();
    const since = new Date(Date.parse(now) - input.days * DAY).toISOString();
    const { reopenWindowDays } = await loadClosureSettings(db);
    const rows = await listClosedSince(db, input.clientId, since, RECENTLY_CLOSED_LIMIT);
    return rows.map((row) => {
      // The same bound tickets.reopen applies: reopenable up to and including this instant.
      const reopenableUntil = new Date(Date.parse(row.closedAt) + reopenWindowDays * DAY).toISOString();
      return { ...row, reopenableUntil, withinReopenWindow: now <= reopenableUntil };
    });
  },

  'tickets.timeline': async (input, ctx) => {
    const db = ctx.database.db;
    if (!(await readClosureFacts(db, input.ticketId))) throw new ApiFailure('not_found', 'No such ticket.');
    return timelineOf(await listTicketAudit(db, input.ticketId), await listTicketMessages(db, input.ticketId));
  },

  'closure.settings': async (_input, ctx) => loadClosureSettings(ctx.database.db),

  'closure.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadClosureSettings(tx);
      await putJsonSetting(tx, CLOSURE_SETTINGS_KEY, input);
      await audit({ entity: 'closure_settings', entityId: CLOSURE_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),

  'reviews.pending': async (_input, ctx) => listPendingReviews(ctx.database.db),

  'reviews.completed': async (input, ctx) => listCompletedReviews(ctx.database.db, input.limit),

  'reviews.record': async (input, ctx) => {
    const caller = requireCaller(ctx);
    try {
      await ctx.write(async ({ tx, audit, publish }) => {
        const { ticket } = await requireFacts(tx, input.ticketId);
        const closure = ticket.status === 'closed' ? await currentClosure(tx, ticket.id) : undefined;
        if (!closure) {
          throw refuse(
            `Ticket ${ticket.number} is ${ticket.status}; only closed tickets are reviewed.`,
            'ticketId',
            `The ticket is ${ticket.status}`,
          );
        }
        if (await reviewExists(tx, closure.id)) {
          throw new ApiFailure('conflict', `This closing of ${ticket.number} has already been reviewed.`);
        }
        const id = randomUUID();
        const review = { note: input.note, tags: input.tags, sopFollowed: input.sopFollowed };
        await insertReview(tx, {
          id,
          ticketId: ticket.id,
          closureId: closure.id,
          ...review,
          at: ctx.now(),
          by: caller.id,
        });
        await audit({
          entity: 'ticket_review',
          entityId: id,
          ticketId: ticket.id,
          after: { closureId: closure.id, ...review },
        });
        await publish({
          type: 'ticket.updated',
          ticketId: ticket.id,
          number: ticket.number,
          clientId: ticket.clientId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiFailure('conflict', 'This closing has already been reviewed.');
      throw error;
    }
    return ticketDto(ctx, input.ticketId);
  },
} satisfies Partial<Handlers>;
