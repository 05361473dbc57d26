import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import type { Tx } from '../db/transaction';
import {
  acknowledgeEscalation,
  insertManualEscalation,
  listEscalations,
  ticketOfEscalation,
} from '../repositories/escalation.repository';
import { findTicket } from '../repositories/ticket.repository';
import type { Handlers } from './handler-types';

async function escalationById(tx: Tx, ticketId: string, id: string) {
  const found = (await listEscalations(tx, { open: false, ticketId })).find((e) => e.id === id);
  if (!found) throw new Error(`escalation ${id} vanished inside its own transaction`);
  return found;
}

export const escalationHandlers = {
  'escalations.list': async (input, ctx) =>
    listEscalations(ctx.database.db, { open: input.open, ...(input.ticketId ? { ticketId: input.ticketId } : {}) }),

  'escalations.create': async (input, ctx) => {
    const caller = requireCaller(ctx);
    return ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await findTicket(tx, input.ticketId);
      if (!ticket) {
        throw new ApiFailure('invalid_input', 'No such ticket.', [{ path: ['ticketId'], message: 'No such ticket' }]);
      }
      const id = randomUUID();
      await insertManualEscalation(tx, {
        id,
        ticketId: ticket.id,
        level: input.level,
        reason: input.reason,
        createdAt: ctx.now(),
        createdBy: caller.id,
      });
      await audit({
        entity: 'escalation',
        entityId: id,
        ticketId: ticket.id,
        after: { ticketId: ticket.id, level: input.level, reason: input.reason },
      });
      await publish({
        type: 'escalation.created',
        escalationId: id,
        ticketId: ticket.id,
        number: ticket.number,
        level: input.level,
        kind: 'manual',
      });
      return escalationById(tx, ticket.id, id);
    });
  },

  'escalations.acknowledge': async (input, ctx) => {
    const caller = requireCaller(ctx);
    return ctx.write(async ({ tx, audit, publish }) => {
      const outcome = await acknowledgeEscalation(tx, input.id, { at: ctx.now(), by: caller.id, note: input.note });
      if (outcome === 'missing') throw new ApiFailure('not_found', 'No such escalation.');
      if (outcome === 'already') throw new ApiFailure('conflict', 'Someone has already acknowledged this escalation.');
      const escalation = await escalationById(tx, (await ticketOfEscalation(tx, input.id)) ?? '', input.id);
      await audit({
        entity: 'escalation',
        entityId: input.id,
        ticketId: escalation.ticketId,
        before: { acknowledgedAt: null },
        after: { note: input.note },
      });
      await publish({ type: 'escalation.updated', escalationId: input.id, ticketId: escalation.ticketId });
      return escalation;
    });
  },
} satisfies Partial<Handlers>;
