// Migration 0016: the two partial indexes the report queries read (EXPLAIN showed a full scan of
// ticket_closures and a sort of each ticket's visits without them), on both databases, and the
// plan SQLite picks with them.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import { keyedClosings } from '../../electron/core/repositories/report.repository';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

describeEachDatabase('migration 0016-report-indexes', (kind) => {
  const env = useTestEnvironment();

  it('adds the closings-in-force and first-arrival indexes', async () => {
    const handle = await openDatabase(await env.database(kind));
    env.defer(() => handle.close());
    const names =
      kind === 'postgres'
        ? sql<{
            name: string;
          }>`select indexname as name from pg_indexes where tablename in ('ticket_closures', 'visits')`
        : sql<{ name: string }>`select name from sqlite_master where type = 'index'`;
    const found = (await names.execute(handle.db)).rows.map((r) => r.name);
    expect(found).toEqual(expect.arrayContaining(['ticket_closures_in_force_closed_at', 'visits_ticket_arrival']));
  });

  it('reads a period of closings as an index range and each first arrival by one index seek', async () => {
    const handle = await openDatabase(await env.database(kind));
    env.defer(() => handle.close());
    const plan = await handle.db.transaction().execute(async (tx) => {
      const query = keyedClosings(tx, {
        dialect: kind,
        start: '2026-12-01T05:00:00.000Z',
        end: '2027-01-01T05:00:00.000Z',
        zone: 'America/New_York',
        groupBy: 'technician',
        team: 'North',
        buckets: [],
      }).compile();
      // Empty tables make any scan cheapest to PostgreSQL's planner; without scans it must show
      // whether the indexes can serve the query at all.
      if (kind === 'postgres') await sql`set local enable_seqscan = off`.execute(tx);
      const explain = kind === 'postgres' ? 'explain' : 'explain query plan';
      const rows = await tx.executeQuery<Record<string, string>>({ ...query, sql: `${explain} ${query.sql}` });
      return rows.rows.map((r) => r['QUERY PLAN'] ?? r['detail'] ?? '').join('\n');
    });
    expect(plan).toMatch(/ticket_closures_in_force_closed_at/);
    expect(plan).toMatch(/visits_ticket_arrival/);
    if (kind === 'sqlite') expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
