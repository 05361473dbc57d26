import {
  clientMessageKinds,
  messagePlaceholderNames,
  messagePlaceholders,
  type ClientMessagePreferencesDto,
} from '../../../shared/domain/messages';
import { liveVisitStatuses } from '../../../shared/domain/visit';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import type { Tx } from '../db/transaction';
import {
  clientOptOuts,
  deleteSavedTemplate,
  findTicketMessageContext,
  findVisitMessageContext,
  listTicketVisits,
  saveTemplate,
  setClientReceives,
} from '../repositories/message.repository';
import { messageValues } from '../services/messages/message-values';
import {
  requireValidTemplate,
  templateInEffect,
  templatesInEffect,
} from '../services/messages/message-templates.service';
import { renderTemplate } from '../services/messages/template-render';
import { requireClient } from './directory.handlers';
import type { Handlers } from './handler-types';

async function preferencesOf(tx: Tx, clientId: string): Promise<ClientMessagePreferencesDto> {
  const off = await clientOptOuts(tx, clientId);
  return {
    clientId,
    receives: Object.fromEntries(
      clientMessageKinds.map((kind) => [kind, !off.includes(kind)]),
    ) as ClientMessagePreferencesDto['receives'],
  };
}

/** The visit a preview shows: the one asked for (of that ticket), else the next live one, else the latest. */
async function previewVisitId(tx: Tx, ticketId: string, visitId: string | undefined): Promise<string | null> {
  const visits = await listTicketVisits(tx, ticketId);
  if (visitId) {
    if (!visits.some((v) => v.id === visitId)) {
      throw new ApiFailure('invalid_input', 'That visit is not one of the ticket’s.', [
        { path: ['visitId'], message: 'Not a visit of this ticket' },
      ]);
    }
    return visitId;
  }
  const live = visits.find((v) => liveVisitStatuses.includes(v.status));
  return (live ?? visits.at(-1))?.id ?? null;
}

export const messageHandlers = {
  'templates.list': async (_input, ctx) => ({
    templates: await templatesInEffect(ctx.database.db),
    placeholders: messagePlaceholderNames.map((name) => ({ name, description: messagePlaceholders[name] })),
  }),

  'templates.get': async (input, ctx) => templateInEffect(ctx.database.db, input.kind),

  'templates.save': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const text = { subject: input.subject, body: input.body };
    requireValidTemplate(text);
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await templateInEffect(tx, input.kind);
      await saveTemplate(tx, { kind: input.kind, ...text, at: ctx.now(), by: caller.id });
      await audit({
        entity: 'message_template',
        entityId: input.kind,
        before: { subject: before.subject, body: before.body, custom: before.custom },
        after: { ...text, custom: true },
      });
      await publish({ type: 'settings.changed' });
    });
    return templateInEffect(ctx.database.db, input.kind);
  },

  'templates.reset': async (input, ctx) => {
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await templateInEffect(tx, input.kind);
      // Resetting what is already the default changes nothing, so it leaves no audit row.
      if (!before.custom) return;
      await deleteSavedTemplate(tx, input.kind);
      await audit({
        entity: 'message_template',
        entityId: input.kind,
        before: { subject: before.subject, body: before.body, custom: true },
        after: { ...before.defaultText, custom: false },
      });
      await publish({ type: 'settings.changed' });
    });
    return templateInEffect(ctx.database.db, input.kind);
  },

  'templates.preview': async (input, ctx) => {
    if (input.draft) requireValidTemplate(input.draft, ['draft']);
    const db = ctx.database.db;
    const ticket = await findTicketMessageContext(db, input.ticketId);
    if (!ticket) {
      throw new ApiFailure('invalid_input', 'No such ticket.', [{ path: ['ticketId'], message: 'No such ticket' }]);
    }
    const visitId = await previewVisitId(db, ticket.id, input.visitId);
    const visit = visitId ? ((await findVisitMessageContext(db, visitId)) ?? null) : null;
    const text = input.draft ?? (await templateInEffect(db, input.kind));
    const values = await messageValues(db, { ticket, visit, now: ctx.now() });
    return renderTemplate(text, values);
  },

  'clients.messagePreferences': async (input, ctx) => {
    await requireClient(ctx.database.db, input.clientId);
    return preferencesOf(ctx.database.db, input.clientId);
  },

  'clients.saveMessagePreferences': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      await requireClient(tx, input.clientId);
      const before = await preferencesOf(tx, input.clientId);
      for (const kind of clientMessageKinds) {
        const receives = input.receives[kind];
        if (receives !== undefined) await setClientReceives(tx, input.clientId, kind, receives);
      }
      const after = await preferencesOf(tx, input.clientId);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await audit({ entity: 'client_message_preferences', entityId: input.clientId, before, after });
        await publish({ type: 'directory.changed', clientId: input.clientId });
      }
      return after;
    }),
} satisfies Partial<Handlers>;
