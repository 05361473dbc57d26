import type { ScheduledBackupOutcome } from '../../../../shared/domain/backup';
import type { DatabaseHandle } from '../../db/connect';
import { inTransaction } from '../../db/transaction';
import { insertAudit } from '../../repositories/audit.repository';
import type { Clock } from '../clock';
import { defaultCalendar } from '../sla/sla-config.service';
import { scheduledBackupDue } from './backup-schedule';
import { loadBackupSettings, loadLastScheduled, saveLastScheduled } from './backup-settings.service';
import { backUpDatabase } from './backup.service';
import { startPeriodicTask } from '../periodic-task';

export const SCHEDULED_BACKUP_METHOD = 'backup.schedule';

export interface BackupScheduler {
  /** Makes the daily backup if it is due; the outcome, or null when none was due. */
  tick(): Promise<ScheduledBackupOutcome | null>;
  stop(): Promise<void>;
}

/**
 * Looks every minute whether the daily backup is due (embedded database only). The attempt is
 * recorded whether it succeeds or not, so a folder that has gone is reported on the Backup screen
 * rather than retried every minute; the next day's hour tries again.
 */
export function startBackupScheduler(
  deps: { database: DatabaseHandle; clock: Clock },
  options: { intervalMs?: number; autoStart?: boolean } = {},
): BackupScheduler {
  const { database, clock } = deps;

  async function runOnce(): Promise<ScheduledBackupOutcome | null> {
    if (!database.backupTo) return null;
    const settings = await loadBackupSettings(database.db);
    if (settings.folder === null || settings.scheduleHour === null) return null;
    const now = clock.now();
    const zone = (await defaultCalendar(database.db)).timeZone;
    const last = await loadLastScheduled(database.db);
    if (!scheduledBackupDue(now, zone, settings.scheduleHour, last?.at ?? null)) return null;
    let outcome: ScheduledBackupOutcome;
    let after: unknown;
    try {
      const made = await backUpDatabase(database, { folder: settings.folder, keep: settings.keep, at: now });
      outcome = { at: now.toISOString(), ok: true, message: made.name };
      after = made;
    } catch (error) {
      outcome = { at: now.toISOString(), ok: false, message: (error as Error).message };
      after = outcome;
    }
    await inTransaction(database, async (tx) => {
      await saveLastScheduled(tx, outcome);
      await insertAudit(tx, {
        at: outcome.at,
        userId: null,
        method: SCHEDULED_BACKUP_METHOD,
        entity: 'backup',
        entityId: outcome.ok ? outcome.message : 'failed',
        before: null,
        after,
      });
    });
    return outcome;
  }

  const task = startPeriodicTask('Scheduled backup', runOnce, {
    intervalMs: options.intervalMs ?? 60_000,
    autoStart: options.autoStart !== false,
  });

  return {
    tick: task.runNow,
    async stop() {
      await task.stop();
    },
  };
}
