import { putJsonSetting } from '../repositories/sla-config.repository';
import { ORGANISATION_SETTINGS_KEY, loadOrganisationSettings } from '../services/organisation-settings.service';
import type { Handlers } from './handler-types';

export const organisationHandlers = {
  'organisation.settings': async (_input, ctx) => loadOrganisationSettings(ctx.database.db),

  'organisation.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadOrganisationSettings(tx);
      await putJsonSetting(tx, ORGANISATION_SETTINGS_KEY, input);
      await audit({ entity: 'organisation_settings', entityId: ORGANISATION_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),
} satisfies Partial<Handlers>;
