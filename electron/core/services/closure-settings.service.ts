import { defaultClosureSettings, type ClosureSettings } from '../../../shared/domain/closure';
import { closureSettings } from '../../../shared/domain/closure.schema';
import type { Tx } from '../db/transaction';
import { getJsonSetting } from '../repositories/sla-config.repository';

export const CLOSURE_SETTINGS_KEY = 'closure.settings';

/** How long a closed ticket may be reopened; the default until an admin saves another. */
export async function loadClosureSettings(db: Tx): Promise<ClosureSettings> {
  return (await getJsonSetting(db, CLOSURE_SETTINGS_KEY, closureSettings)) ?? defaultClosureSettings;
}
