// The queries of the reports beyond SLA adherence (issue 15 §2). Each report's table is a "base"
// query: one row per counted item (a ticket received, a reopening, a closing, an incomplete
// visit) with its group key and one column per figure: a 0/1 flag for a count, or a value
// for a mean or a percentile. The database aggregates the base with GROUP BY (and the same
// ROW_NUMBER() windows as the SLA report for percentiles); a drill-down selects the distinct
// tickets of the base rows behind one figure. Nothing loads every row into JavaScript.
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { reviewTags } from '../../../shared/domain/closure';
import { escalationKinds } from '../../../shared/domain/escalation';
import { LOW_FEEDBACK_SCORE } from '../../../shared/domain/feedback';
import { channels, priorities } from '../../../shared/domain/ticket';
import type { Tx } from '../db/transaction';
import { firstArrivalLead, groupKey, groupLabel, minutesBetween, type ReportScope } from './report.repository';

/** How the database folds a figure's column over a group. */
export type FigureFold = 'sum' | 'mean' | 'median' | 'p90';

/** A figure to fold: its answer key, the base column it folds (a median and a p90 share one), how. */
export interface FigureColumn {
  id: string;
  column: string;
  fold: FigureFold;
}

/** A base query: any FROM, with the aliases t, cl, s and tech, and the columns named in the spec. */
// The builder's table map differs per report; `any` here is the row shape each base declares by alias.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Base = SelectQueryBuilder<any, any, any>;

/** Column name of a figure in a base query (ids are the service's, but only [a-z0-9_] reach SQL). */
export const figureColumn = (id: string): string => {
  if (!/^[a-z0-9_]+$/.test(id)) throw new Error(`Figure id "${id}" is not a plain name`);
  return `m_${id}`;
};

const flag = (condition: RawBuilder<unknown>) => sql<number>`case when ${condition} then 1 else 0 end`;

/**
 * Tickets with their client, site and the lead of their first arrival (the technician and team a
 * report counts them under, as in SLA adherence), filtered by client, priority and team.
 */
function withTicketDimensions<QB extends Base>(query: QB, scope: ReportScope): QB {
  let q = query
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('technicians as tech', (join) => join.on(sql`tech.id`, '=', firstArrivalLead)) as QB;
  if (scope.clientId) q = q.where('t.client_id', '=', scope.clientId) as QB;
  if (scope.priority) q = q.where('t.priority', '=', scope.priority) as QB;
  if (scope.team) q = q.where('tech.team', '=', scope.team) as QB;
  return q;
}

export const grouped = (scope: ReportScope, at: RawBuilder<unknown>) => [
  groupKey(scope, at).as('group_key'),
  groupLabel(scope).as('group_label'),
];

// ——— Volumes and backlog ———

/** Tickets received in the period: one row each, flagged by channel and by priority. */
export function receivedBase(db: Tx, scope: ReportScope): Base {
  const base = db
    .selectFrom('tickets as t')
    .where('t.received_at', '>=', scope.start)
    .where('t.received_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...grouped(scope, sql`t.received_at`),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('received')),
    ...channels.map((c) => flag(sql`t.channel = ${c}`).as(figureColumn(`channel_${c}`))),
    ...priorities.map((p) => flag(sql`t.priority = ${p}`).as(figureColumn(`priority_${p}`))),
  ]);
}

/** Reopenings in the period (a closing undone): one row per reopening, bucketed by when. */
export function reopenedBase(db: Tx, scope: ReportScope): Base {
  const base = db
    .selectFrom('ticket_closures as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .where('c.reopened_at', '>=', scope.start)
    .where('c.reopened_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...grouped(scope, sql`c.reopened_at`),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('reopened')),
  ]);
}

/** Age bands of an open ticket, as (key, upper bound in minutes); the last has none. */
export const ageBands = [
  ['under_1d', 1440],
  ['1_3d', 3 * 1440],
  ['3_7d', 7 * 1440],
  ['7_30d', 30 * 1440],
  ['over_30d', null],
] as const;

