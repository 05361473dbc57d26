// Migration 0017: users gain "must change password" and "last sign-in"; the users a database
// already has keep signing in with their passwords as they were.
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

describeEachDatabase('migration 0017-user-accounts', (kind) => {
  const env = useTestEnvironment();

  it('leaves every existing user free of a forced password change and never signed in', async () => {
    const config = await env.database(kind);
    const early = await openDatabase(config, { migrateTo: '0016-report-indexes' });
    // Typed as 0016 left the table.
    await (early.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'ada',
        display_name: 'Ada',
        role: 'admin',
        password_hash: 'scrypt$1$1$1$x$y',
        active: 1,
        created_at: '2026-11-26T09:00:00.000Z',
      })
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const row = await handle.db
      .selectFrom('users')
      .select(['must_change_password', 'last_sign_in_at', 'password_hash'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ must_change_password: 0, last_sign_in_at: null, password_hash: 'scrypt$1$1$1$x$y' });
  });
});

describeEachDatabase('migration 0019-sign-in-throttles', (kind) => {
  const env = useTestEnvironment();

  it('keeps one count per user name or address', async () => {
    const handle = await openDatabase(await env.database(kind));
    env.defer(() => handle.close());
    const row = { failures: 1, last_failure_at: '2031-05-01T08:00:00.000Z', locked_until: null };
    await handle.db
      .insertInto('sign_in_throttles')
      .values({ kind: 'user', name: 'desk', ...row })
      .execute();
    // The same name as an address is another subject.
    await handle.db
      .insertInto('sign_in_throttles')
      .values({ kind: 'address', name: 'desk', ...row })
      .execute();
    await expect(
      handle.db
        .insertInto('sign_in_throttles')
        .values({ kind: 'user', name: 'desk', ...row })
        .execute(),
    ).rejects.toThrow();
  });
});
