import { randomUUID } from 'node:crypto';
import type { TicketCallDto } from '../../../shared/domain/calls';
import { messageAudience, type ClientUpdateDraftDto, type MessageKind } from '../../../shared/domain/messages';
import { liveVisitStatuses } from '../../../shared/domain/visit';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import type { Tx } from '../db/transaction';
import {
  findTicketMessageContext,
  findVisitMessageContext,
  listTicketVisits,
  type TicketMessageContext,
} from '../repositories/message.repository';
import { insertTicketCall, listTicketCalls } from '../repositories/ticket-call.repository';
import { onCrew } from '../services/attachments/documenter-access';
import { queue, reaches, templateFor, type Addressee } from '../services/messages/message-queue.service';
import { messageValues } from '../services/messages/message-values';
import { loadReminderSettings, saveReminderSettings } from '../services/messages/reminder-settings.service';
import { renderTemplate } from '../services/messages/template-render';
import type { Handlers } from './handler-types';

// Item 9 of issue 14, section 4: a free-text update to the ticket's contact, written from the
// ticket panel starting from a template, and calls logged for updates given by phone. Item 4's
// setting (how long before a visit its reminder goes) is here too, beside the messages it times.

/** The words the shipped update template leaves for the writer to replace. */
export const UPDATE_GAP = '[Write the update here.]';

async function requireTicket(db: Tx, ticketId: string): Promise<TicketMessageContext> {
  const ticket = await findTicketMessageContext(db, ticketId);
  if (!ticket)
    throw new ApiFailure('invalid_input', 'No such ticket.', [{ path: ['ticketId'], message: 'No such ticket' }]);
  return ticket;
}

/** The ticket's contact when an update can reach them, else why not in words. */
async function updateAddressee(
  db: Tx,
  ticket: TicketMessageContext,
): Promise<{ to: Addressee | null; blocked: string | null }> {
  const contact = ticket.contact;
  if (!contact) return { to: null, blocked: 'The ticket has no contact to send an update to.' };
  const to = { name: contact.name, email: contact.email, phone: contact.phone };
  if (!contact.active) return { to, blocked: `${contact.name} is no longer an active contact.` };
  if (contact.optedOut) return { to, blocked: `${contact.name} asked for no messages; call them instead.` };
  if (!(await reaches(db, 'client-update', to)))
    return { to, blocked: `${contact.name} has no e-mail address; call them instead.` };
  return { to, blocked: null };
}

function requireClientKind(kind: MessageKind): void {
  if (messageAudience(kind) !== 'client')
    throw new ApiFailure('invalid_input', 'An update goes to the client: start from a client message.', [
      { path: ['kind'], message: 'A message to technicians' },
    ]);
}

/** The visit an update's template speaks of: the next live one, else the latest. */
async function updateVisit(db: Tx, ticketId: string) {
  const visits = await listTicketVisits(db, ticketId);
  const visit = visits.find((v) => liveVisitStatuses.includes(v.status)) ?? visits.at(-1);
  return visit ? ((await findVisitMessageContext(db, visit.id)) ?? null) : null;
}

/** Technicians see and log calls only on tickets they are (or were) crew of. */
async function requireCallAccess(ctx: HandlerContext, ticketId: string): Promise<void> {
  const caller = requireCaller(ctx);
  if (caller.role === 'technician' && !(await onCrew(ctx.database.db, caller.id, { ticketId })))
    throw new ApiFailure('forbidden', 'You can log calls only on tickets you have a visit on.');
}

