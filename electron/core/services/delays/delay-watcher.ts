import type { DatabaseHandle } from '../../db/connect';
import { inTransaction } from '../../db/transaction';
import type { EventHub } from '../../events/event-hub';
import { techniciansWithLiveVisits } from '../../repositories/visit-projection.repository';
import type { Clock } from '../clock';
import { refreshTechnicianDays } from './delay-projection.service';
import { startPeriodicTask } from '../periodic-task';

export interface DelayWatcher {
  /** Projects every technician's day with a live visit now and answers how many delay notices were decided. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Projects the days again as time passes: a visit still open past its planned end makes the
 * visits after it slip while nobody changes anything. Each technician's day is one short
 * transaction. Several workstations may tick at once on one PostgreSQL database: a notice is
 * queued under `delay-notice:<visit>:<n>`, which the outbox takes once, so the client hears it once.
 */
export function startDelayWatcher(
  deps: { database: DatabaseHandle; events: EventHub; clock: Clock },
  options: { intervalMs?: number; autoStart?: boolean } = {},
): DelayWatcher {
  const { database, events, clock } = deps;

  async function runOnce(): Promise<number> {
    const nowMs = clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    // Today in any zone lies within a day either side of now; each day is then cut to the technician's zone.
    const technicians = await techniciansWithLiveVisits(
      database.db,
      new Date(nowMs - DAY_MS).toISOString(),
      new Date(nowMs + DAY_MS).toISOString(),
    );
    let notices = 0;
    let published = false;
    for (const technicianId of technicians) {
      const outcome = await inTransaction(database, (tx) =>
        refreshTechnicianDays(tx, [technicianId], now, (event) => events.publish(tx, event)),
      );
      notices += outcome.notices;
      if (outcome.visitIds.length > 0) published = true;
    }
    if (published) events.afterCommit();
    return notices;
  }

  const task = startPeriodicTask('Delay watcher', runOnce, {
    intervalMs: options.intervalMs ?? 60_000,
    autoStart: options.autoStart !== false,
  });

  return {
    tick: task.runNow,
    async stop() {
      await task.stop();
    },
  };
}
