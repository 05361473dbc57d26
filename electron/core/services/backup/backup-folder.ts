import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileDto } from '../../../../shared/domain/backup';

// dispatch-backup-2026-12-07T16-00-00-000Z.sqlite, and -2, -3… for backups within one millisecond.
const NAME = /^dispatch-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.sqlite$/;

/** Why `folder` cannot hold backups (not absolute, missing, not a folder, not writable), or null. */
export function folderProblem(folder: string): string | null {
  if (!path.isAbsolute(folder)) return `Give the full path of the folder (such as ${exampleFolder()}).`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    return 'The folder does not exist; create it first.';
  }
  if (!stat.isDirectory()) return 'This is a file, not a folder.';
  try {
    fs.accessSync(folder, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return 'The console may not write in this folder.';
  }
  return null;
}

function exampleFolder(): string {
  return process.platform === 'win32' ? 'D:\\Backups\\Dispatch' : '/var/backups/dispatch';
}

interface NamedBackup {
  name: string;
  createdAt: string;
  sequence: number;
}

function parseName(name: string): NamedBackup | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, hh, mm, ss, ms, seq] = m;
  return { name, createdAt: `${day}T${hh}:${mm}:${ss}.${ms}Z`, sequence: seq ? Number(seq) : 1 };
}

/** A name for a backup taken at `at` that no file in `folder` has yet. */
export function newBackupName(folder: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = `dispatch-backup-${stamp}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (!fs.existsSync(path.join(folder, name)) && !fs.existsSync(path.join(folder, `${name}.partial`))) return name;
  }
}

/** The backups in `folder`, newest first; other files are not the console's and are left out. */
export function listBackups(folder: string): BackupFileDto[] {
  const named = fs
    .readdirSync(folder)
    .map(parseName)
    .filter((b): b is NamedBackup => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence);
  return named.flatMap((b) => {
    const file = path.join(folder, b.name);
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? [{ name: b.name, path: file, sizeBytes: stat.size, createdAt: b.createdAt }] : [];
    } catch {
      // Deleted meanwhile (a prune by another console on the same folder).
      return [];
    }
  });
}

/** Deletes the oldest backups beyond the newest `keep`; returns the names deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const extra = listBackups(folder).slice(keep);
  for (const backup of extra) fs.rmSync(backup.path, { force: true });
  return extra.map((b) => b.name);
}
