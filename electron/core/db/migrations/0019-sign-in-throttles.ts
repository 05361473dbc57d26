import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Sign-in throttling (issue 16 §1): failed sign-ins counted per user name and per address, in the
// database so that every workstation (every process) sees the same count and the same lock.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', instant, (c) => c.notNull())
    .addColumn('locked_until', instant)
    .addPrimaryKeyConstraint('sign_in_throttles_pk', ['kind', 'name'])
    .execute();
}
