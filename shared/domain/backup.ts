/** Where and when the embedded database is backed up; the admin sets them on the Backup screen. */
export interface BackupSettings {
  /** An absolute folder on this machine; null until an admin chooses one. */
  folder: string | null;
  /** The hour (0–23, in the organisation's zone) of the daily backup; null for no schedule. */
  scheduleHour: number | null;
  /** How many backups to keep; the oldest beyond this number are deleted after each backup. */
  keep: number;
}

export const defaultBackupSettings: Readonly<BackupSettings> = Object.freeze({
  folder: null,
  scheduleHour: null,
  keep: 7,
});

/** One backup file that passed its integrity check when it was made. */
export interface BackupFileDto {
  name: string;
  /** The full path on the machine that runs the core. */
  path: string;
  sizeBytes: number;
  /** When the backup was taken (the console's clock, UTC). */
  createdAt: string;
}

export interface BackupListDto {
  backups: BackupFileDto[];
  /** Why the folder could not be read (missing, not a folder…), or null. */
  folderProblem: string | null;
}

/** The outcome of the last scheduled backup. */
export interface ScheduledBackupOutcome {
  at: string;
  ok: boolean;
  /** The backup's name, or why it failed. */
  message: string;
}

/** A restore waiting for the next start of the console. */
export interface PendingRestoreDto {
  /** The backup it was taken from. */
  from: string;
  stagedAt: string;
}

export interface BackupStatusDto {
  /** 'postgres': backups are the database server's job (pg_dump); the console makes none. */
  engine: 'sqlite' | 'postgres';
  settings: BackupSettings;
  /** The organisation's zone, in which scheduleHour is read. */
  timeZone: string;
  lastScheduled: ScheduledBackupOutcome | null;
  pendingRestore: PendingRestoreDto | null;
}

export interface RestoreStagedDto {
  pendingRestore: PendingRestoreDto;
}
