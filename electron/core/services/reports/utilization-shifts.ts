// The part of the utilization report computed in the core rather than the database: each
// technician's shift minutes (their pattern or the organisation's hours in their zone, less time
// off and closed days, plus extra shifts), and the UTC offsets of their zones. Both need a zone's
// rules, which luxon has and SQLite has not, and the work is bounded by technicians × days of the
// period (and zones × offset changes), never by visits or tickets: the visits' minutes stay in SQL.
import { DateTime, IANAZone } from 'luxon';
import type { Tx } from '../../db/transaction';
import type { BusinessCalendar } from '../../../../shared/domain/sla';
import { availabilityOf, techniciansInScope } from '../../repositories/schedule.repository';
import type { ReportScope } from '../../repositories/report.repository';
import type { ShiftGroup, ZoneOffsets } from '../../repositories/utilization-report.repository';
import { intersect, technicianShifts, type Interval, type ShiftMemo } from '../dispatch/working-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const minutesOf = (intervals: readonly Interval[]) => intervals.reduce((sum, i) => sum + (i.end - i.start), 0) / MINUTE;

/**
 * The shift minutes of the period per report group: per technician (active ones, of the team when
 * the report is filtered by one), per team, or per day, week or month bucket.
 */
export async function shiftMinutesByGroup(
  db: Tx,
  scope: ReportScope,
  calendar: BusinessCalendar,
): Promise<{ groups: ShiftGroup[]; zones: string[] }> {
  const technicians = await techniciansInScope(db, scope.team ? { team: scope.team } : { everyone: true });
  const from = Date.parse(scope.start);
  const to = Date.parse(scope.end);
  const exceptions = await availabilityOf(
    db,
    technicians.map((t) => t.id),
    scope.start,
    scope.end,
  );
  const groups = new Map<string | null, ShiftGroup>();
  const add = (key: string | null, label: string | null, minutes: number) => {
    const group = groups.get(key) ?? { key, label, minutes: 0 };
    group.minutes += minutes;
    groups.set(key, group);
  };
  // The buckets as spans in order, so each technician's shifts are split in one pass (a bucket
  // list of a year by day against a year of shifts would otherwise be read 366 times).
  let previous = from;
  const spans = scope.buckets.map((b) => {
    const span = { key: b.key, start: previous, end: Date.parse(b.end) };
    previous = span.end;
    return span;
  });
  const memo: ShiftMemo = new Map();
  for (const t of technicians) {
    const worked = technicianShifts(
      t,
      calendar,
      exceptions.filter((e) => e.technicianId === t.id),
      from,
      to,
      memo,
    );
    if (scope.groupBy === 'technician') add(t.id, t.name, minutesOf(worked));
    else if (scope.groupBy === 'team') add(t.team, null, minutesOf(worked));
    else {
      let bucket = 0;
      for (const piece of intersect(worked, spans)) {
        while ((spans[bucket]?.end ?? Infinity) <= piece.start) bucket += 1;
        add(spans[bucket]?.key ?? null, null, minutesOf([piece]));
      }
    }
  }
  // Every technician's zone, active or not: a former technician's visits are in the period too.
  const own = await db
    .selectFrom('technicians')
    .select('time_zone')
    .distinct()
    .where('time_zone', 'is not', null)
    .execute();
  const zones = [...new Set([calendar.timeZone, ...own.flatMap((t) => (t.time_zone ? [t.time_zone] : []))])];
  return { groups: [...groups.values()].filter((g) => g.minutes > 0), zones };
}

/**
 * A zone's UTC offsets over [from, to) with the instants they change (found hour by hour, then to
 * the minute), so the database can read an instant's local day without knowing zones.
 */
export function zoneOffsets(zone: string, from: number, to: number): ZoneOffsets {
  const rules = IANAZone.create(zone);
  const segments: { until: string | null; minutes: number }[] = [];
  let current = rules.offset(from);
  for (let at = from; at < to; at += HOUR) {
    const next = Math.min(at + HOUR, to);
    if (rules.offset(next) === current) continue;
    let change = at;
    while (rules.offset(change) === current) change += MINUTE;
    segments.push({ until: new Date(change).toISOString(), minutes: current });
    current = rules.offset(change);
  }
  segments.push({ until: null, minutes: current });
  return { zone, segments };
}

/** The offsets of every zone, over the period and a day either side (a visit's local day may start before it). */
export function zoneOffsetsOf(zones: readonly string[], scope: ReportScope): ZoneOffsets[] {
  const from = DateTime.fromISO(scope.start).minus({ days: 1 }).toMillis();
  const to = DateTime.fromISO(scope.end).plus({ days: 1 }).toMillis();
  return zones.map((z) => zoneOffsets(z, from, to));
}
