import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import { latestFeedbackRequest, listTicketFeedback } from '../repositories/feedback.repository';
import { findTicket } from '../repositories/ticket.repository';
import { recordFeedback } from '../services/feedback/feedback.service';
import { loadFeedbackBaseUrl, saveFeedbackBaseUrl } from '../services/feedback/feedback-settings.service';
import type { Tx } from '../db/transaction';
import type { Handlers } from './handler-types';

async function settingsOf(db: Tx, ctx: HandlerContext) {
  const publicBaseUrl = await loadFeedbackBaseUrl(db);
  return { publicBaseUrl, effectiveBaseUrl: publicBaseUrl ?? ctx.servedAt() };
}

export const feedbackHandlers = {
  'feedback.record': async (input, ctx) => {
    const caller = requireCaller(ctx);
    return ctx.write(async (w) => {
      const ticket = await findTicket(w.tx, input.ticketId);
      if (!ticket) {
        throw new ApiFailure('invalid_input', 'No such ticket.', [{ path: ['ticketId'], message: 'No such ticket' }]);
      }
      if (ticket.status !== 'closed') {
        throw new ApiFailure(
          'invalid_input',
          `Ticket ${ticket.number} is not closed; feedback is recorded on closed tickets.`,
          [{ path: ['ticketId'], message: `The ticket is ${ticket.status}` }],
        );
      }
      return recordFeedback(w, {
        ticketId: ticket.id,
        score: input.score,
        comment: input.comment,
        problemBack: input.problemBack,
        source: 'phone',
        requestId: null,
        recordedBy: caller,
        loggedBy: caller.id,
        now: ctx.now(),
      });
    });
  },

  'feedback.forTicket': async (input, ctx) => {
    const db = ctx.database.db;
    if (!(await findTicket(db, input.ticketId))) throw new ApiFailure('not_found', 'No such ticket.');
    const request = await latestFeedbackRequest(db, input.ticketId);
    return {
      ticketId: input.ticketId,
      feedback: await listTicketFeedback(db, input.ticketId),
      request: request
        ? {
            sentFor: new Date(request.createdAt).toISOString(),
            expiresAt: new Date(request.expiresAt).toISOString(),
            used: request.usedAt !== null,
          }
        : null,
    };
  },

  'feedback.settings': async (_input, ctx) => settingsOf(ctx.database.db, ctx),

  'feedback.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadFeedbackBaseUrl(tx);
      await saveFeedbackBaseUrl(tx, input.publicBaseUrl);
      await audit({
        entity: 'feedback_settings',
        entityId: 'feedback.settings',
        before: { publicBaseUrl: before },
        after: { publicBaseUrl: input.publicBaseUrl },
      });
      await publish({ type: 'settings.changed' });
      return settingsOf(tx, ctx);
    }),
} satisfies Partial<Handlers>;
