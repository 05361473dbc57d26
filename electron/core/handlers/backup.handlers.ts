import fs from 'node:fs';
import path from 'node:path';
import type { PendingRestoreDto } from '../../../shared/domain/backup';
import { ApiFailure } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { putJsonSetting } from '../repositories/sla-config.repository';
import { folderProblem, listBackups } from '../services/backup/backup-folder';
import {
  BACKUP_SETTINGS_KEY,
  loadBackupSettings,
  loadLastScheduled,
  loadPendingRestoreNote,
  savePendingRestoreNote,
} from '../services/backup/backup-settings.service';
import { stageRestore, stagedRestoreFile } from '../services/backup/restore.service';
import { BackupError, backUpDatabase } from '../services/backup/backup.service';
import { defaultCalendar } from '../services/sla/sla-config.service';
import type { Handlers } from './handler-types';

/** The backup methods other than the status need the embedded database; PostgreSQL has pg_dump. */
function requireEmbedded(ctx: HandlerContext): void {
  if (ctx.database.dialect !== 'sqlite') {
    throw new ApiFailure(
      'conflict',
      'This console uses a shared PostgreSQL database: back it up and restore it with pg_dump and pg_restore on the database server (see the admin guide, docs/INSTALL.md).',
    );
  }
}

async function configuredFolder(ctx: HandlerContext): Promise<{ folder: string; keep: number }> {
  const settings = await loadBackupSettings(ctx.database.db);
  if (!settings.folder) throw new ApiFailure('conflict', 'Choose a backup folder first.');
  return { folder: settings.folder, keep: settings.keep };
}

/** The staged restore, if its file is still waiting (a restored database may carry an old note). */
async function pendingRestore(ctx: HandlerContext): Promise<PendingRestoreDto | null> {
  const { config } = ctx.database;
  if (config.kind !== 'sqlite' || !fs.existsSync(stagedRestoreFile(config.file))) return null;
  return loadPendingRestoreNote(ctx.database.db);
}

function refuseFile(message: string): never {
  throw new ApiFailure('invalid_input', message, [{ path: ['file'], message }]);
}

export const backupHandlers = {
  'backup.status': async (_input, ctx) => {
    const db = ctx.database.db;
    return {
      engine: ctx.database.dialect,
      settings: await loadBackupSettings(db),
      timeZone: (await defaultCalendar(db)).timeZone,
      lastScheduled: await loadLastScheduled(db),
      pendingRestore: await pendingRestore(ctx),
    };
  },

  'backup.saveSettings': async (input, ctx) => {
    const problem = input.folder === null ? null : folderProblem(input.folder);
    if (problem) throw new ApiFailure('invalid_input', problem, [{ path: ['folder'], message: problem }]);
    if (input.folder === null && input.scheduleHour !== null) {
      const message = 'A daily backup needs a folder to go to.';
      throw new ApiFailure('invalid_input', message, [{ path: ['folder'], message }]);
    }
    requireEmbedded(ctx);
    return ctx.write(async ({ tx, audit }) => {
      const before = await loadBackupSettings(tx);
      await putJsonSetting(tx, BACKUP_SETTINGS_KEY, input);
      await audit({ entity: 'backup_settings', entityId: BACKUP_SETTINGS_KEY, before, after: input });
      return input;
    });
  },

  'backup.run': async (_input, ctx) => {
    requireEmbedded(ctx);
    const { folder, keep } = await configuredFolder(ctx);
    let made;
    try {
      made = await backUpDatabase(ctx.database, { folder, keep, at: ctx.clock.now() });
    } catch (error) {
      if (error instanceof BackupError) throw new ApiFailure('conflict', error.message);
      throw error;
    }
    await ctx.write(({ audit }) => audit({ entity: 'backup', entityId: made.name, after: made }));
    return made;
  },

  'backup.list': async (_input, ctx) => {
    requireEmbedded(ctx);
    const { folder } = await loadBackupSettings(ctx.database.db);
    if (!folder) return { backups: [], folderProblem: 'No backup folder has been chosen yet.' };
    // The folder may have gone (an unplugged drive) since it was chosen: say so rather than fail.
    const problem = folderProblem(folder);
    if (problem) return { backups: [], folderProblem: problem };
    return { backups: listBackups(folder), folderProblem: null };
  },

  'backup.restore': async (input, ctx) => {
    if (!path.isAbsolute(input.file)) refuseFile('Give the full path of the backup file.');
    requireEmbedded(ctx);
    const { config } = ctx.database;
    if (config.kind !== 'sqlite') throw new Error('requireEmbedded let a PostgreSQL database through');
    if (path.resolve(input.file) === path.resolve(config.file)) {
      refuseFile('This is the database the console is using now; choose a backup.');
    }
    const staged = stageRestore(config.file, input.file);
    if (!staged.ok) refuseFile(staged.reason);
    const note = { from: input.file, stagedAt: ctx.now() };
    await ctx.write(async ({ tx, audit }) => {
      await savePendingRestoreNote(tx, note);
      await audit({ entity: 'backup_restore', entityId: path.basename(input.file), after: note });
    });
    return { pendingRestore: note };
  },
} satisfies Partial<Handlers>;
