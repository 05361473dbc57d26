import type { DatabaseHandle } from '../../db/connect';
import type { EventHub } from '../../events/event-hub';
import type { Clock } from '../clock';
import { queueNextDaySchedules, type ScheduleMailPass } from './schedule-mail.service';

export interface ScheduleMailer {
  /** Queues tomorrow's schedules if their hour has come, and answers what it did. */
  tick(): Promise<ScheduleMailPass>;
  stop(): Promise<void>;
}

/**
 * Looks every minute whether the admin's hour for the next day's schedules has come. A day once
 * passed is not looked at again by this workstation (the schedule goes as it stood at the hour);
 * another workstation's pass, or this one's after a restart, finds the messages queued and draws
 * no PDF again.
 */
export function startScheduleMailer(
  deps: { database: DatabaseHandle; events: EventHub; clock: Clock },
  options: { intervalMs?: number; autoStart?: boolean } = {},
): ScheduleMailer {
  let running: Promise<ScheduleMailPass> | null = null;
  let passed: string | null = null;

  async function runOnce(): Promise<ScheduleMailPass> {
    const pass = await queueNextDaySchedules(deps, deps.clock.now(), passed);
    if (pass.date !== null) passed = pass.date;
    return pass;
  }

  function tick(): Promise<ScheduleMailPass> {
    // One pass at a time; a caller arriving meanwhile waits for it and then runs its own.
    const previous = running ?? Promise.resolve(null);
    const next = previous.catch(() => null).then(runOnce);
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  }

  const timer =
    options.autoStart === false
      ? null
      : setInterval(() => {
          if (running) return;
          tick().catch((error: unknown) => console.error('Schedule mailer failed:', error));
        }, options.intervalMs ?? 60_000);
  timer?.unref();

  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
