// Every report query lives here (issue 15 §2). The figures are computed by the database: the
// closings of the period are filtered, keyed by the grouping and counted with GROUP BY, and the
// median and 90th percentile come from ROW_NUMBER() / COUNT() windows partitioned by the group,
// which SQLite (3.25+) and PostgreSQL both run. Nothing loads every ticket into JavaScript.
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/dialect';
import type { Tx } from '../db/transaction';
import type { Priority } from '../../../shared/domain/ticket';
import type { ReportGrouping } from '../../../shared/domain/reports';
import type { SlaOutcome } from '../../../shared/domain/closure';

export interface ReportScope {
  dialect: DialectName;
  /** The period as instants: closings at or after `start` and before `end`. */
  start: string;
  end: string;
  /** The organisation's zone the period's dates were read in. */
  zone: string;
  team?: string | undefined;
  clientId?: string | undefined;
  priority?: Priority | undefined;
  groupBy: ReportGrouping;
  /** For day/week/month: each bucket's key and the instant it ends, in order, covering the period. */
  buckets: readonly { key: string; end: string }[];
}

/** Whole minutes from `from` to `to` (both instants), rounded down; null when either is null. */
export function minutesBetween(dialect: DialectName, from: RawBuilder<unknown>, to: RawBuilder<unknown>) {
  return dialect === 'postgres'
    ? sql<number | null>`cast(floor(extract(epoch from (${to} - ${from})) / 60) as integer)`
    : // Stored instants are ISO 8601 UTC text, which strftime reads to the second.
      sql<number | null>`((cast(strftime('%s', ${to}) as integer) - cast(strftime('%s', ${from}) as integer)) / 60)`;
}

/**
 * The key a row is grouped under, as text (null: the ticket lacks that dimension); `at` is the
 * instant a period bucket is read from (the closing's, unless a report says otherwise). Expects
 * the aliases t (tickets) and tech (the lead of the first arrival).
 */
export function groupKey(scope: ReportScope, at: RawBuilder<unknown> = sql`c.closed_at`): RawBuilder<string | null> {
  switch (scope.groupBy) {
    case 'priority':
      return sql`t.priority`;
    case 'client':
      return sql`t.client_id`;
    case 'site':
      return sql`t.site_id`;
    case 'technician':
      return sql`tech.id`;
    case 'team':
      return sql`tech.team`;
    default: {
      // Buckets in the organisation's zone are computed in the core (luxon knows the zone's rules,
      // SQLite knows no zones); the database only compares each closing with the bucket ends.
      if (scope.buckets.length === 0) return sql`cast(null as text)`;
      const branches = scope.buckets.map((b) => sql`when ${at} < ${b.end} then cast(${b.key} as text)`);
      return sql`case ${sql.join(branches, sql` `)} end`;
    }
  }
}

export function groupLabel(scope: ReportScope): RawBuilder<string | null> {
  switch (scope.groupBy) {
    case 'client':
      return sql`cl.name`;
    case 'site':
      return sql`s.name`;
    case 'technician':
      return sql`tech.name`;
    default:
      return sql`cast(null as text)`;
  }
}

/**
 * The closings in force (not reopened) of the period that pass the filters, one row per ticket,
 * with the group key and the response and resolution minutes. The technician is the lead of the
 * ticket's first visit to arrive on site (the one that set the SLA response), and their team is the
 * ticket's team.
 */