export const ticketUpdateHandlers = {
  'reminders.settings': async (_input, ctx) => loadReminderSettings(ctx.database.db),

  'reminders.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadReminderSettings(tx);
      await saveReminderSettings(tx, input);
      await audit({ entity: 'reminder_settings', entityId: 'messages.reminder', before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),

  'messages.draftUpdate': async (input, ctx): Promise<ClientUpdateDraftDto> => {
    const db = ctx.database.db;
    const kind = input.kind ?? 'client-update';
    requireClientKind(kind);
    const ticket = await requireTicket(db, input.ticketId);
    const values = await messageValues(db, { ticket, visit: await updateVisit(db, ticket.id), now: ctx.now() });
    const rendered = renderTemplate(await templateFor(db, kind), values);
    const { to, blocked } = await updateAddressee(db, ticket);
    return { ticketId: ticket.id, kind, subject: rendered.subject, text: rendered.text, to, blocked };
  },

  'messages.sendUpdate': async (input, ctx) => {
    const kind = input.kind ?? 'client-update';
    requireClientKind(kind);
    if (input.body.includes(UPDATE_GAP))
      throw new ApiFailure('invalid_input', `Write the update in place of ${UPDATE_GAP}`, [
        { path: ['body'], message: `Replace ${UPDATE_GAP} with the update` },
      ]);
    const requestId = input.requestId ?? randomUUID();
    const eventKey = `client-update:${input.ticketId}:${requestId}`;
    return ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await requireTicket(tx, input.ticketId);
      const { to, blocked } = await updateAddressee(tx, ticket);
      if (blocked !== null || to === null)
        throw new ApiFailure('invalid_input', blocked ?? 'Nobody to send to.', [
          { path: ['ticketId'], message: blocked ?? 'Nobody to send to' },
        ]);
      const now = ctx.now();
      const messageIds = await queue(tx, {
        eventKey,
        kind: 'client-update',
        ticket,
        visitId: null,
        to,
        values: await messageValues(tx, { ticket, visit: null, now }),
        text: { subject: input.subject, body: input.body },
        now,
      });
      if (messageIds.length === 0) {
        // The same update sent again (a double click, a retry after a lost answer): nothing more.
        const earlier = await tx
          .selectFrom('outbox')
          .select('id')
          .where('event_key', 'in', [eventKey, `webhook:${eventKey}`])
          .execute();
        return { ticketId: ticket.id, to, subject: input.subject, messageIds: earlier.map((r) => r.id) };
      }
      await audit({
        entity: 'client_update',
        entityId: requestId,
        ticketId: ticket.id,
        after: { to: to.name, recipient: to.email ?? to.phone, subject: input.subject, startedFrom: kind, messageIds },
      });
      await publish({ type: 'outbox.changed', ticketIds: [ticket.id] });
      return { ticketId: ticket.id, to, subject: input.subject, messageIds };
    });
  },

  'calls.log': async (input, ctx): Promise<TicketCallDto> => {
    const caller = requireCaller(ctx);
    await requireTicket(ctx.database.db, input.ticketId);
    await requireCallAccess(ctx, input.ticketId);
    const now = ctx.now();
    if (input.calledAt > now)
      throw new ApiFailure('invalid_input', 'A call cannot be logged before it happens.', [
        { path: ['calledAt'], message: 'Later than now' },
      ]);
    const call = {
      id: randomUUID(),
      ticketId: input.ticketId,
      calledName: input.calledName,
      phone: input.phone,
      calledAt: input.calledAt,
      summary: input.summary,
      loggedAt: now,
    };
    await ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await requireTicket(tx, input.ticketId);
      await insertTicketCall(tx, { ...call, loggedBy: caller.id });
      await audit({
        entity: 'ticket_call',
        entityId: call.id,
        ticketId: ticket.id,
        after: { calledName: call.calledName, phone: call.phone, calledAt: call.calledAt, summary: call.summary },
      });
      await publish({
        type: 'ticket.documented',
        ticketId: ticket.id,
        number: ticket.number,
        visitId: null,
        part: 'call',
      });
    });
    return { ...call, loggedBy: { id: caller.id, name: caller.displayName } };
  },

  'calls.forTicket': async (input, ctx) => {
    const db = ctx.database.db;
    if (!(await findTicketMessageContext(db, input.ticketId))) throw new ApiFailure('not_found', 'No such ticket.');
    await requireCallAccess(ctx, input.ticketId);
    return listTicketCalls(db, input.ticketId);
  },
} satisfies Partial<Handlers>;
