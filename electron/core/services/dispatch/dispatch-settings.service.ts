import { defaultDispatchSettings, type DispatchSettings } from '../../../../shared/domain/dispatch';
import { dispatchSettings } from '../../../../shared/domain/dispatch.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting } from '../../repositories/sla-config.repository';

export const DISPATCH_SETTINGS_KEY = 'dispatch.settings';

/** The admin's ranking weights and travel settings; the defaults until an admin saves some. */
export async function loadDispatchSettings(db: Tx): Promise<DispatchSettings> {
  return (await getJsonSetting(db, DISPATCH_SETTINGS_KEY, dispatchSettings)) ?? defaultDispatchSettings;
}