export function keyedClosings(db: Tx, scope: ReportScope) {
  let query = db
    .selectFrom('ticket_closures as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('technicians as tech', (join) => join.on(sql`tech.id`, '=', firstArrivalLead))
    .where('c.reopened_at', 'is', null)
    .where('c.closed_at', '>=', scope.start)
    .where('c.closed_at', '<', scope.end);
  if (scope.clientId) query = query.where('t.client_id', '=', scope.clientId);
  if (scope.priority) query = query.where('t.priority', '=', scope.priority);
  if (scope.team) query = query.where('tech.team', '=', scope.team);
  return query.select([
    groupKey(scope).as('group_key'),
    groupLabel(scope).as('group_label'),
    't.id as ticket_id',
    't.number',
    't.channel',
    't.status',
    't.priority',
    'cl.name as client_name',
    's.name as site_name',
    'tech.name as technician_name',
    'tech.team',
    't.received_at',
    't.sla_due_at',
    't.first_arrival_at',
    'c.closed_at',
    'c.sla_outcome',
    'c.sla_minutes',
    minutesBetween(scope.dialect, sql`t.received_at`, sql`t.first_arrival_at`).as('response_minutes'),
    minutesBetween(scope.dialect, sql`t.received_at`, sql`c.closed_at`).as('resolution_minutes'),
  ]);
}

/** The lead technician of the ticket's (alias t) first visit to arrive on site; one seek in visits_ticket_arrival. */
export const firstArrivalLead = sql<string | null>`(
    select v.technician_id from visits v
    where v.ticket_id = t.id and v.arrived_at is not null
    order by v.arrived_at, v.id limit 1)`;

export interface AdherenceCountsRow {
  group_key: string | null;
  group_label: string | null;
  closed: number;
  met: number;
  missed: number;
  no_target: number;
}

export interface PercentileRow {
  group_key: string | null;
  median: number | null;
  p90: number | null;
}

const count = (outcome: SlaOutcome) =>
  sql<number>`cast(coalesce(sum(case when k.sla_outcome = ${outcome} then 1 else 0 end), 0) as integer)`;

/** Met, missed and no-target counts per group; `overall` puts every closing in one group. */
export async function adherenceCounts(db: Tx, scope: ReportScope, overall = false): Promise<AdherenceCountsRow[]> {
  const rows = await db
    .with('k', () => keyedClosings(db, scope))
    .selectFrom('k')
    .select([
      (overall ? sql<string | null>`cast(null as text)` : sql<string | null>`k.group_key`).as('group_key'),
      (overall ? sql<string | null>`cast(null as text)` : sql<string | null>`max(k.group_label)`).as('group_label'),
      sql<number>`cast(count(*) as integer)`.as('closed'),
      count('met').as('met'),
      count('missed').as('missed'),
      count('no_target').as('no_target'),
    ])
    .$if(!overall, (q) => q.groupBy('k.group_key'))
    .execute();
  return rows;
}

/**
 * The median and 90th percentile of one duration per group, by the nearest-rank method: the
 * value at rank ⌈p·n⌉ of the n known values in order (so each is a real ticket's minutes).
 * ⌈n/2⌉ = (n+1)/2 and ⌈9n/10⌉ = (9n+9)/10 in integer division on both engines.
 */
export async function minutesPercentiles(
  db: Tx,
  scope: ReportScope,
  column: 'response_minutes' | 'resolution_minutes',
  overall = false,
): Promise<PercentileRow[]> {
  const value = sql.ref(`k.${column}`);
  const partition: Expression<unknown> = overall ? sql`cast(null as text)` : sql`k.group_key`;
  return db
    .with('k', () => keyedClosings(db, scope))
    .with('ranked', (qb) =>
      qb
        .selectFrom('k')
        .where(value, 'is not', null)
        .select([
          sql<string | null>`${partition}`.as('group_key'),
          sql<number>`${value}`.as('minutes'),
          sql<number>`row_number() over (partition by ${partition} order by ${value})`.as('rn'),
          sql<number>`count(*) over (partition by ${partition})`.as('n'),
        ]),
    )
    .selectFrom('ranked')
    .select([
      'ranked.group_key',
      sql<number | null>`min(case when ranked.rn = (ranked.n + 1) / 2 then ranked.minutes end)`.as('median'),
      sql<number | null>`min(case when ranked.rn = (9 * ranked.n + 9) / 10 then ranked.minutes end)`.as('p90'),
    ])
    .groupBy('ranked.group_key')
    .execute();
}

export type ReportTicketDbRow = Awaited<ReturnType<ReturnType<typeof keyedClosings>['execute']>>[number];

/** The closings behind one figure: the group's key (null: those without it) and optionally one outcome. */
export async function drillTickets(
  db: Tx,
  scope: ReportScope,
  drill: { key: string | null; outcome?: SlaOutcome | undefined },
  limit: number,
) {
  let query = db
    .with('k', () => keyedClosings(db, scope))
    .selectFrom('k')
    .selectAll();
  query =
    drill.key === null
      ? query.where(sql.ref('k.group_key'), 'is', null)
      : query.where(sql.ref('k.group_key'), '=', drill.key);
  if (drill.outcome) query = query.where(sql.ref('k.sla_outcome'), '=', drill.outcome);
  return query.orderBy(sql.ref('k.closed_at')).orderBy(sql.ref('k.number')).limit(limit).execute();
}

/** Whether any technician is on this team (teams are a technician's free-text field). */
export async function teamExists(db: Tx, team: string): Promise<boolean> {
  const row = await db.selectFrom('technicians').select('id').where('team', '=', team).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function clientExists(db: Tx, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
  return row !== undefined;
}
