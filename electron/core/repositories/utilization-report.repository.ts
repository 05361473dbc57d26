// The technician utilization report's query (issue 15 §2): one row per crew member of each visit
// that starts in the period (not cancelled), with its booked, on-site and drive minutes, and one
// row per group with the shift minutes the core computed (see utilization-shifts.ts). The
// database folds both with the other reports' GROUP BY (figure-report.repository.ts).
import { sql, type RawBuilder } from 'kysely';
import { EARTH_RADIUS_KM, type OfflineTravelSettings } from '../../../shared/domain/travel';
import type { DialectName } from '../db/dialect';
import type { Tx } from '../db/transaction';
import { figureColumn, grouped, type Base } from './figure-report.repository';
import { minutesBetween, type ReportScope } from './report.repository';

/** The shift minutes of one report group (a technician, a team, a day…), computed in the core. */
export interface ShiftGroup {
  key: string | null;
  label: string | null;
  minutes: number;
}

/** A zone's UTC offset in minutes, in force until `until` (the last segment has none). */
export interface ZoneOffsets {
  zone: string;
  segments: readonly { until: string | null; minutes: number }[];
}

/**
 * The local day number (days since 1970 in the zone) of an instant, by the offset segments the
 * core computed with luxon; SQLite knows no zones, and both engines then only compare instants.
 */
function localDayNumber(
  dialect: DialectName,
  at: RawBuilder<unknown>,
  zone: RawBuilder<unknown>,
  zones: readonly ZoneOffsets[],
) {
  const offset = sql`case ${sql.join(
    zones.map(
      (z) =>
        sql`when ${zone} = ${z.zone} then ${
          z.segments.length === 1
            ? sql.lit(z.segments[0]?.minutes ?? 0)
            : sql`case ${sql.join(
                z.segments.map((s) =>
                  s.until === null
                    ? sql`else ${sql.lit(s.minutes)}`
                    : sql`when ${at} < ${s.until} then ${sql.lit(s.minutes)}`,
                ),
                sql` `,
              )} end`
        }`,
    ),
    sql` `,
  )} else 0 end`;
  return dialect === 'postgres'
    ? sql`floor((extract(epoch from ${at}) + 60 * (${offset})) / 86400)`
    : sql`((unixepoch(${at}) + 60 * (${offset})) / 86400)`;
}

/**
 * The offline estimate of a trip in whole minutes (travel.ts offlineTripMinutes, rounded up and at
 * least 1 as the schedule's "drive from the previous stop" is): the great circle by haversine,
 * times the detour factor, at the average speed, plus parking. Null when either place is unknown.
 */
