import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { ImapFlow } from 'imapflow';
import type { DatabaseHandle } from '../../db/connect';
import type { EventHub } from '../../events/event-hub';
import {
  listEnabledMailboxIds,
  recordMailboxPosition,
  releaseMailboxLease,
  takeMailboxLease,
  type MailboxAccount,
} from '../../repositories/mailbox.repository';
import type { Clock } from '../clock';
import { ignoreUnreadMessage, takeInMessage, type IntakeOutcome } from './email-intake.service';
import { defaultImapTimeouts, describeImapError, imapClient, type ImapTimeouts } from './imap-client';
import { readMessage } from './message-reader';
import { startPeriodicTask } from '../periodic-task';

export interface PollReport {
  /** Mailboxes read by this poller in this round. */
  read: number;
  /** Mailboxes another workstation was reading. */
  leasedElsewhere: number;
  /** Mailboxes that could not be read (the error is on the mailbox). */
  failed: number;
  tickets: number;
  /** Messages added to the timeline of the ticket they answer. */
  replies: number;
  needsMatching: number;
  ignored: number;
  /** Messages already taken in (by this workstation before, or another). */
  duplicates: number;
}

export interface MailPoller {
  /** Reads every enabled mailbox it can lease once, and answers what came of it. */
  pollOnce(): Promise<PollReport>;
  stop(): Promise<void>;
}

