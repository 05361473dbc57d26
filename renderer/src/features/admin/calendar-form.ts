import { weekdayKeys, type BusinessCalendar, type WeekdayKey } from '../../../../shared/domain/sla';
import type { CalendarDto, CalendarScope } from '../../../../shared/domain/sla-settings';

export { maxIntervalsPerDay } from '../../../../shared/domain/sla';
export const weekdays = weekdayKeys;
export const weekdayLabels: Record<WeekdayKey, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type Interval = [open: string, close: string];

/** A calendar as the editor holds it: every field a string, so a half-typed value survives. */
export interface CalendarForm {
  name: string;
  timeZone: string;
  hours: Record<WeekdayKey, Interval[]>;
  holidayCountry: string;
  holidayState: string;
  holidayRegion: string;
  closures: string[];
}

// A time input cannot show "24:00", the midnight that closes a day; it shows "00:00" instead,
// which as a closing time can only mean midnight (an interval cannot close before it opens).
const toInputClose = (close: string) => (close === '24:00' ? '00:00' : close);
const fromInputClose = (close: string) => (close === '00:00' ? '24:00' : close);

export function formFromCalendar(name: string, calendar: BusinessCalendar): CalendarForm {
  const hours = Object.fromEntries(
    weekdays.map((day) => [
      day,
      (calendar.hours[day] ?? []).map(([open, close]): Interval => [open, toInputClose(close)]),
    ]),
  ) as Record<WeekdayKey, Interval[]>;
  return {
    name,
    timeZone: calendar.timeZone,
    hours,
    holidayCountry: calendar.holidays?.country ?? '',
    holidayState: calendar.holidays?.state ?? '',
    holidayRegion: calendar.holidays?.region ?? '',
    closures: [...(calendar.closures ?? [])],
  };
}

/**
 * The calendar to send. Nothing is checked here: the server validates, and its issues point back
 * at these fields by the same paths (hours.fri.0.1 is Friday's first closing time), so nothing may
 * be reordered or dropped on the way, except closed days, which have no index to point at.
 */
export function calendarFromForm(form: CalendarForm): BusinessCalendar {
  const hours: BusinessCalendar['hours'] = {};
  for (const day of weekdays) {
    const intervals = form.hours[day];
    if (intervals.length > 0) hours[day] = intervals.map(([open, close]) => [open, fromInputClose(close)]);
  }
  const country = form.holidayCountry.trim();
  const state = form.holidayState.trim();
  const region = form.holidayRegion.trim();
  // Any holiday field filled sends the source, so a state without a country is refused, not ignored.
  const holidays =
    country || state || region ? { country, ...(state ? { state } : {}), ...(region ? { region } : {}) } : undefined;
  return {
    timeZone: form.timeZone,
    hours,
    ...(holidays ? { holidays } : {}),
    ...(form.closures.length > 0 ? { closures: form.closures } : {}),
  };
}

export function scopeKey(scope: CalendarScope): string {
  if (scope.kind === 'default') return 'default';
  return scope.kind === 'client' ? `client:${scope.clientId}` : `site:${scope.siteId}`;
}

const scopeOrder: Record<CalendarScope['kind'], number> = { default: 0, client: 1, site: 2 };

/** The default first, then client overrides, then site overrides, each by name. */
export function sortCalendars(calendars: CalendarDto[], label: (c: CalendarDto) => string): CalendarDto[] {
  return [...calendars].sort(
    (a, b) => scopeOrder[a.scope.kind] - scopeOrder[b.scope.kind] || label(a).localeCompare(label(b)),
  );
}

export function sameForm(a: CalendarForm, b: CalendarForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Minutes since midnight of "HH:MM", or null when the text is not a time. */
export function minutesOf(hhmm: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function hhmm(minutes: number): string {
  const clamped = Math.max(0, Math.min(minutes, 24 * 60 - 1));
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

/** The interval the "add" button proposes: office hours on a closed day, else an hour after the last. */
export function nextInterval(intervals: Interval[]): Interval {
  const last = intervals.at(-1);
  if (!last) return ['09:00', '17:00'];
  const lastClose = minutesOf(last[1]);
  // After a close at midnight (shown as 00:00) there is no later time that day.
  if (lastClose === null || lastClose === 0) return ['12:00', '13:00'];
  // Late in the day the proposal runs to midnight instead of past it.
  if (lastClose + 120 >= 24 * 60) return [hhmm(lastClose), '00:00'];
  return [hhmm(lastClose + 60), hhmm(lastClose + 120)];
}
