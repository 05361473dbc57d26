import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrationsFor } from '../../db/migrations/index';
import { checkDatabaseFile, type DatabaseFileCheck } from './database-file-check';

/*
 * A restore is staged, and takes effect at the next start, before the core opens the database.
 * Replacing the database under the running core is not safe: its event hub remembers change ids,
 * its watchers, plan store and sessions hold state of the old data, and a request could run
 * between the swap and the migration of an older backup. At start there is none of that. The
 * content is replaced with SQLite's backup API into the existing file, not by renaming files: a
 * rename would leave the old -wal file beside the new database (SQLite would replay it into the
 * wrong file), and any other process with the file open would keep writing to the old one.
 */

/** Where a staged restore waits, beside the database file. */
export function stagedRestoreFile(databaseFile: string): string {
  return `${databaseFile}.restore-pending`;
}

/** The folder the database as it was before a restore is kept in (never deleted by the console). */
export function keptAsideFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'before-restore');
}

function knownMigrations(): string[] {
  return Object.keys(migrationsFor('sqlite'));
}

/**
 * Copies `backupFile` beside the database and checks the copy (what will be applied, whatever
 * happens to the original meanwhile); the staged file is left only if it passes.
 */
export function stageRestore(databaseFile: string, backupFile: string): DatabaseFileCheck {
  const source = checkDatabaseFile(backupFile, knownMigrations());
  if (!source.ok) return source;
  const staged = stagedRestoreFile(databaseFile);
  const partial = `${staged}.partial`;
  try {
    fs.copyFileSync(backupFile, partial);
    const copy = checkDatabaseFile(partial, knownMigrations());
    if (!copy.ok) return copy;
    fs.renameSync(partial, staged);
    return { ok: true };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export interface AppliedRestore {
  /** Where the database as it was before is kept; null if there was none. */
  keptAside: string | null;
}

/**
 * At start, before the database is opened: replaces its content with a staged restore, after
 * keeping the current one aside. A staged file that no longer passes its check is set aside as
 * refused and the current database is used unchanged. Returns null when nothing was staged.
 */
export async function applyStagedRestore(databaseFile: string, at: Date): Promise<AppliedRestore | null> {
  const staged = stagedRestoreFile(databaseFile);
  if (!fs.existsSync(staged)) return null;
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const check = checkDatabaseFile(staged, knownMigrations());
  if (!check.ok) {
    const refused = `${databaseFile}.restore-refused-${stamp}`;
    fs.renameSync(staged, refused);
    console.error(`The staged restore was not applied (${check.reason}); it is kept as ${refused}.`);
    return null;
  }
  let keptAside: string | null = null;
  if (fs.existsSync(databaseFile)) {
    const folder = keptAsideFolder(databaseFile);
    fs.mkdirSync(folder, { recursive: true });
    keptAside = path.join(folder, `dispatch-before-restore-${stamp}.sqlite`);
    await copyDatabase(databaseFile, keptAside);
  }
  const source = new SqliteDatabase(staged, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  fs.rmSync(staged);
  return { keptAside };
}

/** A consistent single-file copy of a database that may have a WAL beside it. */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new SqliteDatabase(from, { fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
  const copy = new SqliteDatabase(to, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
