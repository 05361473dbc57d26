import { z } from 'zod';
import { publicBaseUrl } from '../../../../shared/domain/feedback.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting, putJsonSetting } from '../../repositories/sla-config.repository';

export const FEEDBACK_SETTINGS_KEY = 'feedback.settings';

const storedSettings = z.object({ publicBaseUrl });

/** The public address an admin set for feedback links; null when none was set. */
export async function loadFeedbackBaseUrl(db: Tx): Promise<string | null> {
  return (await getJsonSetting(db, FEEDBACK_SETTINGS_KEY, storedSettings))?.publicBaseUrl ?? null;
}

export async function saveFeedbackBaseUrl(db: Tx, url: string | null): Promise<void> {
  await putJsonSetting(db, FEEDBACK_SETTINGS_KEY, { publicBaseUrl: url });
}
