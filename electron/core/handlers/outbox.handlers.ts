import { outboxTransports, type OutboxTransport } from '../../../shared/domain/outbox';
import { ApiFailure } from '../../../shared/errors';
import {
  countByStatus,
  countQueuedFor,
  findMessage,
  listMessages,
  requeueFailed,
} from '../repositories/outbox.repository';
import {
  loadMailSettings,
  loadOutboxSettings,
  loadActiveWebhook,
  saveOutboxSettings,
} from '../services/outbox/outbox-config.service';
import type { Handlers } from './handler-types';

const transportNames: Record<OutboxTransport, string> = { email: 'an SMTP server', webhook: 'a webhook' };

export const outboxHandlers = {
  'outbox.list': async (input, ctx) => {
    const rows = await listMessages(ctx.database.db, { ...input, limit: input.limit + 1 });
    const messages = rows.slice(0, input.limit);
    const last = messages.at(-1);
    return { messages, next: rows.length > input.limit && last ? `${last.createdAt}|${last.id}` : null };
  },

  'outbox.get': async (input, ctx) => {
    const message = await findMessage(ctx.database.db, input.id);
    if (!message) throw new ApiFailure('not_found', 'No such message.');
    return message;
  },

  'outbox.retry': async (input, ctx) => {
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await findMessage(tx, input.id);
      if (!before) throw new ApiFailure('not_found', 'No such message.');
      if (!(await requeueFailed(tx, input.id, ctx.now()))) {
        throw new ApiFailure(
          'invalid_input',
          `Only a message that was not delivered can be retried; this one is ${before.status}.`,
          [{ path: ['id'], message: `The message is ${before.status}` }],
        );
      }
      await audit({
        entity: 'outbox_message',
        entityId: input.id,
        ...(before.ticketId ? { ticketId: before.ticketId } : {}),
        before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
        after: { status: 'queued', kind: before.kind, recipient: before.recipient },
      });
      await publish({ type: 'outbox.changed', ticketIds: before.ticketId ? [before.ticketId] : [] });
    });
    const message = await findMessage(ctx.database.db, input.id);
    if (!message) throw new Error(`message ${input.id} vanished after its retry`);
    return message;
  },

  'outbox.status': async (_input, ctx) => {
    const db = ctx.database.db;
    const configured: Record<OutboxTransport, boolean> = {
      email: (await loadMailSettings(db)) !== undefined,
      webhook: (await loadActiveWebhook(db)) !== undefined,
    };
    const waiting = await countQueuedFor(
      db,
      outboxTransports.filter((t) => !configured[t]),
    );
    const waitingForTransport = Object.values(waiting).reduce((sum, n) => sum + n, 0);
    const missing = outboxTransports.filter((t) => (waiting[t] ?? 0) > 0);
    const counts = await countByStatus(db);
    const warning =
      waitingForTransport > 0
        ? `${waitingForTransport} ${waitingForTransport === 1 ? 'message waits' : 'messages wait'} for ${missing
            .map((t) => transportNames[t])
            .join(' and ')} to be set up; nothing is lost meanwhile.`
        : null;
    return { counts, configured, waitingForTransport, warning };
  },

  'outbox.settings': async (_input, ctx) => loadOutboxSettings(ctx.database.db),

  'outbox.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadOutboxSettings(tx);
      const after = { ...input, delayGraceMinutes: input.delayGraceMinutes ?? before.delayGraceMinutes };
      await saveOutboxSettings(tx, after);
      await audit({ entity: 'outbox_settings', entityId: 'outbox.settings', before, after });
      await publish({ type: 'settings.changed' });
      return after;
    }),
} satisfies Partial<Handlers>;
