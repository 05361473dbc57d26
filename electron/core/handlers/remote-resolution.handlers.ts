import { randomUUID } from 'node:crypto';
import { openStatuses, statusLabels, type TicketDto } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import { readClosureFacts } from '../repositories/closure.repository';
import { insertRemoteResolution, resolveTicketRemotelyIfVersion } from '../repositories/remote-resolution.repository';
import { findTicket } from '../repositories/ticket.repository';
import type { Handlers } from './handler-types';

function refuse(message: string, path: string, issue: string): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path: [path], message: issue }]);
}

function stale(number: string, version: number, expected: number): ApiFailure {
  return new ApiFailure(
    'stale',
    `Ticket ${number} changed since you opened it (it is at version ${version}; you had ${expected}). Reload it and try again.`,
    [{ path: ['expectedVersion'], message: 'Changed since' }],
  );
}

async function ticketDto(ctx: HandlerContext, id: string): Promise<TicketDto> {
  const ticket = await findTicket(ctx.database.db, id);
  if (!ticket) throw new Error(`ticket ${id} vanished after its commit`);
  return ticket;
}

export const remoteResolutionHandlers = {
  'tickets.recordRemoteResolution': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const now = ctx.now();
    const resolvedAt = input.resolvedAt ?? now;
    const confirmedAt = input.confirmedAt ?? now;
    await ctx.write(async ({ tx, audit, publish }) => {
      const facts = await readClosureFacts(tx, input.ticketId);
      if (!facts) throw new ApiFailure('not_found', 'No such ticket.');
      const { ticket } = facts;
      if (ticket.version !== input.expectedVersion) throw stale(ticket.number, ticket.version, input.expectedVersion);
      if (!openStatuses.includes(ticket.status)) {
        throw refuse(
          `Ticket ${ticket.number} is ${statusLabels[ticket.status].toLowerCase()}; only an open ticket can be resolved.`,
          'ticketId',
          `The ticket is ${ticket.status}`,
        );
      }
      // A crew on the way or on site is resolving it in person: their visit records how.
      const underWay = facts.visits.find((v) => v.status === 'en_route' || v.status === 'on_site');
      if (underWay) {
        throw refuse(
          `A crew is ${underWay.status === 'on_site' ? 'on site' : 'on the way'} for ${ticket.number} (${underWay.technicianName}): record the outcome of that visit instead.`,
          'ticketId',
          'A visit is under way',
        );
      }
      const order: [string, boolean, string][] = [
        ['respondedAt', input.respondedAt < ticket.receivedAt, 'Before the request was received'],
        ['respondedAt', input.respondedAt > resolvedAt, 'After the resolution'],
        ['resolvedAt', resolvedAt > now, 'Later than now'],
        ['confirmedAt', confirmedAt > now, 'Later than now'],
        ['confirmedAt', confirmedAt < resolvedAt, 'Before the resolution'],
        [
          'resolvedAt',
          facts.lastReopenedAt !== null && resolvedAt <= facts.lastReopenedAt,
          'Before the ticket was reopened',
        ],
      ];
      const issues = order.filter(([, wrong]) => wrong).map(([path, , message]) => ({ path: [path], message }));
      if (issues.length > 0) {
        throw new ApiFailure(
          'invalid_input',
          'The times do not fit: the remote work starts after the request, the resolution follows it, the client confirms after that, and none lies in the future.',
          issues,
        );
      }
      const moved = await resolveTicketRemotelyIfVersion(tx, {
        ticketId: ticket.id,
        expectedVersion: input.expectedVersion,
        respondedAt: input.respondedAt,
        at: now,
      });
      if (!moved) throw stale(ticket.number, ticket.version + 1, input.expectedVersion);
      const id = randomUUID();
      const record = {
        channel: input.channel,
        respondedAt: input.respondedAt,
        resolvedAt,
        resolution: input.resolution,
        steps: input.steps,
        confirmedBy: input.confirmedBy,
        confirmedAt,
      };
      await insertRemoteResolution(tx, { id, ticketId: ticket.id, ...record, recordedAt: now, recordedBy: caller.id });
      await audit({ entity: 'remote_resolution', entityId: id, ticketId: ticket.id, after: record });
      const responseMoved = ticket.firstArrivalAt === null || input.respondedAt < ticket.firstArrivalAt;
      await audit({
        entity: 'ticket',
        entityId: ticket.id,
        before: { status: ticket.status, ...(responseMoved ? { firstArrivalAt: ticket.firstArrivalAt } : {}) },
        after: {
          status: 'resolved',
          ...(responseMoved ? { firstArrivalAt: input.respondedAt, responseKind: 'remote' } : {}),
        },
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
    });
    return ticketDto(ctx, input.ticketId);
  },
} satisfies Partial<Handlers>;
