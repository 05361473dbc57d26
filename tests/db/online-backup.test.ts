import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import { inTransaction } from '../../electron/core/db/transaction';
import { useTestEnvironment } from '../support/test-runtime';

const env = useTestEnvironment();

it('makes a whole copy when it starts while a write transaction is open on the same connection', async () => {
  const handle = await openDatabase(await env.database('sqlite'));
  env.defer(() => handle.close());
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const writing = inTransaction(handle, async (tx) => {
    await tx.insertInto('settings').values({ key: 'written', value: 'inside the open transaction' }).execute();
    await held;
  });
  const file = path.join(env.tempDir(), 'copy.sqlite');
  const copying = handle.backupTo?.(file);
  // Let the backup reach its first step while the transaction is still open.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  release();
  await writing;
  await copying;

  expect(fs.existsSync(file)).toBe(true);
  const copy = new SqliteDatabase(file, { readonly: true });
  try {
    expect(copy.prepare(`select value from settings where key = 'written'`).get()).toEqual({
      value: 'inside the open transaction',
    });
  } finally {
    copy.close();
  }
});
