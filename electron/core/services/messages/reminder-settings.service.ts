import { defaultReminderSettings, type ReminderSettings } from '../../../../shared/domain/messages';
import { reminderSettings } from '../../../../shared/domain/messages.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting, putJsonSetting } from '../../repositories/sla-config.repository';

export const REMINDER_SETTINGS_KEY = 'messages.reminder';

export async function loadReminderSettings(db: Tx): Promise<ReminderSettings> {
  return (await getJsonSetting(db, REMINDER_SETTINGS_KEY, reminderSettings)) ?? defaultReminderSettings;
}

export async function saveReminderSettings(db: Tx, settings: ReminderSettings): Promise<void> {
  await putJsonSetting(db, REMINDER_SETTINGS_KEY, settings);
}
