// Every report query lives here (issue 15 §2). The figures are computed by the database: the
// closings of the period are filtered, keyed by the grouping and counted with GROUP BY, and the
// median and 90th percentile come from ROW_NUMBER() / COUNT() windows partitioned by the group,
// which SQLite (3.38+: unixepoch) and PostgreSQL both run. Nothing loads every ticket into JavaScript.
import { sql, type RawBuilder } from 'kysely';
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
    : // Stored instants are ISO 8601 UTC text, which unixepoch (SQLite 3.38+) reads to the second.
      sql<number | null>`((unixepoch(${to}) - unixepoch(${from})) / 60)`;
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
 * ticket's team. Finding that lead costs an index seek per ticket, so it is looked up only when the
 * grouping, the filters or the ticket list (`withTechnician`) need it.
 */
export function keyedClosings(db: Tx, scope: ReportScope, withTechnician = true) {
  const needsTechnician =
    withTechnician || scope.groupBy === 'technician' || scope.groupBy === 'team' || scope.team !== undefined;
  const lead = needsTechnician ? firstArrivalLead : sql<string | null>`cast(null as text)`;
  let query = db
    .selectFrom('ticket_closures as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('technicians as tech', (join) => join.on(sql`tech.id`, '=', lead))
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

/** One group's counts and the median and 90th percentile of both durations; `overall` 1 on the total. */
export interface AdherenceSummaryRow extends AdherenceCountsRow {
  overall: number;
  response_median: number | null;
  response_p90: number | null;
  resolution_median: number | null;
  resolution_p90: number | null;
}

/**
 * Every figure of the SLA adherence report in one statement, so the period's closings are read once:
 * the ranked rows are a CTE used twice (per group, and the total), which both engines materialize.
 * Percentiles are nearest-rank: the value at rank ⌈p·n⌉ of the n known values in order (so each is
 * a real ticket's minutes); ⌈n/2⌉ = (n+1)/2 and ⌈9n/10⌉ = (9n+9)/10 in integer division on both
 * engines. Unknown values sort last (SQLite and PostgreSQL disagree on where nulls go by default),
 * so the known ones hold ranks 1..n.
 */
export async function adherenceSummary(db: Tx, scope: ReportScope): Promise<AdherenceSummaryRow[]> {
  const rank = (column: 'response_minutes' | 'resolution_minutes', partition: RawBuilder<unknown>) => {
    const value = sql.ref(`k.${column}`);
    return sql<number>`row_number() over (${partition} order by case when ${value} is null then 1 else 0 end, ${value})`;
  };
  const known = (column: 'response_minutes' | 'resolution_minutes', partition: RawBuilder<unknown>) =>
    sql<number>`count(${sql.ref(`k.${column}`)}) over (${partition})`;
  const byGroup = sql`partition by k.group_key`;
  const all = sql``;
  const percentile = (column: string, scopeName: 'g' | 'a', at: 'median' | 'p90') => {
    const rn = sql.ref(`r.${scopeName}_${column}_rn`);
    const n = sql.ref(`r.${scopeName}_${column}_n`);
    const rankWanted = at === 'median' ? sql`(${n} + 1) / 2` : sql`(9 * ${n} + 9) / 10`;
    return sql<number | null>`min(case when ${rn} = ${rankWanted} then ${sql.ref(`r.${column}`)} end)`;
  };
  const outcomeCount = (outcome: SlaOutcome) =>
    sql<number>`cast(coalesce(sum(case when r.sla_outcome = ${outcome} then 1 else 0 end), 0) as integer)`;
  const figures = (scopeName: 'g' | 'a') =>
    [
      sql<number>`cast(count(*) as integer)`.as('closed'),
      outcomeCount('met').as('met'),
      outcomeCount('missed').as('missed'),
      outcomeCount('no_target').as('no_target'),
      percentile('response_minutes', scopeName, 'median').as('response_median'),
      percentile('response_minutes', scopeName, 'p90').as('response_p90'),
      percentile('resolution_minutes', scopeName, 'median').as('resolution_median'),
      percentile('resolution_minutes', scopeName, 'p90').as('resolution_p90'),
    ] as const;
  const ranked = db
    .with('k', () => keyedClosings(db, scope, false))
    .with('r', (qb) =>
      qb
        .selectFrom('k')
        .select([
          'k.group_key',
          'k.group_label',
          'k.sla_outcome',
          'k.response_minutes',
          'k.resolution_minutes',
          rank('response_minutes', byGroup).as('g_response_minutes_rn'),
          known('response_minutes', byGroup).as('g_response_minutes_n'),
          rank('resolution_minutes', byGroup).as('g_resolution_minutes_rn'),
          known('resolution_minutes', byGroup).as('g_resolution_minutes_n'),
          rank('response_minutes', all).as('a_response_minutes_rn'),
          known('response_minutes', all).as('a_response_minutes_n'),
          rank('resolution_minutes', all).as('a_resolution_minutes_rn'),
          known('resolution_minutes', all).as('a_resolution_minutes_n'),
        ]),
    );
  return ranked
    .selectFrom('r')
    .select([
      sql<string | null>`r.group_key`.as('group_key'),
      sql<string | null>`max(r.group_label)`.as('group_label'),
      sql<number>`0`.as('overall'),
      ...figures('g'),
    ])
    .groupBy('r.group_key')
    .unionAll((qb) =>
      qb
        .selectFrom('r')
        .select([
          sql<string | null>`cast(null as text)`.as('group_key'),
          sql<string | null>`cast(null as text)`.as('group_label'),
          sql<number>`1`.as('overall'),
          ...figures('a'),
        ]),
    )
    .execute();
}

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
