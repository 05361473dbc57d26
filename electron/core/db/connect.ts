import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import { migrationsFor } from './migrations/index';
import { networkShareKind } from './network-share';
import { inTransaction } from './transaction';
import type { Database } from './schema';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  config: DatabaseConfig;
  /** A fresh pg client for LISTEN, or null on SQLite. */
  pgListenerConfig: pg.ClientConfig | null;
  /**
   * SQLite only (null on PostgreSQL): copies the open database to `file` with SQLite's online
   * backup API, a hundred pages per turn of the event loop, so requests go on being served.
   */
  backupTo: ((file: string) => Promise<void>) | null;
  close(): Promise<void>;
}

// pg would return timestamptz as Date and int8 as string; the core speaks ISO strings and numbers.
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
const { TIMESTAMPTZ, TIMESTAMP, INT8 } = pg.types.builtins;
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser(oid: TypeId, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ || oid === TIMESTAMP) {
      return (v: string) => new Date(oid === TIMESTAMP ? `${v}Z` : v).toISOString();
    }
    if (oid === INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { /** Tests of a migration stop just before it. */ migrateTo?: string } = {},
): Promise<DatabaseHandle> {
  const handle = config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  try {
    await migrate(handle, options.migrateTo);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * WAL lets readers in other processes work while one writes; it needs a local disk. Switching a
 * new file to WAL takes an exclusive lock, and SQLite may answer BUSY at once rather than wait on
 * the busy timeout when another workstation is opening the same new file at that moment (seen in
 * the two-workstation start test): try again for a while, blocking as better-sqlite3 does.
 */
function enableWal(native: SqliteDatabase.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt += 1) {
    try {
      native.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = error instanceof SqliteDatabase.SqliteError && error.code === 'SQLITE_BUSY';
      if (!busy || attempt >= 50) throw error;
      Atomics.wait(pause, 0, 0, 20 * attempt);
    }
  }
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    const share = networkShareKind(path.dirname(file));
    if (share) {
      throw new Error(
        `The data folder ${path.dirname(file)} is on ${share}. The embedded database needs a local disk ` +
          '(its locking does not work across a network share). Choose a local folder, or share one PostgreSQL ' +
          'database between workstations (see docs/INSTALL.md).',
      );
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const native = new SqliteDatabase(file);
  native.pragma('busy_timeout = 5000');
  enableWal(native);
  native.pragma('foreign_keys = ON');
  native.pragma('synchronous = NORMAL');
  // SQLite's built-in lower() folds ASCII only, so the caller search (lower(name) LIKE …) missed
  // "Ärzte am Markt" for "ärzte", which PostgreSQL finds. Unicode lower-casing, as on PostgreSQL.
  native.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  return {
    db,
    dialect: 'sqlite',
    config: { kind: 'sqlite', file },
    pgListenerConfig: null,
    backupTo: (destination) => backUpSqlite(db, native, destination),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string): DatabaseHandle {
  const clientConfig: pg.ClientConfig = { connectionString: url, types: pgTypes };
  const pool = new pg.Pool({ ...clientConfig, max: 10 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    config: { kind: 'postgres', url },
    pgListenerConfig: clientConfig,
    backupTo: null,
    close: () => db.destroy(),
  };
}

/**
 * The backup runs on the connection the core writes through, so SQLite carries those writes into
 * the copy as it goes instead of restarting it. Its first step must not meet an open write
 * transaction: SQLite answers BUSY, and better-sqlite3, not knowing the size yet, takes that for
 * "done" and drops the copy. So that step waits for Kysely's connection; later ones share it.
 */
async function backUpSqlite(db: Kysely<Database>, native: SqliteDatabase.Database, destination: string) {
  let finished: Promise<unknown> = Promise.resolve();
  await db.connection().execute(
    () =>
      new Promise<void>((begun) => {
        finished = native.backup(destination, {
          progress: () => {
            begun();
            // Keep better-sqlite3's default pace (100 pages a turn).
            return 100;
          },
        });
        finished.then(
          () => begun(),
          () => begun(),
        );
      }),
  );
  await finished;
}

async function migrate(handle: DatabaseHandle, target?: string): Promise<void> {
  const migrations = migrationsFor(handle.dialect);
  const run = async (db: Kysely<Database>) => {
    await refuseNewerSchema(db, Object.keys(migrations));
    const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
    const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error) {
      throw new Error(
        `Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
        { cause: error },
      );
    }
  };
  // Kysely runs SQLite migrations outside any transaction and without a lock (it assumes one
  // connection), so a failure left half a schema and two processes opening a new file both built
  // it. One IMMEDIATE transaction makes the run atomic and lets one process in at a time.
  // PostgreSQL: Kysely already wraps the run in a transaction under an advisory lock.
  if (handle.dialect === 'sqlite') await inTransaction(handle, run);
  else await run(handle.db);
}

/**
 * Names of the migrations a database records that this version does not know: it was written by a
 * newer Dispatch Console. Empty for a new database.
 */
export async function unknownMigrations(db: Kysely<Database>, known: readonly string[]): Promise<string[]> {
  const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(db)
    .then((r) => r.rows.map((row) => row.name))
    // A new database has no migration table yet.
    .catch(() => [] as string[]);
  return recorded.filter((name) => !known.includes(name));
}

async function refuseNewerSchema(db: Kysely<Database>, known: readonly string[]): Promise<void> {
  const unknown = await unknownMigrations(db, known);
  if (unknown.length === 0) return;
  // Kysely would say "corrupted migrations"; older code must not touch a newer schema at all.
  throw new Error(
    `This database was written by a newer version of Dispatch Console (its schema has ${unknown.join(', ')}, ` +
      `which this version does not know). Install that version or a newer one; this version leaves the database untouched.`,
  );
}
