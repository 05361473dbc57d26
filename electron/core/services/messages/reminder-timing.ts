import { DateTime } from 'luxon';

// When a visit's reminder goes, in the site's own time zone. Nobody is reminded between 21:00
// and 07:00 there: a reminder that would fall in those hours goes the evening before instead,
// at 20:45, a quarter of an hour early so that a sender draining every few seconds (or one quick
// retry) still delivers it before 21:00. Pulling back, never forward: later would be closer to
// the visit than the admin asked, and a visit at 07:30 would be reminded with no notice at all.

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 7;
const PULLED_BACK_TO = { hour: 20, minute: 45, second: 0, millisecond: 0 };

/** Whether an instant falls in the quiet hours (21:00 to 07:00) of a zone. */
export function inQuietHours(at: DateTime, zone: string): boolean {
  const local = at.setZone(zone);
  return local.hour >= QUIET_FROM_HOUR || local.hour < QUIET_UNTIL_HOUR;
}

/** The end of the quiet hours `at` is in: 07:00 in the zone, that morning or the next. */
export function endOfQuietHours(at: DateTime, zone: string): DateTime {
  const local = at.setZone(zone);
  const morning = local.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 });
  return local.hour >= QUIET_FROM_HOUR ? morning.plus({ days: 1 }) : morning;
}

/** When the reminder of a visit starting at `startsAt` is due: `leadHours` before, out of the quiet hours. */
export function reminderDueAt(startsAt: string, leadHours: number, zone: string): string {
  const due = DateTime.fromISO(startsAt, { zone }).minus({ hours: leadHours });
  if (!inQuietHours(due, zone)) return toIso(due);
  // 21:00–23:59 goes back to 20:45 that evening; 00:00–06:59 to 20:45 the evening before.
  const evening = due.hour >= QUIET_FROM_HOUR ? due : due.minus({ days: 1 });
  return toIso(evening.set(PULLED_BACK_TO));
}

function toIso(at: DateTime): string {
  const iso = at.toUTC().toISO();
  // luxon answers null only for an invalid DateTime, which a stored instant never makes.
  if (iso === null) throw new Error(`invalid reminder time ${at.invalidExplanation ?? ''}`);
  return iso;
}