function offlineTripMinutes(
  dialect: DialectName,
  from: { lat: RawBuilder<unknown>; lng: RawBuilder<unknown> },
  to: { lat: RawBuilder<unknown>; lng: RawBuilder<unknown> },
  travel: OfflineTravelSettings,
) {
  const least = dialect === 'postgres' ? sql.raw('least') : sql.raw('min');
  const greatest = dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  const radians = (degrees: RawBuilder<unknown>) => sql`(${degrees} * ${sql.lit(Math.PI / 180)})`;
  const half = (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => sql`sin((${radians(b)} - ${radians(a)}) / 2)`;
  const h = sql`(${half(from.lat, to.lat)} * ${half(from.lat, to.lat)} + cos(${radians(from.lat)}) * cos(${radians(to.lat)}) * ${half(from.lng, to.lng)} * ${half(from.lng, to.lng)})`;
  const km = sql`(2 * ${sql.lit(EARTH_RADIUS_KM)} * asin(${least}(1, sqrt(${h}))) * ${sql.lit(travel.detourFactor)})`;
  const minutes = sql`case when ${km} = 0 then 0 else ${km} / ${sql.lit(travel.averageSpeedKmh)} * 60 + ${sql.lit(travel.parkingMinutes)} end`;
  return sql<
    number | null
  >`case when ${from.lat} is null or ${from.lng} is null or ${to.lat} is null or ${to.lng} is null then null
    else cast(${greatest}(1, ceil(${minutes})) as integer) end`;
}

/**
 * The base of the utilization report. Drive time is from the previous stop of the technician's
 * local day (their base for the first visit, as on the printed schedule; unknown after a site
 * without coordinates), by a LAG() window over the crew rows. Reads visit_crew by
 * visit_crew_technician (technician, start) for each technician in scope.
 */
export function utilizationBase(
  db: Tx,
  scope: ReportScope,
  options: { travel: OfflineTravelSettings; zones: readonly ZoneOffsets[]; shifts: readonly ShiftGroup[] },
): Base {
  const day = localDayNumber(
    scope.dialect,
    sql`c.starts_at`,
    sql`coalesce(tech.time_zone, ${scope.zone})`,
    options.zones,
  );
  const stops = sql`partition by c.technician_id, ${day} order by c.starts_at, v.id`;
  let crew = db
    .selectFrom('technicians as tech')
    .innerJoin('visit_crew as c', 'c.technician_id', 'tech.id')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('tickets as t', 't.id', 'v.ticket_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .where('c.starts_at', '>=', scope.start)
    .where('c.starts_at', '<', scope.end)
    .where('v.status', '<>', 'cancelled');
  if (scope.team) crew = crew.where('tech.team', '=', scope.team);
  const stopsOfDay = crew.select([
    ...grouped(scope, sql`c.starts_at`),
    't.id as ticket_id',
    // The visit's planned length: the crew row's end is cut back when a visit finishes early.
    minutesBetween(scope.dialect, sql`v.starts_at`, sql`v.ends_at`).as('booked'),
    minutesBetween(scope.dialect, sql`v.arrived_at`, sql`v.finished_at`).as('on_site'),
    's.latitude as lat',
    's.longitude as lng',
    'tech.home_latitude as home_lat',
    'tech.home_longitude as home_lng',
    sql<number | null>`lag(s.latitude) over (${stops})`.as('prev_lat'),
    sql<number | null>`lag(s.longitude) over (${stops})`.as('prev_lng'),
    sql<number>`row_number() over (${stops})`.as('stop'),
  ]);
  const here = { lat: sql`l.lat`, lng: sql`l.lng` };
  const drive = sql<number | null>`case when l.stop = 1
    then ${offlineTripMinutes(scope.dialect, { lat: sql`l.home_lat`, lng: sql`l.home_lng` }, here, options.travel)}
    else ${offlineTripMinutes(scope.dialect, { lat: sql`l.prev_lat`, lng: sql`l.prev_lng` }, here, options.travel)} end`;
  const base: Base = db
    .selectFrom(stopsOfDay.as('l'))
    .select([
      sql<string | null>`l.group_key`.as('group_key'),
      sql<string | null>`l.group_label`.as('group_label'),
      sql<string | null>`l.ticket_id`.as('ticket_id'),
      sql<number>`1`.as(figureColumn('visits')),
      sql<number>`l.booked`.as(figureColumn('booked')),
      sql<number | null>`l.on_site`.as(figureColumn('on_site')),
      drive.as(figureColumn('drive')),
      sql<number>`0`.as(figureColumn('shift')),
    ]);
  if (options.shifts.length === 0) return base;
  // One VALUES list (columns column1… on both engines), not a UNION per group: SQLite caps compound
  // selects at 500 terms, and there can be more technicians than that.
  const rows = options.shifts.map(
    (g) => sql`(cast(${g.key} as text), cast(${g.label} as text), ${sql.lit(Math.round(g.minutes))})`,
  );
  return base.unionAll(
    db
      .selectFrom(sql`(values ${sql.join(rows)})`.as('sh'))
      .select([
        sql<string | null>`sh.column1`.as('group_key'),
        sql<string | null>`sh.column2`.as('group_label'),
        sql<string | null>`cast(null as text)`.as('ticket_id'),
        sql<number>`0`.as(figureColumn('visits')),
        sql<number>`0`.as(figureColumn('booked')),
        sql<number | null>`cast(null as integer)`.as(figureColumn('on_site')),
        sql<number | null>`cast(null as integer)`.as(figureColumn('drive')),
        sql<number>`sh.column3`.as(figureColumn('shift')),
      ]),
  );
}