export interface MailPollerOptions {
  /** The period between rounds; default 60 s. */
  intervalMs?: number;
  /** false leaves it to explicit pollOnce calls (tests). */
  autoStart?: boolean;
  /** How long a lease holds without renewal; renewed before every message. Default 5 minutes. */
  leaseMs?: number;
  /** Messages larger than this are not fetched; they go on the ignored list. Default 30 MB. */
  maxMessageBytes?: number;
  timeouts?: ImapTimeouts;
  /** Names this poller in the lease; default host, process and a random suffix. */
  pollerId?: string;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

function emptyReport(): PollReport {
  return {
    read: 0,
    leasedElsewhere: 0,
    failed: 0,
    tickets: 0,
    replies: 0,
    needsMatching: 0,
    ignored: 0,
    duplicates: 0,
  };
}

function count(report: PollReport, outcome: IntakeOutcome): void {
  if (outcome.kind === 'ticket') report.tickets += 1;
  else if (outcome.kind === 'reply') report.replies += 1;
  else if (outcome.kind === 'needs-matching') report.needsMatching += 1;
  else if (outcome.kind === 'ignored') report.ignored += 1;
  else report.duplicates += 1;
}

interface Listed {
  uid: number;
  size: number;
  arrivedAt: Date;
  messageId: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
}

/**
 * Reads the support mailboxes into tickets. Each mailbox is read by one workstation at a time
 * (a lease row: the same on SQLite and PostgreSQL), from the UID after the last one taken in;
 * the Message-ID's unique index makes anything read twice (a crash between a ticket and the
 * position, a reset UIDVALIDITY) a no-op. One bad message goes on the ignored list and the
 * reading goes on.
 */
export function startMailPoller(
  deps: { database: DatabaseHandle; events: EventHub; clock: Clock },
  options: MailPollerOptions = {},
): MailPoller {
  const { database, clock } = deps;
  const poller = options.pollerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const timeouts = options.timeouts ?? defaultImapTimeouts;
  let stopped = false;
  const open = new Set<ImapFlow>();

  function lease(id: string) {
    const now = clock.now();
    return takeMailboxLease(database.db, id, poller, {
      now: now.toISOString(),
      until: new Date(now.getTime() + leaseMs).toISOString(),
    });
  }

  async function listNew(client: ImapFlow, fromUid: number, mailboxId: string, uidValidity: string): Promise<Listed[]> {
    // "n:*" always names the last message, even below n: the filter keeps only the new ones.
    const found = await client.fetchAll(
      `${fromUid}:*`,
      { uid: true, size: true, internalDate: true, envelope: true },
      { uid: true },
    );
    return found
      .filter((m) => m.uid >= fromUid)
      .sort((a, b) => a.uid - b.uid)
      .map((m) => {
        const from = m.envelope?.from?.[0];
        const internal = m.internalDate instanceof Date ? m.internalDate : new Date(m.internalDate ?? 0);
        return {
          uid: m.uid,
          size: m.size ?? 0,
          arrivedAt: Number.isNaN(internal.getTime()) ? clock.now() : internal,
          messageId: m.envelope?.messageId?.trim() || `<uid-${uidValidity}-${m.uid}@${mailboxId}.invalid>`,
          fromAddress: from?.address ?? null,
          fromName: from?.name ?? null,
          subject: m.envelope?.subject ?? '',
        };
      });
  }

  async function takeIn(client: ImapFlow, account: MailboxAccount, listed: Listed): Promise<IntakeOutcome> {
    const intake = { database, events: deps.events };
    if (listed.size > maxMessageBytes) {
      const reason = `Too large to read: ${Math.round(listed.size / 1024 / 1024)} MB, the limit is ${Math.round(maxMessageBytes / 1024 / 1024)} MB. Open it in the mailbox.`;
      return ignoreUnreadMessage(intake, account, listed, reason, clock.now());
    }
    try {
      const fetched = await client.fetchOne(String(listed.uid), { source: true }, { uid: true });
      if (!fetched || !fetched.source) throw new Error('the server returned no content for it');
      const read = await readMessage(fetched.source);
      return await takeInMessage(intake, account, { uid: listed.uid, arrivedAt: listed.arrivedAt, read }, clock.now());
    } catch (error) {
      // The connection itself failed: the mailbox is retried next round, from this message.
      if (!client.usable) throw error;
      const reason = `Could not be taken in: ${error instanceof Error ? error.message : String(error)}`;
      return ignoreUnreadMessage(intake, account, listed, reason, clock.now());
    }
  }

  async function readMailbox(account: MailboxAccount, report: PollReport): Promise<void> {
    const client = imapClient(account, timeouts);
    client.on('error', () => undefined);
    open.add(client);
    try {
      await client.connect();
      const lock = await client.getMailboxLock(account.folder, { readOnly: true });
      try {
        const folder = client.mailbox;
        if (!folder) throw new Error(`the folder ${account.folder} did not open`);
        const uidValidity = String(folder.uidValidity);
        // A new UIDVALIDITY renumbers the folder: start over; what was taken in is recognised by Message-ID.
        const fromUid = account.uidValidity === uidValidity ? account.lastUid + 1 : 1;
        const listed = await listNew(client, fromUid, account.id, uidValidity);
        for (const message of listed) {
          if (stopped) break;
          // Renewed before each message: a poller that lost its lease stops, leaving the rest to the holder.
          if (!(await lease(account.id))) break;
          count(report, await takeIn(client, account, message));
          if (!(await recordMailboxPosition(database.db, account.id, poller, { uidValidity, lastUid: message.uid })))
            break;
        }
        if (listed.length === 0)
          await recordMailboxPosition(database.db, account.id, poller, {
            uidValidity,
            lastUid: account.uidValidity === uidValidity ? account.lastUid : 0,
          });
      } finally {
        lock.release();
      }
      await client.logout().catch(() => client.close());
    } finally {
      open.delete(client);
      client.close();
    }
  }

  async function runOnce(): Promise<PollReport> {
    const report = emptyReport();
    for (const id of await listEnabledMailboxIds(database.db)) {
      if (stopped) break;
      const account = await lease(id);
      if (!account) {
        report.leasedElsewhere += 1;
        continue;
      }
      let error: string | null = null;
      try {
        await readMailbox(account, report);
        report.read += 1;
      } catch (failure) {
        report.failed += 1;
        error = describeImapError(failure).message.slice(0, 2000);
      }
      await releaseMailboxLease(database.db, id, poller, { polledAt: clock.now().toISOString(), error });
    }
    return report;
  }

  const task = startPeriodicTask('Mail intake', runOnce, {
    intervalMs: options.intervalMs ?? 60_000,
    autoStart: options.autoStart !== false,
  });

  return {
    pollOnce: task.runNow,
    async stop() {
      stopped = true;
      for (const client of open) client.close();
      await task.stop();
    },
  };
}
