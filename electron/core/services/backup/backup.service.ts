import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BackupFileDto } from '../../../../shared/domain/backup';
import type { DatabaseHandle } from '../../db/connect';
import { migrationsFor } from '../../db/migrations/index';
import { checkDatabaseFile } from './database-file-check';
import { folderProblem, listBackups, newBackupName, pruneBackups } from './backup-folder';

/** A backup that could not be made, with the reason an admin can act on. */
export class BackupError extends Error {
  override name = 'BackupError';
}

// One backup at a time per database (Back up now while the schedule fires): the second waits.
const running = new WeakMap<DatabaseHandle, Promise<unknown>>();

/**
 * Backs the embedded database up into `folder`: copied under a `.partial` name with the online
 * backup API, made a single self-contained file, checked with `PRAGMA integrity_check`, and only
 * then given its name, so every listed backup passed its check. The oldest beyond `keep` go.
 */
export function backUpDatabase(
  database: DatabaseHandle,
  options: { folder: string; keep: number; at: Date },
): Promise<BackupFileDto> {
  const previous = running.get(database) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => backUpOnce(database, options));
  running.set(database, next);
  return next;
}

async function backUpOnce(
  database: DatabaseHandle,
  { folder, keep, at }: { folder: string; keep: number; at: Date },
): Promise<BackupFileDto> {
  if (!database.backupTo) throw new BackupError('This console uses PostgreSQL: back it up with pg_dump.');
  const problem = folderProblem(folder);
  if (problem) throw new BackupError(`The backup folder ${folder} cannot be used: ${problem}`);
  const name = newBackupName(folder, at);
  const final = path.join(folder, name);
  const partial = `${final}.partial`;
  try {
    await database.backupTo(partial);
    // The copy carries the live database's WAL flag; a backup must be one file that opens read-only.
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkDatabaseFile(partial, Object.keys(migrationsFor('sqlite')));
    if (!check.ok) throw new BackupError(`The backup failed its check and was deleted: ${check.reason}`);
    fs.renameSync(partial, final);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${partial}${side}`, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be written to ${folder}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  pruneBackups(folder, keep);
  const made = listBackups(folder).find((b) => b.name === name);
  if (!made) throw new BackupError(`The backup ${name} disappeared from ${folder} as soon as it was made.`);
  return made;
}
