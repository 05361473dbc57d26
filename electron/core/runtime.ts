import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from './core';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/connect';
import { startEventHub, type EventHub } from './events/event-hub';
import { startBackupScheduler, type BackupScheduler } from './services/backup/backup-scheduler';
import { applyStagedRestore } from './services/backup/restore.service';
import { systemClock, type Clock } from './services/clock';
import { startDelayWatcher, type DelayWatcher } from './services/delays/delay-watcher';
import { loadDemoData } from './services/demo-data';
import { loadDemoWorld } from './services/demo-world';
import { ensureDefaultCalendar } from './services/sla/sla-config.service';
import { startOutboxSender, type OutboxSender } from './services/outbox/outbox-sender';
import { startScheduleMailer, type ScheduleMailer } from './services/schedules/schedule-mailer';
import type { SmtpTimeouts } from './services/outbox/smtp-transport';
import { startSlaWatcher, type SlaWatcher } from './services/sla/sla-watcher';
import { startMailPoller, type MailPoller } from './services/email-intake/mail-poller';

/**
 * What `--demo` loads into an empty database: 'basic' is the users, clients, sites, parts and a
 * few unscheduled tickets (what most tests build on); 'world' adds technicians in teams, work
 * types, today's and tomorrow's visits in every state, escalations and closed tickets to review.
 */
export type DemoContent = 'basic' | 'world';

export interface RuntimeOptions {
  database: DatabaseConfig;
  demo?: DemoContent | false;
  clock?: Clock;
  /** The SLA watcher's period; false leaves it to explicit ticks (tests). Default 15 s. */
  slaWatchIntervalMs?: number | false;
  /** The outbox sender's period; false leaves it to explicit drains (tests). Default 5 s. */
  outboxIntervalMs?: number | false;
  /** How often the technicians' days are projected again (delay notices); false leaves it to explicit ticks (tests). Default 60 s. */
  delayWatchIntervalMs?: number | false;
  /** How often the schedule mailer looks whether tomorrow's schedules are due; false leaves it to explicit ticks (tests). Default 60 s. */
  scheduleMailIntervalMs?: number | false;
  /** How long an SMTP conversation may stall; the defaults unless a test shortens them. */
  smtpTimeouts?: SmtpTimeouts;
  /** How often the daily backup's hour is looked for; false leaves it to explicit ticks (tests). Default 60 s. */
  backupCheckIntervalMs?: number | false;
  /** How often the support mailboxes are read; false leaves it to explicit polls (tests). Default 60 s. */
  mailPollIntervalMs?: number | false;
}

export interface Runtime {
  core: Core;
  database: DatabaseHandle;
  events: EventHub;
  /** True when this start loaded the demo users (so the shell can say so). */
  demoLoaded: boolean;
  slaWatcher: SlaWatcher;
  outboxSender: OutboxSender;
  delayWatcher: DelayWatcher;
  backupScheduler: BackupScheduler;
  scheduleMailer: ScheduleMailer;
  mailPoller: MailPoller;
  close(): Promise<void>;
}

/** Opens the database, brings it up to date and starts the core; both shells start here. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  if (options.database.kind === 'sqlite' && options.database.file !== ':memory:') {
    const restored = await applyStagedRestore(options.database.file, clock.now());
    if (restored) {
      const kept = restored.keptAside ? ` The database as it was is kept at ${restored.keptAside}.` : '';
      console.log(`Restored the staged backup into ${options.database.file}.${kept}`);
    }
  }
  // A restored backup from an earlier version is brought up to date here like any database.
  const database = await openDatabase(options.database);
  let events: EventHub | undefined;
  try {
    events = await startEventHub(database, clock);
    const demo = options.demo ? await loadDemoData(database, clock) : null;
    const demoLoaded = demo !== null;
    await ensureDefaultCalendar(database, clock);
    const smtpTimeouts = options.smtpTimeouts;
    const core = createCore({ database, events, clock, ...(smtpTimeouts ? { smtpTimeouts } : {}) });
    // Only on the start that loaded the demo users: a restart finds them and adds nothing.
    if (demo && options.demo === 'world') await loadDemoWorld(core, clock, demo);
    const hub = events;
    const interval = options.slaWatchIntervalMs ?? 15_000;
    const slaWatcher = startSlaWatcher(
      { database, events: hub, clock },
      interval === false ? { autoStart: false } : { intervalMs: interval },
    );
    const outboxInterval = options.outboxIntervalMs ?? 5_000;
    const outboxSender = startOutboxSender(
      { database, events: hub, clock },
      {
        ...(outboxInterval === false ? { autoStart: false } : { intervalMs: outboxInterval }),
        ...(smtpTimeouts ? { smtpTimeouts } : {}),
      },
    );
    const delayInterval = options.delayWatchIntervalMs ?? 60_000;
    const delayWatcher = startDelayWatcher(
      { database, events: hub, clock },
      delayInterval === false ? { autoStart: false } : { intervalMs: delayInterval },
    );
    const backupInterval = options.backupCheckIntervalMs ?? 60_000;
    const backupScheduler = startBackupScheduler(
      { database, clock },
      backupInterval === false ? { autoStart: false } : { intervalMs: backupInterval },
    );
    const mailInterval = options.scheduleMailIntervalMs ?? 60_000;
    const scheduleMailer = startScheduleMailer(
      { database, events: hub, clock },
      mailInterval === false ? { autoStart: false } : { intervalMs: mailInterval },
    );
    const pollInterval = options.mailPollIntervalMs ?? 60_000;
    const mailPoller = startMailPoller(
      { database, events: hub, clock },
      pollInterval === false ? { autoStart: false } : { intervalMs: pollInterval },
    );
    return {
      core,
      database,
      events: hub,
      demoLoaded,
      slaWatcher,
      outboxSender,
      delayWatcher,
      backupScheduler,
      scheduleMailer,
      mailPoller,
      async close() {
        await mailPoller.stop();
        await backupScheduler.stop();
        await scheduleMailer.stop();
        await delayWatcher.stop();
        await outboxSender.stop();
        await slaWatcher.stop();
        await hub.close();
        await database.close();
      },
    };
  } catch (error) {
    await events?.close();
    await database.close();
    throw error;
  }
}

/** Where the app keeps its data when nobody says otherwise; the same folder Electron's userData uses. */
export function defaultDataDir(): string {
  const home = os.homedir();
  const name = 'Dispatch Console';
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), name);
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'dispatch.sqlite');
}
