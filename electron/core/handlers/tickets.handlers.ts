import { openStatuses } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import { isUniqueViolation } from '../db/errors';
import { findContact, findSite } from '../repositories/directory.repository';
import { findTicket, findTicketIdByExternalRef, listQueue, setTicketNeeds } from '../repositories/ticket.repository';
import { resolveNeeds } from '../services/ticket-needs.service';
import { queueRequestAcknowledgement } from '../services/messages/message-queue.service';
import { insertNewTicket } from '../services/ticket-intake.service';
import { requireClient } from './directory.handlers';
import type { Handlers } from './handler-types';

export const ticketHandlers = {
  'tickets.create': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const receivedAt = input.receivedAt;
    const now = ctx.now();
    if (receivedAt > now) {
      throw new ApiFailure('invalid_input', 'A request cannot be received in the future.', [
        { path: ['receivedAt'], message: 'Later than now' },
      ]);
    }
    const id = await ctx
      .write(async ({ tx, audit, publish }) => {
        if (input.externalRef) {
          const existing = await findTicketIdByExternalRef(tx, input.channel, input.externalRef);
          if (existing) return existing;
        }
        await requireClient(tx, input.clientId);
        if (input.contactId) {
          const contact = await findContact(tx, input.contactId);
          if (contact?.clientId !== input.clientId) {
            throw new ApiFailure('invalid_input', 'That contact does not belong to the client.', [
              { path: ['contactId'], message: 'Not a contact of this client' },
            ]);
          }
          // A retired contact stays on the tickets they raised, but a new one needs someone current.
          if (!contact.active) {
            throw new ApiFailure('invalid_input', 'That contact is no longer active for the client.', [
              { path: ['contactId'], message: 'No longer an active contact' },
            ]);
          }
        }
        if (input.siteId) {
          const site = await findSite(tx, input.siteId);
          if (site?.clientId !== input.clientId) {
            throw new ApiFailure('invalid_input', 'That site does not belong to the client.', [
              { path: ['siteId'], message: 'Not a site of this client' },
            ]);
          }
        }
        const { id: ticketId, number } = await insertNewTicket(
          tx,
          {
            channel: input.channel,
            externalRef: input.externalRef,
            receivedAt,
            clientId: input.clientId,
            contactId: input.contactId,
            siteId: input.siteId,
            category: input.category,
            asset: input.asset,
            description: input.description,
            criteria: input.criteria,
            priority: input.priority,
            needs: {
              workTypeId: input.workTypeId,
              estimatedMinutes: input.estimatedMinutes,
              requiredSkills: input.requiredSkills,
            },
          },
          { now, loggedBy: caller.id },
        );
        await queueRequestAcknowledgement(tx, ticketId, now);
        await audit({ entity: 'ticket', entityId: ticketId, after: { number, ...input } });
        await publish({ type: 'ticket.created', ticketId, number, clientId: input.clientId });
        return ticketId;
      })
      .catch(async (error: unknown) => {
        // On PostgreSQL a repeat that arrives while the first is still being saved passes the lookup
        // above and then loses on the unique index (SQLite's write lock serialises the two). It is
        // still a repeat, so it gets the same answer: the ticket the first one saved.
        const existing =
          input.externalRef && isUniqueViolation(error)
            ? await findTicketIdByExternalRef(ctx.database.db, input.channel, input.externalRef)
            : undefined;
        if (!existing) throw error;
        return existing;
      });
    const ticket = await findTicket(ctx.database.db, id);
    if (!ticket) throw new Error(`ticket ${id} vanished after its commit`);
    return ticket;
  },

  'tickets.get': async (input, ctx) => {
    const ticket = await findTicket(ctx.database.db, input.id);
    if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
    return ticket;
  },

  'tickets.setNeeds': async (input, ctx) => {
    await ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await findTicket(tx, input.id);
      if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
      const needs = await resolveNeeds(tx, input);
      await setTicketNeeds(tx, ticket.id, needs, ctx.now());
      await audit({ entity: 'ticket', entityId: ticket.id, before: { needs: ticket.needs }, after: { needs } });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.client.id });
    });
    const updated = await findTicket(ctx.database.db, input.id);
    if (!updated) throw new ApiFailure('not_found', 'No such ticket.');
    return updated;
  },

  'tickets.queue': async (input, ctx) =>
    listQueue(ctx.database.db, {
      // A resolved ticket still waits for someone to close it, so the queue keeps it by default.
      statuses: input.statuses ?? [...openStatuses, 'resolved'],
      ...(input.clientId ? { clientId: input.clientId } : {}),
    }),
} satisfies Partial<Handlers>;
