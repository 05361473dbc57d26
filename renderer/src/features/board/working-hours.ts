import { DateTime } from 'luxon';
import { minutesOfDay, weekdayKeys, type WeeklyHours } from '../../../../shared/domain/sla';

/** A part of the day, in minutes since the workstation's local midnight: [start, end). */
export interface DayWindow {
  startMinutes: number;
  endMinutes: number;
}

export const wholeDay: Readonly<DayWindow> = Object.freeze({ startMinutes: 0, endMinutes: 1440 });

interface Shifted {
  timeZone: string | null;
  shiftPattern: WeeklyHours | null;
}

interface Timed {
  startsAt: string;
  endsAt: string;
}

/**
 * The part of the day the week view shows: from the earliest shift start to the latest shift end
 * of the technicians on the board on the days shown, widened to any visit on those days (a visit
 * booked outside the shifts must never vanish from the board), and rounded out to whole
 * `stepHours` so the hour labels fall on round hours.
 *
 * Shifts are in each technician's own zone and the board draws in the workstation's (`zone`):
 * a shift that crosses the local midnight, or nothing to go by at all, gives the whole day.
 * `days` are the dates shown (yyyy-MM-dd, in `zone`).
 */
export function workingWindow(
  technicians: readonly Shifted[],
  visits: readonly Timed[],
  days: readonly string[],
  zone: string,
  stepHours = 2,
): DayWindow {
  // One object, not three lets: the closure below writes it, and the linter reads lets as constant.
  const seen = { start: Infinity, end: -Infinity, crossesMidnight: false };
  const widen = (from: DateTime, to: DateTime) => {
    const local = from.setZone(zone);
    const localEnd = to.setZone(zone);
    const startOfDay = local.startOf('day');
    const fromMinutes = local.diff(startOfDay, 'minutes').minutes;
    const toMinutes = localEnd.diff(startOfDay, 'minutes').minutes;
    if (toMinutes > 1440) seen.crossesMidnight = true;
    seen.start = Math.min(seen.start, fromMinutes);
    seen.end = Math.max(seen.end, Math.min(toMinutes, 1440));
  };

  for (const day of days) {
    for (const t of technicians) {
      if (!t.shiftPattern) continue;
      const ownZone = t.timeZone ?? zone;
      // The technician's own date whose shift may fall on this local day: the same date, and the
      // one before or after when their zone is hours away from the workstation's.
      for (const offset of [-1, 0, 1]) {
        const date = DateTime.fromISO(day, { zone: ownZone }).plus({ days: offset });
        const key = weekdayKeys[date.weekday - 1];
        for (const [open, close] of (key && t.shiftPattern[key]) ?? []) {
          const from = date.plus({ minutes: minutesOfDay(open) });
          const to = date.plus({ minutes: minutesOfDay(close) });
          if (from.setZone(zone).toISODate() === day) widen(from, to);
        }
      }
    }
  }
  for (const v of visits) {
    const from = DateTime.fromISO(v.startsAt);
    if (!days.includes(from.setZone(zone).toISODate() ?? '')) continue;
    widen(from, DateTime.fromISO(v.endsAt));
  }

  if (seen.crossesMidnight || seen.start === Infinity) return wholeDay;
  const step = stepHours * 60;
  return {
    startMinutes: Math.floor(seen.start / step) * step,
    endMinutes: Math.min(1440, Math.ceil(seen.end / step) * step),
  };
}

/** "07:00" for 420: FullCalendar's slotMinTime and slotMaxTime ("24:00" for the day's end). */
export function durationText(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The dates from `from` to `to` (yyyy-MM-dd, both included). */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromISO(to);
  for (let d = DateTime.fromISO(from); d <= last; d = d.plus({ days: 1 })) dates.push(d.toFormat('yyyy-MM-dd'));
  return dates;
}
