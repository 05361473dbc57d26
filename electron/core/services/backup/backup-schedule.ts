import { DateTime } from 'luxon';

/**
 * The latest moment at or before `now` when the daily backup was due: `hour`:00 today in `zone`,
 * or yesterday's if that is still ahead. On a day the clocks skip that hour, luxon moves it forward.
 */
export function lastDueSlot(now: Date, zone: string, hour: number): Date {
  const local = DateTime.fromJSDate(now, { zone });
  let slot = local.startOf('day').set({ hour });
  if (slot > local) slot = local.minus({ days: 1 }).startOf('day').set({ hour });
  return slot.toJSDate();
}

/**
 * Whether a scheduled backup is due: none has been attempted since the last slot. A console that
 * was off at the hour backs up when it next runs, once.
 */
export function scheduledBackupDue(now: Date, zone: string, hour: number, lastAttemptAt: string | null): boolean {
  if (lastAttemptAt === null) return true;
  return Date.parse(lastAttemptAt) < lastDueSlot(now, zone, hour).getTime();
}
