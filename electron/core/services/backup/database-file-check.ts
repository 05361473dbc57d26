import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

export type DatabaseFileCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `file` is a sound Dispatch Console database this version can open: a SQLite file that
 * passes `PRAGMA integrity_check`, records its migrations, and none of them newer than `known`.
 * Opened read-only, so a file that fails is left exactly as it was.
 */
export function checkDatabaseFile(file: string, known: readonly string[]): DatabaseFileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { ok: false, reason: 'There is no such file.' };
  }
  if (!stat.isFile()) return { ok: false, reason: 'This is a folder, not a backup file.' };
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, reason: `The file cannot be opened as a database (${(error as Error).message}).` };
  }
  try {
    return checkOpenDatabase(db, known);
  } catch (error) {
    // SQLite reports a damaged or foreign file on the first read ("file is not a database",
    // "database disk image is malformed").
    return { ok: false, reason: `The file is not a readable database (${(error as Error).message}).` };
  } finally {
    db.close();
  }
}

function checkOpenDatabase(db: SqliteDatabase.Database, known: readonly string[]): DatabaseFileCheck {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    return { ok: false, reason: `The file fails the database integrity check: ${problems[0]}${more}.` };
  }
  const tables = new Set(
    (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name),
  );
  if (!tables.has('kysely_migration') || !tables.has('tickets') || !tables.has('users')) {
    return { ok: false, reason: 'The file is a SQLite database, but not a Dispatch Console database.' };
  }
  const recorded = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (row) => row.name,
  );
  const newer = recorded.filter((name) => !known.includes(name));
  if (newer.length > 0) {
    return {
      ok: false,
      reason: `The backup comes from a newer version of Dispatch Console (its schema has ${newer.join(', ')}); restore it with that version or a newer one.`,
    };
  }
  return { ok: true };
}
