import type { WeekdayKey, WeeklyHours } from '../../../../shared/domain/sla';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { ApiCallError } from '../../transport/client';
import { Issues } from '../admin/api-issues';
import { weekdays, type Interval } from '../admin/calendar-form';

// Values from shared/domain/technician.ts must not be bundled (zod), so the few constants are repeated.
export const skillLevels = [1, 2, 3, 4, 5] as const;
export const availabilityKindLabels = {
  time_off: 'Time off',
  sick: 'Sick',
  extra_shift: 'Extra shift',
} as const;
export type AvailabilityKindKey = keyof typeof availabilityKindLabels;

const shortDay: Record<WeekdayKey, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export type Hours = Record<WeekdayKey, Interval[]>;

/** A shift in a few words: "Mon–Fri 08:00–16:30 · Sat 09:00–12:00". */
export function shiftSummary(pattern: WeeklyHours | null): string {
  if (!pattern) return '—';
  const text = (day: WeekdayKey) => (pattern[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
  const groups: { from: WeekdayKey; to: WeekdayKey; hours: string }[] = [];
  for (const day of weekdays) {
    const hours = text(day);
    const last = groups.at(-1);
    const previous = weekdays[weekdays.indexOf(day) - 1];
    if (last && hours && last.hours === hours && last.to === previous) last.to = day;
    else if (hours) groups.push({ from: day, to: day, hours });
  }
  if (groups.length === 0) return 'No shifts';
  return groups.map((g) => `${shortDay[g.from]}${g.from === g.to ? '' : `–${shortDay[g.to]}`} ${g.hours}`).join(' · ');
}

// A time input cannot show 24:00; as a closing time 00:00 means midnight (as in the calendar editor).
export function hoursFromPattern(pattern: WeeklyHours | null): Hours {
  return Object.fromEntries(
    weekdays.map((day) => [
      day,
      (pattern?.[day] ?? []).map(([open, close]): Interval => [open, close === '24:00' ? '00:00' : close]),
    ]),
  ) as Hours;
}

/** The pattern to send, or null when no day has hours. Nothing is reordered, so issue paths still match. */
export function patternFromHours(hours: Hours): WeeklyHours | null {
  const pattern: WeeklyHours = {};
  for (const day of weekdays) {
    const intervals = hours[day];
    if (intervals.length > 0)
      pattern[day] = intervals.map(([open, close]) => [open, close === '00:00' ? '24:00' : close]);
  }
  return Object.keys(pattern).length > 0 ? pattern : null;
}

/** Today as YYYY-MM-DD in the workstation's zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isPast(date: string | null): boolean {
  return date !== null && date < today();
}

export function issuesOf(error: ApiCallError | null): Issues {
  return error?.error.issues ? new Issues(error.error.issues) : Issues.none;
}

export function homeText(t: TechnicianDto): string {
  if (t.home.address) return t.home.address;
  if (t.home.latitude !== null && t.home.longitude !== null)
    return `${t.home.latitude.toFixed(4)}, ${t.home.longitude.toFixed(4)}`;
  return '—';
}
