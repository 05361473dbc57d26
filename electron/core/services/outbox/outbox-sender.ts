import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { OutboxTransport } from '../../../../shared/domain/outbox';
import type { StoredMailSettings } from '../../../../shared/domain/outbox.schema';
import type { DatabaseHandle } from '../../db/connect';
import { inTransaction } from '../../db/transaction';
import type { EventHub } from '../../events/event-hub';
import {
  claimDueMessages,
  deferClaim,
  markAttemptFailed,
  markClaimSuperseded,
  markSent,
  type ClaimedMessage,
} from '../../repositories/outbox.repository';
import type { Clock } from '../clock';
import { reminderVerdict } from '../messages/reminder-check';
import type { MessageTransport } from './message-transport';
import { loadActiveWebhook, loadMailSettings, loadOutboxSettings } from './outbox-config.service';
import { nextAttemptAt } from './retry-schedule';
import { defaultSmtpTimeouts, smtpFailure, smtpTransport, type SmtpTimeouts } from './smtp-transport';
import { webhookTransport } from './webhook-transport';
import { startPeriodicTask } from '../periodic-task';

export interface DrainReport {
  sent: number;
  /** Reminders found not needed when they came to go (the visit was cancelled or under way). */
  superseded: number;
  /** Reminders due in the site's quiet hours, given back until 07:00 there. */
  deferred: number;
  /** Attempts that failed and will be retried. */
  retrying: number;
  /** Messages that used their last attempt and are now "not delivered". */
  failed: number;
  /** Messages whose claim lapsed while they were sent and that another sender took over. */
  lost: number;
}

export interface OutboxSender {
  /** Sends everything due now, batch after batch, and answers what happened. */
  drainOnce(): Promise<DrainReport>;
  stop(): Promise<void>;
}

export interface OutboxSenderOptions {
  /** The period between drains; default 5 s. */
  intervalMs?: number;
  /** false leaves it to explicit drainOnce calls (tests). */
  autoStart?: boolean;
  batchSize?: number;
  /**
   * How long a claim holds. Longer than any send can take (the SMTP timeouts bound it), so that
   * only a claimant that died, never a slow one, loses its messages to another sender.
   */
  leaseMs?: number;
  smtpTimeouts?: SmtpTimeouts;
  /** Names this sender in claimed_by; default host, process and a random suffix. */
  senderId?: string;
}

/**
 * Delivers the outbox. Each drain claims due messages in one short statement, sends them with no
 * transaction open (a slow or hanging SMTP server holds no lock and no connection the API needs),
 * then records each outcome in its own statement. Failures are retried with exponential backoff
 * (outbox.settings); with no transport set up for a message it stays queued and loses no attempt.
 */
export function startOutboxSender(
  deps: { database: DatabaseHandle; events: EventHub; clock: Clock },
  options: OutboxSenderOptions = {},
): OutboxSender {
  const { database, events, clock } = deps;
  const sender = options.senderId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const timeouts = options.smtpTimeouts ?? defaultSmtpTimeouts;
  let mail: { key: string; transport: MessageTransport } | null = null;
  let stopped = false;

  /** The e-mail transport for the stored settings, kept (with its pooled connections) until they change. */
  function mailTransport(settings: StoredMailSettings | undefined): MessageTransport | null {
    const key = settings ? JSON.stringify(settings) : '';
    if (mail && mail.key !== key) {
      mail.transport.close();
      mail = null;
    }
    if (!settings) return null;
    mail ??= { key, transport: smtpTransport(settings, timeouts) };
    return mail.transport;
  }

  async function deliver(
    message: ClaimedMessage,
    transport: MessageTransport,
    settings: Awaited<ReturnType<typeof loadOutboxSettings>>,
    report: DrainReport,
  ): Promise<void> {
    try {
      const receipt = await transport.send(message);
      const delivery = {
        transport: message.transport,
        recipient: message.recipient,
        response: receipt.response,
        messageId: receipt.messageId,
        at: clock.now().toISOString(),
      };
      if (await markSent(database.db, message.id, sender, delivery)) report.sent += 1;
      else report.lost += 1;
    } catch (error) {
      const failure = smtpFailure(error);
      const attempts = message.attempts + 1;
      const retryAt = nextAttemptAt(clock.now(), attempts, settings);
      const recorded = await markAttemptFailed(database.db, message.id, sender, {
        error: `${failure.stage}: ${failure.message}`.slice(0, 2000),
        retryAt,
      });
      if (!recorded) report.lost += 1;
      else if (retryAt === null) report.failed += 1;
      else report.retrying += 1;
    }
  }

  async function checkThenDeliver(
    message: ClaimedMessage,
    transport: MessageTransport,
    settings: Awaited<ReturnType<typeof loadOutboxSettings>>,
    report: DrainReport,
  ): Promise<void> {
    const verdict = await reminderVerdict(database.db, message, clock.now());
    if (verdict.send) return deliver(message, transport, settings, report);
    if ('supersede' in verdict) {
      if (await markClaimSuperseded(database.db, message.id, sender, verdict.supersede)) report.superseded += 1;
      else report.lost += 1;
      return;
    }
    if (await deferClaim(database.db, message.id, sender, verdict.deferUntil)) report.deferred += 1;
    else report.lost += 1;
  }

  async function runOnce(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, superseded: 0, deferred: 0, retrying: 0, failed: 0, lost: 0 };
    const ticketIds = new Set<string>();
    for (;;) {
      if (stopped) break;
      const transports: Partial<Record<OutboxTransport, MessageTransport>> = {};
      const email = mailTransport(await loadMailSettings(database.db));
      if (email) transports.email = email;
      const webhook = await loadActiveWebhook(database.db);
      if (webhook) transports.webhook = webhookTransport(webhook, { now: () => clock.now() });
      const available = Object.keys(transports) as OutboxTransport[];
      if (available.length === 0) break;
      const settings = await loadOutboxSettings(database.db);
      const now = clock.now();
      const claimed = await claimDueMessages(database.db, database.dialect, {
        sender,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        limit: batchSize,
        transports: available,
      });
      if (claimed.length === 0) break;
      await Promise.all(
        claimed.map((message) => {
          if (message.ticketId) ticketIds.add(message.ticketId);
          const transport = transports[message.transport];
          // Claimed only for transports that are set up, so one is always there.
          if (!transport) throw new Error(`no ${message.transport} transport for claimed message ${message.id}`);
          return checkThenDeliver(message, transport, settings, report);
        }),
      );
      if (claimed.length < batchSize) break;
    }
    if (report.sent + report.superseded + report.retrying + report.failed > 0) {
      await inTransaction(database, (tx) => events.publish(tx, { type: 'outbox.changed', ticketIds: [...ticketIds] }));
      events.afterCommit();
    }
    return report;
  }

  const task = startPeriodicTask('Outbox sender', runOnce, {
    intervalMs: options.intervalMs ?? 5_000,
    autoStart: options.autoStart !== false,
  });

  return {
    drainOnce: task.runNow,
    async stop() {
      stopped = true;
      await task.stop();
      mail?.transport.close();
      mail = null;
    },
  };
}
