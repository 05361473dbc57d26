import { randomUUID } from 'node:crypto';
import type { MailTestResult, OutboxMessageDto } from '../../../shared/domain/outbox';
import {
  auditedMailSettings,
  loadMailSettings,
  loadWebhookSettings,
  storeWebhookSettings,
  webhookSettingsDto,
  WEBHOOK_SETTINGS_KEY,
  mailSettingsDto,
  MAIL_SETTINGS_KEY,
  mergeMailSettings,
  storeMailSettings,
} from '../services/outbox/outbox-config.service';
import { defaultSmtpTimeouts, sendTestMessage } from '../services/outbox/smtp-transport';
import { sendTestWebhook } from '../services/outbox/webhook-transport';
import { ApiFailure } from '../../../shared/errors';
import type { WebhookDocument, WebhookTestResult } from '../../../shared/domain/webhook';
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
      statusNote: null,
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

  'webhook.settings': async (_input, ctx) => webhookSettingsDto(await loadWebhookSettings(ctx.database.db)),

  'webhook.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadWebhookSettings(tx);
      const secret = input.secret === undefined ? (before?.secret ?? null) : input.secret;
      // Nothing unsigned is ever posted: a webhook that is on needs its secret.
      if (secret === null && input.enabled)
        throw new ApiFailure(
          'invalid_input',
          before ? 'A webhook that is on needs a signing secret.' : 'The first webhook needs a signing secret.',
          [{ path: ['secret'], message: before ? 'Required while the webhook is on' : 'Required for a new webhook' }],
        );
      const saved = { url: input.url, secret, kinds: [...new Set(input.kinds)], enabled: input.enabled };
      await storeWebhookSettings(tx, saved);
      await audit({
        entity: 'webhook_settings',
        entityId: WEBHOOK_SETTINGS_KEY,
        before: before ? webhookSettingsDto(before) : null,
        after: webhookSettingsDto(saved),
      });
      await publish({ type: 'settings.changed' });
      return webhookSettingsDto(saved);
    }),

  'webhook.sendTest': async (_input, ctx): Promise<WebhookTestResult> => {
    const stored = await loadWebhookSettings(ctx.database.db);
    // A webhook turned off may still be tried before it is turned on; one without a secret cannot sign.
    if (!stored || stored.secret === null)
      return {
        delivered: false,
        stage: 'settings',
        responseCode: null,
        message: stored
          ? 'The webhook has no signing secret: save one first.'
          : 'No webhook is set up yet: save its address and secret first.',
      };
    const settings = { ...stored, secret: stored.secret };
    const now = ctx.now();
    const id = randomUUID();
    const document: WebhookDocument = {
      eventKey: `webhook-test:${id}`,
      kind: 'webhook-test',
      ticket: null,
      visitId: null,
      to: { name: null, email: null, phone: null },
      subject: 'Dispatch Console: test message',
      text: 'This is a test message from Dispatch Console. If your gateway received it, the webhook works.',
      createdAt: now,
    };
    return sendTestWebhook(
      settings,
      {
        id,
        eventKey: document.eventKey,
        kind: document.kind,
        ticketId: null,
        visitId: null,
        transport: 'webhook',
        recipient: settings.url,
        subject: document.subject,
        status: 'sending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        statusNote: null,
        createdAt: now,
        sentAt: null,
        bodyText: JSON.stringify(document, null, 2),
        bodyHtml: null,
        attachments: [],
        delivery: null,
      },
      { now: () => new Date(ctx.now()) },
    );
  },
} satisfies Partial<Handlers>;
