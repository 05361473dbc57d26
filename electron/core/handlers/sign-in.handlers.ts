import { listThrottles, deleteThrottle } from '../repositories/sign-in-throttle.repository';
import { putJsonSetting } from '../repositories/sla-config.repository';
import { loadSignInSettings, SIGN_IN_SETTINGS_KEY } from '../services/sign-in-guard';
import { isStale } from '../services/sign-in-throttle.service';
import type { Handlers } from './handler-types';

export const signInHandlers = {
  'signIn.settings': async (_input, ctx) => loadSignInSettings(ctx.database.db),

  'signIn.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadSignInSettings(tx);
      await putJsonSetting(tx, SIGN_IN_SETTINGS_KEY, input);
      await audit({ entity: 'sign_in_settings', entityId: SIGN_IN_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),

  'signIn.locks': async (_input, ctx) => {
    const settings = await loadSignInSettings(ctx.database.db);
    const nowMs = ctx.clock.now().getTime();
    // Only what still counts: a lock that ran out or old failures are history (the audit log has them).
    return (await listThrottles(ctx.database.db)).filter((t) => t.failures > 0 && !isStale(t, settings, nowMs));
  },

  'signIn.unlock': async (input, ctx) =>
    ctx.write(async ({ tx, audit }) => {
      const before = await deleteThrottle(tx, input);
      if (before) await audit({ entity: 'sign_in_lock', entityId: `${input.kind}:${input.name}`, before, after: null });
      return null;
    }),
} satisfies Partial<Handlers>;
