import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import { migrationsFor } from '../../electron/core/db/migrations/index';
import { countRows, describeEachDatabase, useTestEnvironment } from '../support/test-runtime';
import { runWorkstations } from '../support/workstations';

const applicationTables = [
  'audit_log',
  'change_events',
  'clients',
  'contacts',
  'sessions',
  'settings',
  'sites',
  'skills',
  'technician_skills',
  'technicians',
  'ticket_counters',
  'tickets',
  'users',
];

describeEachDatabase('migrations', (kind) => {
  const env = useTestEnvironment();

  it('builds every table on an empty database and records each migration once', async () => {
    const config = await env.database(kind);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const counts = await countRows(handle);
    for (const table of applicationTables) expect(counts[table], table).toBe(0);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(kind)).sort());
  });

  it('opens an up-to-date database a second time without changing it or its data', async () => {
    const config = await env.database(kind);
    const first = await openDatabase(config);
    await first.db.insertInto('settings').values({ key: 'kept', value: 'across reopen' }).execute();
    const before = await countRows(first);
    await first.close();

    const second = await openDatabase(config);
    env.defer(() => second.close());
    expect(await countRows(second)).toEqual(before);
    const kept = await second.db.selectFrom('settings').select('value').where('key', '=', 'kept').executeTakeFirst();
    expect(kept?.value).toBe('across reopen');
  });

  it('lets two workstations start on the same new database at the same moment', async () => {
    const config = await env.database(kind);
    const reports = await runWorkstations([{ database: config }, { database: config }]);
    expect(reports).toHaveLength(2);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(kind)).sort());
  });
});
