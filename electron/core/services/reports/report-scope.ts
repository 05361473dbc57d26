import { DateTime } from 'luxon';
import { weekdayIndex } from '../../../../shared/domain/organisation';
import type { ReportGrouping } from '../../../../shared/domain/reports';
import type { WeekdayKey } from '../../../../shared/domain/sla';

/** The instant in the stored format (toISOString's), so SQLite's text comparison is time order. */
const stored = (at: DateTime): string => new Date(at.toMillis()).toISOString();

export interface PeriodBucket {
  key: string;
  /** The instant the bucket ends (exclusive), ISO 8601 UTC like the stored instants. */
  end: string;
}

/** The period's inclusive dates as instants in `zone`: from the start of `from` to the end of `to`. */
export function periodInstants(from: string, to: string, zone: string): { start: string; end: string } {
  const start = DateTime.fromISO(from, { zone }).startOf('day');
  const end = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
  return { start: stored(start), end: stored(end) };
}

/**
 * The day, week or month buckets covering the period in the organisation's zone, keyed by their
 * first date ("2026-12-07"; a month by "2026-12"). A week starts on the organisation's first day
 * of the week; the first and last buckets may be cut by the period. Luxon applies the zone's
 * daylight-saving rules, so a day is 23 or 25 hours where the zone says so.
 */
export function periodBuckets(
  from: string,
  to: string,
  zone: string,
  grouping: ReportGrouping,
  firstDayOfWeek: WeekdayKey,
): PeriodBucket[] {
  if (grouping !== 'day' && grouping !== 'week' && grouping !== 'month') return [];
  const periodEnd = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
  // Luxon numbers weekdays Monday 1 … Sunday 7; weekdayIndex Sunday 0 … Saturday 6.
  const firstWeekday = weekdayIndex(firstDayOfWeek) || 7;
  let start = DateTime.fromISO(from, { zone }).startOf('day');
  if (grouping === 'week') start = start.minus({ days: (start.weekday - firstWeekday + 7) % 7 });
  if (grouping === 'month') start = start.startOf('month');
  const buckets: PeriodBucket[] = [];
  while (start < periodEnd) {
    const next = start.plus(grouping === 'day' ? { days: 1 } : grouping === 'week' ? { weeks: 1 } : { months: 1 });
    buckets.push({
      key: start.toFormat(grouping === 'month' ? 'yyyy-MM' : 'yyyy-MM-dd'),
      end: stored(next < periodEnd ? next : periodEnd),
    });
    start = next;
  }
  return buckets;
}