/**
 * Tickets open at `at`: received before it, not cancelled, and no closing made before it still in
 * force at it (never reopened, or reopened only later). Grouped by age band at `at`.
 */
export function openAtBase(db: Tx, scope: ReportScope, at: string): Base {
  const age = minutesBetween(scope.dialect, sql`t.received_at`, sql`${at}`);
  const band = sql<string>`case ${sql.join(
    ageBands.map(([key, below]) =>
      below === null ? sql`else ${key}` : sql`when ${age} < ${below} then cast(${key} as text)`,
    ),
    sql` `,
  )} end`;
  const base = db
    .selectFrom('tickets as t')
    .where('t.received_at', '<', at)
    .where('t.status', '<>', 'cancelled')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ticket_closures as oc')
            .select('oc.id')
            .whereRef('oc.ticket_id', '=', 't.id')
            .where('oc.closed_at', '<', at)
            .where((eb) => eb.or([eb('oc.reopened_at', 'is', null), eb('oc.reopened_at', '>=', at)])),
        ),
      ),
    );
  return withTicketDimensions(base, scope).select([
    band.as('group_key'),
    sql<string | null>`cast(null as text)`.as('group_label'),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('open')),
    ...priorities.map((p) => flag(sql`t.priority = ${p}`).as(figureColumn(`priority_${p}`))),
  ]);
}

// ——— First-time fix ———

/**
 * The closings in force of the period: first-time fix as recorded at closing (1, 0, or null for
 * closings made before it was kept), and the visits that reached the site.
 */
export function fixBase(db: Tx, scope: ReportScope): Base {
  const visitsOnSite = sql<number>`(select count(*) from visits va where va.ticket_id = t.id and va.arrived_at is not null)`;
  const base = db
    .selectFrom('ticket_closures as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .where('c.reopened_at', 'is', null)
    .where('c.closed_at', '>=', scope.start)
    .where('c.closed_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...grouped(scope, sql`c.closed_at`),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('closed')),
    flag(sql`c.first_time_fix = 1`).as(figureColumn('fixed_first')),
    flag(sql`c.first_time_fix = 0`).as(figureColumn('not_fixed_first')),
    flag(sql`c.first_time_fix is null`).as(figureColumn('not_recorded')),
    sql<number>`cast(${visitsOnSite} as integer)`.as(figureColumn('visits')),
    flag(sql`${visitsOnSite} >= 2`).as(figureColumn('revisited')),
  ]);
}

/** Visits that ended incomplete in the period, grouped by the reason given. */
export function incompleteVisitsBase(db: Tx, scope: ReportScope): Base {
  const base = db
    .selectFrom('visits as iv')
    .innerJoin('tickets as t', 't.id', 'iv.ticket_id')
    .where('iv.incomplete_reason', 'is not', null)
    .where('iv.finished_at', '>=', scope.start)
    .where('iv.finished_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    sql<string>`iv.incomplete_reason`.as('group_key'),
    sql<string | null>`cast(null as text)`.as('group_label'),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('visits')),
  ]);
}

// ——— Escalations ———

/**
 * Escalations raised in the period (a range of escalations_created_at): one row each, flagged by
 * level and kind, whether taken by now, and the wall-clock minutes it waited to be acknowledged.
 * Grouped by the report's grouping at when it was raised, or (`byKind`) by its kind.
 */
export function escalationsBase(db: Tx, scope: ReportScope, byKind = false): Base {
  const base = db
    .selectFrom('escalations as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .where('e.created_at', '>=', scope.start)
    .where('e.created_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...(byKind
      ? [sql<string>`e.kind`.as('group_key'), sql<string | null>`cast(null as text)`.as('group_label')]
      : grouped(scope, sql`e.created_at`)),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('raised')),
    ...escalationLevelIds.map((level) => flag(sql`e.level = ${level}`).as(figureColumn(`level_${level}`))),
    ...escalationKinds.map((k) => flag(sql`e.kind = ${k}`).as(figureColumn(`kind_${k}`))),
    flag(sql`e.acknowledged_at is not null`).as(figureColumn('acknowledged')),
    flag(sql`e.acknowledged_at is null`).as(figureColumn('unacknowledged')),
    minutesBetween(scope.dialect, sql`e.created_at`, sql`e.acknowledged_at`).as(figureColumn('ack_minutes')),
  ]);
}

