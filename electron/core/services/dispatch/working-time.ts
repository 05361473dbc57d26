import { DateTime } from 'luxon';
import { minutesOfDay, weekdayKeys, type BusinessCalendar, type WeeklyHours } from '../../../../shared/domain/sla';
import type { AvailabilityDto } from '../../../../shared/domain/technician';
import { publicHolidays } from '../sla/business-calendar';

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorts and merges overlapping or touching intervals, dropping empty ones. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** The parts of `base` not covered by any of `holes`. Both must be normalized. */
export function subtract(base: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const span of base) {
    let start = span.start;
    for (const hole of holes) {
      if (hole.end <= start || hole.start >= span.end) continue;
      if (hole.start > start) result.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
      if (start >= span.end) break;
    }
    if (start < span.end) result.push({ start, end: span.end });
  }
  return result;
}

/** The spans covered by both lists. Both must be normalized. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/**
 * The weekly hours as instants within [from, to), read in `zone`: "08:00–17:00 on Mondays" is
 * 08:00 local on each Monday, so a daylight-saving change moves the UTC instants with it.
 * Null hours mean open around the clock (a site without stated access hours).
 */
export function weeklyIntervals(hours: WeeklyHours | null, zone: string, from: number, to: number): Interval[] {
  if (hours === null) return to > from ? [{ start: from, end: to }] : [];
  const spans: Interval[] = [];
  // Start a day early: a local day that began before `from` can still be open after it.
  let day = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 });
  while (day.toMillis() < to) {
    const key = weekdayKeys[day.weekday - 1];
    for (const [open, close] of (key && hours[key]) ?? []) {
      spans.push({ start: localInstant(day, open), end: localInstant(day, close) });
    }
    day = day.plus({ days: 1 });
  }
  return normalize(intersect(normalize(spans), [{ start: from, end: to }]));
}

function localInstant(day: DateTime, hhmm: string): number {
  const minutes = minutesOfDay(hhmm);
  if (minutes === 1440) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

/** A whole local day on which the organisation's calendar is closed: a closure date or a public holiday. */
export interface ClosedDay extends Interval {
  date: string;
  why: 'closure' | 'public holiday';
}

/**
 * The days within [from, to) that the organisation's calendar closes (its closure dates and its
 * country's public holidays), as whole days in `zone`. A technician without a shift pattern of
 * their own works the organisation's hours, and so not on these days.
 */
export function closedDays(calendar: BusinessCalendar, zone: string, from: number, to: number): ClosedDay[] {
  const closures = new Set(calendar.closures ?? []);
  const days: ClosedDay[] = [];
  for (let day = DateTime.fromMillis(from, { zone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
    const date = day.toISODate() ?? '';
    const holiday = calendar.holidays !== undefined && publicHolidays(calendar.holidays, day.year).has(date);
    const why = closures.has(date) ? 'closure' : holiday ? 'public holiday' : null;
    if (why) days.push({ date, why, start: day.toMillis(), end: day.plus({ days: 1 }).startOf('day').toMillis() });
  }
  return days;
}

/**
 * Shifts with a technician's own records applied: extra shifts added (an extra shift on a holiday
 * is worked), then time off and sick leave taken out (they win over an extra shift that overlaps).
 */
function withAvailability(
  shifts: readonly Interval[],
  exceptions: readonly AvailabilityDto[],
  from: number,
  to: number,
): Interval[] {
  const window = [{ start: from, end: to }];
  const toInterval = (a: AvailabilityDto): Interval => ({
    start: Date.parse(a.startsAt),
    end: Date.parse(a.endsAt),
  });
  const extra = exceptions.filter((a) => a.kind === 'extra_shift').map(toInterval);
  const away = normalize(exceptions.filter((a) => a.kind !== 'extra_shift').map(toInterval));
  const worked = normalize([...shifts, ...intersect(normalize(extra), window)]);
  return subtract(worked, away);
}

/**
 * When a technician works within [from, to): the weekly shift pattern in their zone except on
 * `closed` days, plus extra shifts, minus time off and sick leave.
 */
export function workingIntervals(
  shiftPattern: WeeklyHours,
  zone: string,
  exceptions: readonly AvailabilityDto[],
  from: number,
  to: number,
  closed: readonly Interval[] = [],
): Interval[] {
  const shifts = subtract(weeklyIntervals(shiftPattern, zone, from, to), normalize(closed));
  return withAvailability(shifts, exceptions, from, to);
}

/**
 * The weekly shifts of many technicians over one period, computed once per pattern and zone: a
 * team mostly shares both, and walking a year day by day through a zone's rules and the holiday
 * calendar is the expensive part (the utilization report asks for every technician's year).
 */
export type ShiftMemo = Map<string, Interval[]>;

/**
 * When a technician works within [from, to): their own shift pattern in their zone, or the
 * organisation's hours (and then not on its closed days), with extra shifts and time off applied.
 * `exceptions` are the technician's own availability records; pass one `memo` for calls over the
 * same period and calendar.
 */
export function technicianShifts(
  technician: { timeZone: string | null; shiftPattern: WeeklyHours | null },
  calendar: BusinessCalendar,
  exceptions: readonly AvailabilityDto[],
  from: number,
  to: number,
  memo?: ShiftMemo,
): Interval[] {
  const zone = technician.timeZone ?? calendar.timeZone;
  const key = `${zone}|${technician.shiftPattern ? JSON.stringify(technician.shiftPattern) : 'organisation'}`;
  let shifts = memo?.get(key);
  if (!shifts) {
    const pattern = technician.shiftPattern ?? calendar.hours;
    const closed = technician.shiftPattern ? [] : closedDays(calendar, zone, from, to);
    shifts = subtract(weeklyIntervals(pattern, zone, from, to), normalize(closed));
    memo?.set(key, shifts);
  }
  return withAvailability(shifts, exceptions, from, to);
}

/** The calendar day [start, end) of a YYYY-MM-DD date in a zone (23 or 25 hours on change days). */
export function dayBounds(date: string, zone: string): Interval {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}
