import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { minutesOfDay, weekdayKeys, type BusinessCalendar, type HolidaySource } from '../../../../shared/domain/sla';
import { ApiFailure } from '../../../../shared/errors';

/** How many days ahead a search for the next business day may look before giving up. */
export const maxSearchDays = 366;

const neverOpensMessage = 'The calendar never opens within a year';

/**
 * The calendar has no business day within maxSearchDays (e.g. closures or holidays cover every
 * open day for a year). It is an ApiFailure so the dispatcher reports it as invalid_input on
 * `calendar` without any extra mapping.
 */
export class CalendarNeverOpensError extends ApiFailure {
  constructor() {
    super('invalid_input', neverOpensMessage, [{ path: ['calendar'], message: neverOpensMessage }]);
    this.name = 'CalendarNeverOpensError';
  }
}

// ── Public holidays, cached per (country, state, region, year) ──────────────────────────────────

// Building a Holidays instance parses the country's rules and getHolidays(year) computes the
// year's dates, both too slow to repeat for every day a search visits. The caches are bounded
// because receivedAt comes from callers and could name any year.
const maxCachedYears = 512;
const holidayEngines = new Map<string, Holidays>();
const publicHolidayYears = new Map<string, ReadonlySet<string>>();

function engineFor(source: HolidaySource): Holidays {
  const key = `${source.country}|${source.state ?? ''}|${source.region ?? ''}`;
  let engine = holidayEngines.get(key);
  if (!engine) {
    const { country, state, region } = source;
    // The typings only allow a state or region as a string, never an explicit undefined.
    engine =
      state === undefined
        ? new Holidays(country)
        : region === undefined
          ? new Holidays(country, state)
          : new Holidays(country, state, region);
    holidayEngines.set(key, engine);
  }
  return engine;
}

/** The public holidays of one year as YYYY-MM-DD dates, local to the holidays' country. */
export function publicHolidays(source: HolidaySource, year: number): ReadonlySet<string> {
  const key = `${source.country}|${source.state ?? ''}|${source.region ?? ''}|${year}`;
  let dates = publicHolidayYears.get(key);
  if (!dates) {
    // Only `public` days close a business: bank holidays, observances and school holidays do not.
    // `.date` is "YYYY-MM-DD hh:mm:ss" in the country's own time, so its first 10 characters are
    // the local calendar date, which is what the calendar's own days are compared with.
    dates = new Set(
      engineFor(source)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    if (publicHolidayYears.size >= maxCachedYears) {
      const oldest = publicHolidayYears.keys().next();
      if (!oldest.done) publicHolidayYears.delete(oldest.value);
    }
    publicHolidayYears.set(key, dates);
  }
  return dates;
}

// ── Days of a calendar ──────────────────────────────────────────────────────────────────────────

/**
 * A calendar date, held as midnight UTC so that stepping a day is pure date arithmetic: in the
 * calendar's own zone a day can be 23 or 25 hours long, or (in a few zones) start at 01:00.
 */
export type CalendarDay = DateTime;

/** The business days and hours of one calendar; build once per computation. */
export class BusinessDays {
  private readonly closures: ReadonlySet<string>;

  constructor(private readonly calendar: BusinessCalendar) {
    this.closures = new Set(calendar.closures ?? []);
  }

  /** The calendar date, in the calendar's zone, on which an instant falls. */
  dayOf(instant: DateTime): CalendarDay {
    const local = instant.setZone(this.calendar.timeZone);
    return DateTime.utc(local.year, local.month, local.day);
  }

  /** The instant at a wall-clock "HH:MM" of a day in the calendar's zone; "24:00" is the next day's start. */
  at(day: CalendarDay, hhmm: string): DateTime {
    const minutes = minutesOfDay(hhmm);
    if (minutes === 1440) return this.at(day.plus({ days: 1 }), '00:00');
    // Luxon resolves a wall time skipped by a spring-forward change by moving it forward by the
    // gap, and an ambiguous fall-back time to one of its two instants; business hours inside the
    // 02:00–03:00 hour of a change day are rare enough that this is acceptable.
    return DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone: this.calendar.timeZone },
    );
  }

  /** Opening intervals of the weekday, regardless of holidays and closures. */
  private intervals(day: CalendarDay): readonly (readonly [string, string])[] {
    const key = weekdayKeys[day.weekday - 1];
    return (key && this.calendar.hours[key]) ?? [];
  }

  /** Whether the day has business hours, is not a closure and is not a public holiday. */
  isBusinessDay(day: CalendarDay): boolean {
    if (this.intervals(day).length === 0) return false;
    const date = day.toISODate() ?? '';
    if (this.closures.has(date)) return false;
    const source = this.calendar.holidays;
    return !(source && publicHolidays(source, day.year).has(date));
  }

  /** The instant the day's last interval ends. */
  closeOf(day: CalendarDay): DateTime {
    const last = this.intervals(day).at(-1);
    // Callers ask only about business days, which have at least one interval: a bug otherwise.
    if (!last) throw new Error(`closeOf: ${day.toISODate() ?? '?'} has no business hours`);
    return this.at(day, last[1]);
  }

  /** The first business day strictly after `day`; throws CalendarNeverOpensError after maxSearchDays. */
  nextBusinessDay(day: CalendarDay): CalendarDay {
    for (let offset = 1; offset <= maxSearchDays; offset += 1) {
      const candidate = day.plus({ days: offset });
      if (this.isBusinessDay(candidate)) return candidate;
    }
    throw new CalendarNeverOpensError();
  }
}
