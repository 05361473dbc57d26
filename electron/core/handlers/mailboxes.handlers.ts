import { randomUUID } from 'node:crypto';
import type { MailboxDto } from '../../../shared/domain/email-intake';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import {
  findMailbox,
  findMailboxAccount,
  insertMailbox,
  listMailboxes,
  updateMailbox,
} from '../repositories/mailbox.repository';
import { testMailbox } from '../services/email-intake/imap-client';
import type { Handlers } from './handler-types';

function noSuchMailbox(): ApiFailure {
  return new ApiFailure('invalid_input', 'No such mailbox.', [{ path: ['id'], message: 'No such mailbox' }]);
}

export const mailboxHandlers = {
  'mailboxes.list': async (_input, ctx) => listMailboxes(ctx.database.db),

  'mailboxes.save': async (input, ctx) => {
    const caller = requireCaller(ctx);
    return ctx.write(async ({ tx, audit, publish }): Promise<MailboxDto> => {
      const now = ctx.now();
      const fields = {
        name: input.name,
        host: input.host,
        port: input.port,
        tls: input.tls,
        username: input.user,
        folder: input.folder,
        enabled: input.enabled ? 1 : 0,
        updated_at: now,
      };
      let id = input.id;
      let before: MailboxDto | undefined;
      if (id === undefined) {
        if (input.password === undefined)
          throw new ApiFailure('invalid_input', 'A new mailbox needs its password.', [
            { path: ['password'], message: 'Required for a new mailbox' },
          ]);
        id = randomUUID();
        await insertMailbox(tx, { id, ...fields, password: input.password, created_by: caller.id, created_at: now });
      } else {
        const stored = await findMailboxAccount(tx, id);
        if (!stored) throw noSuchMailbox();
        before = await findMailbox(tx, id);
        await updateMailbox(tx, id, { ...fields, password: input.password ?? stored.password });
      }
      const saved = await findMailbox(tx, id);
      if (!saved) throw new Error(`mailbox ${id} vanished inside its own transaction`);
      // The DTO never holds the password, so neither does the audit row.
      await audit({ entity: 'mailbox', entityId: id, before: before ?? null, after: saved });
      await publish({ type: 'settings.changed' });
      return saved;
    });
  },

  'mailboxes.test': async (input, ctx) => {
    let password = input.password ?? null;
    if (password === null && input.id !== undefined) {
      const stored = await findMailboxAccount(ctx.database.db, input.id);
      if (!stored) throw noSuchMailbox();
      password = stored.password;
    }
    return testMailbox({
      host: input.host,
      port: input.port,
      tls: input.tls,
      user: input.user,
      password,
      folder: input.folder,
    });
  },
} satisfies Partial<Handlers>;
