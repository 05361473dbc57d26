import { defaultGeocoderSettings, type GeocoderSettings } from '../../../../shared/domain/geocoder';
import { geocoderSettings } from '../../../../shared/domain/geocoder.schema';
import type { Tx } from '../../db/transaction';
import { getJsonSetting } from '../../repositories/sla-config.repository';

export const GEOCODER_SETTINGS_KEY = 'geocoder.settings';

/** The admin's geocoder; off until an admin sets one up. */
export async function loadGeocoderSettings(db: Tx): Promise<GeocoderSettings> {
  return (await getJsonSetting(db, GEOCODER_SETTINGS_KEY, geocoderSettings)) ?? defaultGeocoderSettings;
}
