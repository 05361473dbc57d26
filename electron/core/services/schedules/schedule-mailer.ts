import type { DatabaseHandle } from '../../db/connect';
import type { EventHub } from '../../events/event-hub';
import type { Clock } from '../clock';
import { queueNextDaySchedules, type ScheduleMailPass } from './schedule-mail.service';
import { startPeriodicTask } from '../periodic-task';

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
  let passed: string | null = null;

  async function runOnce(): Promise<ScheduleMailPass> {
    const pass = await queueNextDaySchedules(deps, deps.clock.now(), passed);
    if (pass.date !== null) passed = pass.date;
    return pass;
  }

  const task = startPeriodicTask('Schedule mailer', runOnce, {
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
