import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle } from './connect';
import type { Database } from './schema';

export type Tx = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction that commits only if it returns and rolls back if it throws.
 * On SQLite it begins IMMEDIATE: a deferred transaction that later needs the write lock fails at
 * once with SQLITE_BUSY when another process holds it, instead of waiting for busy_timeout.
 */
export async function inTransaction<T>(handle: DatabaseHandle, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (handle.dialect === 'postgres') return handle.db.transaction().execute(work);
  return handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
