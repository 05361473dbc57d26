// Migration 0020: the indexes the volumes, backlog and first-time fix reports read, on both
// databases, and the plans that use them (a period range read, never a scan of the whole table).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import type { Tx } from '../../electron/core/db/transaction';
import {
  fixBase,
  incompleteVisitsBase,
  openAtBase,
  receivedBase,
  reopenedBase,
} from '../../electron/core/repositories/figure-report.repository';
import type { ReportScope } from '../../electron/core/repositories/report.repository';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

describeEachDatabase('migration 0020-more-report-indexes', (kind) => {
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

  it('reads tickets received in the period as a range of tickets_received_at', async () => {
    // By team: each ticket's team is that of its first arrival's lead, one seek per ticket.
    const plan = await planOf((tx) => receivedBase(tx, { ...scope, groupBy: 'team', team: 'North' }));
    expect(plan).toMatch(/tickets_received_at/);
    expect(plan).toMatch(/visits_ticket_arrival/);
  });

  it('reads the reopenings of the period as a range of ticket_closures_reopened_at', async () => {
    expect(await planOf((tx) => reopenedBase(tx, scope))).toMatch(/ticket_closures_reopened_at/);
  });

  it('reads the closings of the period in force, and counts each ticket’s visits on site by index', async () => {
    const plan = await planOf((tx) => fixBase(tx, scope));
    expect(plan).toMatch(/ticket_closures_in_force_closed_at/);
    expect(plan).toMatch(/visits_ticket_arrival/);
  });

  it('reads the visits that ended incomplete in the period by visits_incomplete_finished_at', async () => {
    expect(await planOf((tx) => incompleteVisitsBase(tx, scope))).toMatch(/visits_incomplete_finished_at/);
  });

  it('reads the tickets received before the end, and each one’s closings by ticket', async () => {
    const plan = await planOf((tx) => openAtBase(tx, scope, scope.end));
    expect(plan).toMatch(/tickets_received_at/);
    expect(plan).toMatch(/ticket_closures_ticket/);
  });
});