/** The levels an escalation can have: 1 (at risk, low feedback, or by hand) and 2 (breached, or by hand). */
export const escalationLevelIds = [1, 2] as const;

// ——— Reviews and feedback ———

/**
 * A LIKE pattern for one tag inside a stored JSON list of tags (["parts_missing","other"]): the
 * quoted tag, so no tag matches inside another, with LIKE's wildcards escaped. Plain LIKE reads
 * the text column the same on both engines, where their JSON functions differ.
 */
const quotedTagPattern = (tag: string) => `%"${tag.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;

/**
 * Reviews made in the period (a range of ticket_reviews_reviewed_at): one row each, whether the
 * SOP was followed, and a flag per improvement tag.
 */
export function reviewsBase(db: Tx, scope: ReportScope): Base {
  const base = db
    .selectFrom('ticket_reviews as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .where('r.reviewed_at', '>=', scope.start)
    .where('r.reviewed_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...grouped(scope, sql`r.reviewed_at`),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('reviewed')),
    flag(sql`r.sop_followed = 1`).as(figureColumn('sop_followed')),
    flag(sql`r.sop_followed = 0`).as(figureColumn('sop_not_followed')),
    ...reviewTags.map((tag) =>
      flag(sql`r.tags like ${quotedTagPattern(tag)} escape '\\'`).as(figureColumn(`tag_${tag}`)),
    ),
  ]);
}

/** Feedback recorded in the period (a range of feedback_recorded), by page or phone: its score. */
export function feedbackBase(db: Tx, scope: ReportScope): Base {
  const base = db
    .selectFrom('feedback as fb')
    .innerJoin('tickets as t', 't.id', 'fb.ticket_id')
    .where('fb.recorded_at', '>=', scope.start)
    .where('fb.recorded_at', '<', scope.end);
  return withTicketDimensions(base, scope).select([
    ...grouped(scope, sql`fb.recorded_at`),
    't.id as ticket_id',
    sql<number>`1`.as(figureColumn('feedback')),
    sql<number>`fb.score`.as(figureColumn('score')),
    ...feedbackScores.map((n) => flag(sql`fb.score = ${n}`).as(figureColumn(`score_${n}`))),
    flag(sql`fb.score <= ${LOW_FEEDBACK_SCORE}`).as(figureColumn('low')),
  ]);
}

/** The scores a client can give. */
export const feedbackScores = [1, 2, 3, 4, 5] as const;

/** Runs a base query's aggregation: each figure folded per group (or over all rows with `overall`). */
export async function foldFigures(
  db: Tx,
  base: (db: Tx) => Base,
  columns: readonly FigureColumn[],
  overall = false,
): Promise<{ group_key: string | null; group_label: string | null; values: Record<string, number | null> }[]> {
  const sums = columns.filter((c) => c.fold === 'sum' || c.fold === 'mean');
  const key: Expression<unknown> = overall ? sql`cast(null as text)` : sql`k.group_key`;
  // pg answers avg() as numeric, which node-postgres reads as a string; double precision is a
  // number on both (SQLite reads the type name as REAL).
  const meanOf = (ref: RawBuilder<unknown>) => sql<number | null>`cast(avg(${ref}) as double precision)`;
  const folded = await db
    .with('k', () => base(db))
    .selectFrom('k')
    .select([
      sql<string | null>`${key}`.as('group_key'),
      (overall ? sql<string | null>`cast(null as text)` : sql<string | null>`max(k.group_label)`).as('group_label'),
      ...sums.map((c) => {
        const ref = sql.ref(`k.${figureColumn(c.column)}`);
        return (c.fold === 'sum' ? sql<number>`cast(coalesce(sum(${ref}), 0) as integer)` : meanOf(ref)).as(
          figureColumn(c.id),
        );
      }),
    ])
    .$if(!overall, (q) => q.groupBy('k.group_key'))
    .execute();
  const rows = new Map(
    folded.map((r) => {
      const record = r as Record<string, unknown>;
      const values: Record<string, number | null> = {};
      for (const c of sums) {
        const v = record[figureColumn(c.id)];
        values[c.id] = v === null || v === undefined ? null : Number(v);
      }
      return [r.group_key, { group_key: r.group_key, group_label: r.group_label, values }] as const;
    }),
  );
  for (const c of columns.filter((col) => col.fold === 'median' || col.fold === 'p90')) {
    for (const p of await percentiles(db, base, figureColumn(c.column), overall)) {
      const row = rows.get(p.group_key);
      if (row) row.values[c.id] = c.fold === 'median' ? p.median : p.p90;
    }
  }
  return [...rows.values()];
}

/** Nearest-rank median and 90th percentile of one column per group (see minutesPercentiles). */
async function percentiles(db: Tx, base: (db: Tx) => Base, column: string, overall: boolean) {
  const value = sql.ref(`k.${column}`);
  const partition: Expression<unknown> = overall ? sql`cast(null as text)` : sql`k.group_key`;
  return db
    .with('k', () => base(db))
    .with('ranked', (qb) =>
      qb
        .selectFrom('k')
        .where(value, 'is not', null)
        .select([
          sql<string | null>`${partition}`.as('group_key'),
          sql<number>`${value}`.as('v'),
          sql<number>`row_number() over (partition by ${partition} order by ${value})`.as('rn'),
          sql<number>`count(*) over (partition by ${partition})`.as('n'),
        ]),
    )
    .selectFrom('ranked')
    .select([
      'ranked.group_key',
      sql<number | null>`min(case when ranked.rn = (ranked.n + 1) / 2 then ranked.v end)`.as('median'),
      sql<number | null>`min(case when ranked.rn = (9 * ranked.n + 9) / 10 then ranked.v end)`.as('p90'),
    ])
    .groupBy('ranked.group_key')
    .execute();
}

/**
 * The tickets behind one figure: the base rows of the group (null key: those without one) whose
 * figure column is set (a flag of 1, or any value), each ticket once, with its closing in force.
 */
export async function figureTickets(
  db: Tx,
  scope: ReportScope,
  base: (db: Tx) => Base,
  drill: { key: string | null; column: string | null; fold: FigureFold | null },
  limit: number,
) {
  const ticketIds = (qb: Tx) => {
    let q = qb
      .with('k', () => base(qb))
      .selectFrom('k')
      .select(sql<string>`k.ticket_id`.as('ticket_id'));
    q =
      drill.key === null
        ? q.where(sql.ref('k.group_key'), 'is', null)
        : q.where(sql.ref('k.group_key'), '=', drill.key);
    if (drill.column !== null) {
      const ref = sql.ref(`k.${drill.column}`);
      // A sum opens the rows it counts: a flag of 1, or minutes above 0 (of a visit, say).
      q = drill.fold === 'sum' ? q.where(ref, '>', 0) : q.where(ref, 'is not', null);
    }
    return q;
  };
  return db
    .selectFrom('tickets as t')
    .innerJoin('clients as cl', 'cl.id', 't.client_id')
    .leftJoin('sites as s', 's.id', 't.site_id')
    .leftJoin('technicians as tech', (join) => join.on(sql`tech.id`, '=', firstArrivalLead))
    .leftJoin('ticket_closures as c', (join) => join.onRef('c.ticket_id', '=', 't.id').on('c.reopened_at', 'is', null))
    .where('t.id', 'in', ticketIds(db))
    .select([
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
    ])
    .orderBy('t.received_at')
    .orderBy('t.number')
    .limit(limit)
    .execute();
}

export type FigureBase = (db: Tx) => Base;
