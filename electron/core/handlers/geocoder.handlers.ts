import { geocode } from '../services/geocoder/geocode';
import { GEOCODER_SETTINGS_KEY, loadGeocoderSettings } from '../services/geocoder/geocoder-settings.service';
import { putJsonSetting } from '../repositories/sla-config.repository';
import type { Handlers } from './handler-types';

export const geocoderHandlers = {
  'geocoder.settings': async (_input, ctx) => loadGeocoderSettings(ctx.database.db),

  'geocoder.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadGeocoderSettings(tx);
      await putJsonSetting(tx, GEOCODER_SETTINGS_KEY, input);
      await audit({ entity: 'geocoder_settings', entityId: GEOCODER_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),

  // Read outside any transaction: a slow geocoder must never hold the database.
  'geocoder.search': async (input, ctx) => geocode(await loadGeocoderSettings(ctx.database.db), input.address),
} satisfies Partial<Handlers>;
