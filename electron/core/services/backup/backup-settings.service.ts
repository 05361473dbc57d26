import { z } from 'zod';
import {
  defaultBackupSettings,
  type BackupSettings,
  type PendingRestoreDto,
  type ScheduledBackupOutcome,
} from '../../../../shared/domain/backup';
import { backupSettingsInput } from '../../../../shared/domain/backup.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting, putJsonSetting } from '../../repositories/sla-config.repository';

export const BACKUP_SETTINGS_KEY = 'backup.settings';
const LAST_SCHEDULED_KEY = 'backup.lastScheduled';
const PENDING_RESTORE_KEY = 'backup.pendingRestore';

const scheduledOutcome = z.strictObject({ at: z.string(), ok: z.boolean(), message: z.string() });
const pendingRestore = z.strictObject({ from: z.string(), stagedAt: z.string() });

/** The saved backup settings; no folder and no schedule until an admin chooses them. */
export async function loadBackupSettings(db: Tx): Promise<BackupSettings> {
  return (await getJsonSetting(db, BACKUP_SETTINGS_KEY, backupSettingsInput)) ?? { ...defaultBackupSettings };
}

export async function loadLastScheduled(db: Tx): Promise<ScheduledBackupOutcome | null> {
  return (await getJsonSetting(db, LAST_SCHEDULED_KEY, scheduledOutcome)) ?? null;
}

export async function saveLastScheduled(db: Tx, outcome: ScheduledBackupOutcome): Promise<void> {
  await putJsonSetting(db, LAST_SCHEDULED_KEY, outcome);
}

/**
 * What the current database says about a staged restore. It lives in the database the restore
 * replaces, so the restored one (which never had it) no longer reports it.
 */
export async function loadPendingRestoreNote(db: Tx): Promise<PendingRestoreDto | null> {
  return (await getJsonSetting(db, PENDING_RESTORE_KEY, pendingRestore)) ?? null;
}

export async function savePendingRestoreNote(db: Tx, note: PendingRestoreDto): Promise<void> {
  await putJsonSetting(db, PENDING_RESTORE_KEY, note);
}
