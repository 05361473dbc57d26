import { ApiFailure } from '../../../shared/errors';
import { putJsonSetting } from '../repositories/sla-config.repository';
import { openMbtiles } from '../services/street-map/mbtiles-file';
import {
  STREET_MAP_SETTINGS_KEY,
  describeStreetMap,
  loadStreetMapSettings,
} from '../services/street-map/street-map.service';
import type { Handlers } from './handler-types';

export const streetMapHandlers = {
  'map.streetFile': async (_input, ctx) => describeStreetMap(ctx.database.db),

  'map.saveStreetFile': async (input, ctx) => {
    if (input.file !== null) {
      // Opened once here, so a wrong file is refused now rather than found out by a blank map.
      const opened = openMbtiles(input.file);
      if (!opened.ok)
        throw new ApiFailure('invalid_input', opened.problem, [{ path: ['file'], message: opened.problem }]);
      opened.file.close();
    }
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadStreetMapSettings(tx);
      await putJsonSetting(tx, STREET_MAP_SETTINGS_KEY, input);
      await audit({ entity: 'street_map_settings', entityId: STREET_MAP_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
    });
    return describeStreetMap(ctx.database.db);
  },
} satisfies Partial<Handlers>;
