import { randomUUID } from 'node:crypto';
import type { MailTestResult, OutboxMessageDto } from '../../../shared/domain/outbox';
import {
  auditedMailSettings,
  loadMailSettings,
  mailSettingsDto,
  MAIL_SETTINGS_KEY,
  mergeMailSettings,
  storeMailSettings,
} from '../services/outbox/outbox-config.service';
import { defaultSmtpTimeouts, sendTestMessage } from '../services/outbox/smtp-transport';
import type { Handlers } from './handler-types';

export const mailHandlers = {
  'mail.settings': async (_input, ctx) => mailSettingsDto(await loadMailSettings(ctx.database.db)),

  'mail.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadMailSettings(tx);
      const saved = mergeMailSettings(before, input);
      await storeMailSettings(tx, saved);
      await audit({
        entity: 'mail_settings',
        entityId: MAIL_SETTINGS_KEY,
        before: auditedMailSettings(before),
        after: auditedMailSettings(saved),
      });
      await publish({ type: 'settings.changed' });
      return mailSettingsDto(saved);
    }),

  'mail.sendTest': async (input, ctx): Promise<MailTestResult> => {
    const settings = await loadMailSettings(ctx.database.db);
    if (!settings)
      return {
        delivered: false,
        stage: 'settings',
        responseCode: null,
        message: 'No SMTP server is set up yet: save the mail settings first.',
      };
    const now = ctx.now();
    const id = randomUUID();
    const message: OutboxMessageDto = {
      id,
      eventKey: `mail-test:${id}`,
      kind: 'mail-test',
      ticketId: null,
      visitId: null,
      transport: 'email',
      recipient: input.to,
      subject: 'Dispatch Console: test message',
      status: 'sending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
      bodyText: [
        `This is a test message from Dispatch Console, sent ${now.slice(0, 16).replace('T', ' ')} UTC.`,
        'If you can read it, the console can send e-mail through this server.',
        ...(input.note ? ['', input.note] : []),
      ].join('\n'),
      bodyHtml: null,
      attachments: [],
      delivery: null,
    };
    return sendTestMessage(settings, ctx.smtpTimeouts ?? defaultSmtpTimeouts, message);
  },
} satisfies Partial<Handlers>;
