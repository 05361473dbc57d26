import { openStatuses } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import { findClient, findSite } from '../repositories/directory.repository';
import { deleteCalendar, putJsonSetting, upsertCalendar } from '../repositories/sla-config.repository';
import { findTicket, listSlaTargets, setFirstContact, updateTicketSla } from '../repositories/ticket.repository';
import { computeDueAt } from '../services/sla/due-time';
import { requireKnownHolidayCodes } from '../services/sla/holiday-codes';
import { assessPriority } from '../services/sla/priority';
import { allCalendars, loadSlaSettings, scopeKey, SLA_SETTINGS_KEY } from '../services/sla/sla-config.service';
import { slaClock } from '../services/ticket-intake.service';
import type { Handlers } from './handler-types';

export const slaHandlers = {
  'priority.assess': async (input, ctx) => {
    const { matrix } = await loadSlaSettings(ctx.database.db);
    return assessPriority(input.criteria, matrix);
  },

  'sla.preview': async (input) => {
    requireKnownHolidayCodes(input.calendar.holidays, ['calendar', 'holidays']);
    return Promise.resolve(computeDueAt(input));
  },

  'sla.settings': async (_input, ctx) => loadSlaSettings(ctx.database.db),

  'sla.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadSlaSettings(tx);
      await putJsonSetting(tx, SLA_SETTINGS_KEY, input);
      await audit({ entity: 'sla_settings', entityId: SLA_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),

  'calendars.list': async (_input, ctx) => allCalendars(ctx.database.db),

  'calendars.save': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      requireKnownHolidayCodes(input.calendar.holidays, ['calendar', 'holidays']);
      const { scope } = input;
      if (scope.kind === 'client' && !(await findClient(tx, scope.clientId))) {
        throw new ApiFailure('invalid_input', 'No such client.', [
          { path: ['scope', 'clientId'], message: 'No such client' },
        ]);
      }
      if (scope.kind === 'site' && !(await findSite(tx, scope.siteId))) {
        throw new ApiFailure('invalid_input', 'No such site.', [
          { path: ['scope', 'siteId'], message: 'No such site' },
        ]);
      }
      // A calendar that never opens would make every due time fail: refuse it before saving.
      computeDueAt({ priority: 'low', receivedAt: ctx.now(), calendar: input.calendar });
      const key = scopeKey(scope);
      const before = (await allCalendars(tx)).find((c) => scopeKey(c.scope) === key) ?? null;
      const updatedAt = ctx.now();
      await upsertCalendar(tx, {
        scope: key,
        name: input.name,
        definition: input.calendar,
        updatedAt,
        updatedBy: requireCaller(ctx).id,
      });
      await audit({ entity: 'calendar', entityId: key, before, after: input });
      await publish({ type: 'settings.changed' });
      const saved = (await allCalendars(tx)).find((c) => scopeKey(c.scope) === key);
      if (!saved) throw new Error(`calendar ${key} vanished inside its own transaction`);
      return saved;
    }),

  'calendars.remove': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      if (input.scope.kind === 'default') {
        throw new ApiFailure('invalid_input', 'The default calendar can be edited but not removed.', [
          { path: ['scope', 'kind'], message: 'The default calendar cannot be removed' },
        ]);
      }
      const key = scopeKey(input.scope);
      if (!(await deleteCalendar(tx, key))) throw new ApiFailure('not_found', 'That scope has no calendar of its own.');
      await audit({ entity: 'calendar', entityId: key, before: { scope: key }, after: null });
      await publish({ type: 'settings.changed' });
      return null;
    }),

  'tickets.overridePriority': async (input, ctx) => {
    const caller = requireCaller(ctx);
    await ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await findTicket(tx, input.id);
      if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
      const clock = ticket.firstArrivalAt
        ? { dueAt: ticket.slaDueAt, atRiskAt: ticket.slaAtRiskAt }
        : await slaClock(
            tx,
            {
              priority: input.priority,
              receivedAt: ticket.receivedAt,
              clientId: ticket.client.id,
              siteId: ticket.site?.id ?? null,
            },
            await loadSlaSettings(tx),
          );
      const at = ctx.now();
      await updateTicketSla(tx, ticket.id, {
        priority: input.priority,
        dueAt: clock.dueAt,
        atRiskAt: clock.atRiskAt,
        override: { reason: input.reason, by: caller.id, at },
        updatedAt: at,
      });
      await audit({
        entity: 'ticket',
        entityId: ticket.id,
        before: { priority: ticket.priority, slaDueAt: ticket.slaDueAt },
        after: { priority: input.priority, slaDueAt: clock.dueAt, reason: input.reason },
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.client.id });
    });
    const updated = await findTicket(ctx.database.db, input.id);
    if (!updated) throw new ApiFailure('not_found', 'No such ticket.');
    return updated;
  },

  'tickets.recordFirstContact': async (input, ctx) => {
    await ctx.write(async ({ tx, audit, publish }) => {
      const ticket = await findTicket(tx, input.id);
      if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
      if (input.at < ticket.receivedAt || input.at > ctx.now()) {
        throw new ApiFailure('invalid_input', 'First contact lies between receipt and now.', [
          { path: ['at'], message: input.at > ctx.now() ? 'Later than now' : 'Before the request was received' },
        ]);
      }
      if (ticket.firstContactAt) {
        throw new ApiFailure('conflict', `First contact was already recorded at ${ticket.firstContactAt}.`);
      }
      await setFirstContact(tx, ticket.id, input.at, ctx.now());
      await audit({
        entity: 'ticket',
        entityId: ticket.id,
        before: { firstContactAt: null },
        after: { firstContactAt: input.at },
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.client.id });
    });
    const updated = await findTicket(ctx.database.db, input.id);
    if (!updated) throw new ApiFailure('not_found', 'No such ticket.');
    return updated;
  },

  'tickets.recomputeSla': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const targets = await listSlaTargets(tx, { ids: input.ids, statuses: openStatuses });
      // One read of the settings for the whole batch, not one per ticket.
      const settings = await loadSlaSettings(tx);
      let updated = 0;
      for (const t of targets) {
        const clock = await slaClock(tx, t, settings);
        if (clock.dueAt === t.dueAt && clock.atRiskAt === t.atRiskAt) continue;
        await updateTicketSla(tx, t.id, {
          priority: t.priority,
          dueAt: clock.dueAt,
          atRiskAt: clock.atRiskAt,
          updatedAt: ctx.now(),
        });
        await audit({
          entity: 'ticket',
          entityId: t.id,
          before: { slaDueAt: t.dueAt },
          after: { slaDueAt: clock.dueAt },
        });
        await publish({ type: 'ticket.updated', ticketId: t.id, number: t.number, clientId: t.clientId });
        updated += 1;
      }
      return { updated };
    }),
} satisfies Partial<Handlers>;
