import { defaultScheduleMailSettings, type ScheduleMailSettings } from '../../../../shared/domain/messages';
import { scheduleMailSettings } from '../../../../shared/domain/messages.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting, putJsonSetting } from '../../repositories/sla-config.repository';

export const SCHEDULE_MAIL_SETTINGS_KEY = 'schedules.email';

/** Whether and when technicians are e-mailed the next day's schedule; off until an admin turns it on. */
export async function loadScheduleMailSettings(db: Tx): Promise<ScheduleMailSettings> {
  return (await getJsonSetting(db, SCHEDULE_MAIL_SETTINGS_KEY, scheduleMailSettings)) ?? defaultScheduleMailSettings;
}

export async function saveScheduleMailSettings(db: Tx, settings: ScheduleMailSettings): Promise<void> {
  await putJsonSetting(db, SCHEDULE_MAIL_SETTINGS_KEY, settings);
}
