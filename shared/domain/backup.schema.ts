import { z } from 'zod';

// Whether a path is absolute depends on the platform of the core, so the handler checks that.
const folderPath = z.string().trim().min(1, 'Choose a folder').max(1000);

export const backupSettingsInput = z.strictObject({
  folder: folderPath.nullable(),
  scheduleHour: z.int('A whole hour from 0 to 23').min(0).max(23).nullable(),
  keep: z.int('A whole number of backups from 1 to 365').min(1).max(365),
});

export const backupRestoreInput = z.strictObject({
  file: z.string().trim().min(1, 'Choose a backup file').max(1000),
});
