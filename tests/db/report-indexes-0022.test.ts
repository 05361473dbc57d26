// Migration 0022: the indexes the escalations, review and utilization reports read, on both
// databases, and the plans that use them (a period range read, never a scan of the whole table).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import type { Tx } from '../../electron/core/db/transaction';
import { escalationsBase, feedbackBase, reviewsBase } from '../../electron/core/repositories/figure-report.repository';
import type { ReportScope } from '../../electron/core/repositories/report.repository';
import { utilizationBase } from '../../electron/core/repositories/utilization-report.repository';
import { defaultTravelSettings } from '../../shared/domain/travel';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

describeEachDatabase('migration 0022-escalation-review-utilization-indexes', (kind) => {
  const env = useTestEnvironment();
  const scope: ReportScope = {
    dialect: kind,
    start: '2026-12-01T05:00:00.000Z',
    end: '2027-01-01T05:00:00.000Z',
    zone: 'America/New_York',
    groupBy: 'week',
    buckets: [
      { key: '2026-11-30', end: '2026-12-07T05:00:00.000Z' },
      { key: '2026-12-07', end: '2027-01-01T05:00:00.000Z' },
    ],
  };

  async function planOf(base: (tx: Tx) => { compile(): { sql: string; parameters: readonly unknown[] } }) {
    const handle = await openDatabase(await env.database(kind));
    env.defer(() => handle.close());
    return handle.db.transaction().execute(async (tx) => {
      const query = base(tx).compile();
      // Empty tables make any scan cheapest to PostgreSQL's planner; without scans it must show
      // whether the indexes can serve the query at all.
      if (kind === 'postgres') await sql`set local enable_seqscan = off`.execute(tx);
      const explain = kind === 'postgres' ? 'explain' : 'explain query plan';
      const rows = await tx.executeQuery<Record<string, string>>({ ...query, sql: `${explain} ${query.sql}` } as never);
      return rows.rows.map((r) => r['QUERY PLAN'] ?? r['detail'] ?? '').join('\n');
    });
  }

  it('reads the escalations raised in the period as a range of escalations_created_at', async () => {
    expect(await planOf((tx) => escalationsBase(tx, scope))).toMatch(/escalations_created_at/);
    // By team: the lead of each ticket's first arrival, one seek per escalation.
    const byTeam = await planOf((tx) => escalationsBase(tx, { ...scope, groupBy: 'team', team: 'North' }, true));
    expect(byTeam).toMatch(/escalations_created_at/);
    expect(byTeam).toMatch(/visits_ticket_arrival/);
  });

  it('reads the reviews of the period by ticket_reviews_reviewed_at and the feedback by feedback_recorded', async () => {
    expect(await planOf((tx) => reviewsBase(tx, scope))).toMatch(/ticket_reviews_reviewed_at/);
    expect(await planOf((tx) => feedbackBase(tx, { ...scope, groupBy: 'technician' }))).toMatch(/feedback_recorded/);
  });

  it('reads the crew rows of the period by an index of their starts, each visit by its key', async () => {
    const options = {
      travel: defaultTravelSettings,
      zones: [{ zone: 'America/New_York', segments: [{ until: null, minutes: -300 }] }],
      shifts: [{ key: 'North', label: null, minutes: 480 }],
    };
    const plan = await planOf((tx) => utilizationBase(tx, { ...scope, groupBy: 'team', team: 'North' }, options));
    // SQLite reads each technician's range of (technician, start); PostgreSQL reads the period's
    // range of starts, where (technician, start) would be read whole without a technician to seek.
    expect(plan).toMatch(kind === 'postgres' ? /visit_crew_starts_at/ : /visit_crew_(technician|starts_at)/);
    expect(plan).toMatch(/visits_pkey|sqlite_autoindex_visits_1/);
  });
});
