import { randomUUID } from 'node:crypto';
import { defaultDispatchSettings, dispatchSettings, type DispatchSettings } from '../../../shared/domain/dispatch';
import { openStatuses } from '../../../shared/domain/ticket';
import { liveVisitStatuses } from '../../../shared/domain/visit';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import { isOverlapViolation } from '../db/errors';
import type { Tx } from '../db/transaction';
import { getJsonSetting, putJsonSetting } from '../repositories/sla-config.repository';
import { placesOf, travelTableLookup, type OptimizeProgress } from '../services/dispatch/optimize-day';
import { runOptimizer } from '../services/dispatch/optimize-runner';
import { loadPeriod, loadTicketNeeds } from '../services/dispatch/load-period';
import { acceptPlan } from '../services/dispatch/plan-acceptance';
import { cancelRun, dropPlan, endRun, findPlan, registerRun, storePlan } from '../services/dispatch/plan-store';
import { droppedBookings, planPreview } from '../services/dispatch/plan-summary';
import { rankTechnicians } from '../services/dispatch/recommend';
import { dayBounds } from '../services/dispatch/working-time';
import { offlineMinutes } from '../services/travel/offline-travel';
import { travelModel } from '../services/travel/road-travel';
import type { Handlers } from './handler-types';

const DISPATCH_SETTINGS_KEY = 'dispatch.settings';
/** Progress reaches the console at most this often; the search improves far more often. */
const PROGRESS_EVERY_MS = 250;

export async function loadDispatchSettings(db: Tx): Promise<DispatchSettings> {
  return (await getJsonSetting(db, DISPATCH_SETTINGS_KEY, dispatchSettings)) ?? defaultDispatchSettings;
}

/** Open tickets that have no visit holding anyone's time: what the optimizer must place. */
async function unassignedTicketIds(db: Tx): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .select('t.id')
    .where('t.status', 'in', [...openStatuses])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('visits as v')
            .select('v.id')
            .whereRef('v.ticket_id', '=', 't.id')
            .where('v.status', 'in', [...liveVisitStatuses]),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

export const dispatchHandlers = {
  'dispatch.recommend': async (input, ctx) => {
    const db = ctx.database.db;
    const settings = await loadDispatchSettings(db);
    const ticketExists = await db
      .selectFrom('tickets')
      .select('id')
      .where('id', '=', input.ticketId)
      .executeTakeFirst();
    if (!ticketExists) throw new ApiFailure('not_found', 'No such ticket.');
    const period = await loadPeriod(db, { from: input.day, to: input.day });
    const [ticket] = await loadTicketNeeds(db, [input.ticketId], period.period, period.zone);
    if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
    // Ranking is on the interactive path: travel is the offline estimate, never a network call.
    return rankTechnicians(ticket, period.technicians, {
      day: dayBounds(input.day, period.zone),
      now: Date.parse(ctx.now()),
      weights: settings.weights,
      travel: offlineMinutes(settings.travel),
      timeZone: period.zone,
      explainTop: input.explainTop,
    });
  },

  'dispatch.optimize': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const runId = input.runId ?? randomUUID();
    const db = ctx.database.db;
    const settings = await loadDispatchSettings(db);
    const period = await loadPeriod(db, {
      from: input.from,
      to: input.to,
      ...(input.technicianIds ? { technicianIds: input.technicianIds } : {}),
    });
    const movable = period.technicians.flatMap((t) => t.visits.filter((v) => !v.pinned));
    // The versions the plan is made from: accepting refuses if any of these visits changes meanwhile.
    const versions = await db
      .selectFrom('visits')
      .select(['id', 'version'])
      .where('id', 'in', movable.length > 0 ? movable.map((v) => v.visitId) : [''])
      .execute();
    const ticketIds = [...new Set([...(await unassignedTicketIds(db)), ...movable.map((v) => v.ticketId)])];
    const tickets = await loadTicketNeeds(db, ticketIds, period.period, period.zone);
    const plain = { days: period.days, now: Date.parse(ctx.now()), technicians: period.technicians, tickets };
    const places = placesOf(plain);
    const matrix = await travelModel(settings.travel).matrix(places, places);

    let lastProgress = 0;
    const announce = (progress: OptimizeProgress) => {
      const now = performance.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      ctx.events.announce({ type: 'dispatch.progress', runId, ...progress });
    };
    const run = runOptimizer(
      {
        input: plain,
        travel: { places, minutes: matrix.minutes },
        timeLimitMs: input.timeLimitSeconds * 1000,
        seed: 1,
      },
      announce,
    );
    if (!registerRun(runId, { cancel: () => run.cancel(), userId: caller.id })) {
      run.cancel();
      throw new ApiFailure('conflict', 'An optimization with this run id is already running.', [
        { path: ['runId'], message: 'Already running' },
      ]);
    }
    const result = await run.result.finally(() => endRun(runId));
    const dropped = droppedBookings({ ...plain, travel: () => 0 }, result);
    if (result.problems.length > 0 || dropped.length > 0) {
      // The independent check disagreed with the search: never offer such a plan.
      console.error('dispatch.optimize: plan refused by the checker', result.problems, dropped);
      throw new ApiFailure('internal', 'The optimizer could not produce a plan that keeps every rule. Try again.');
    }
    const planId = randomUUID();
    const plan = planPreview({ ...plain, travel: travelTableLookup({ places, minutes: matrix.minutes }) }, result, {
      id: planId,
      from: input.from,
      to: input.to,
      createdAt: ctx.now(),
      travelSource: matrix.source,
    });
    storePlan(
      planId,
      {
        plan,
        database: ctx.database,
        userId: caller.id,
        visitVersions: new Map(versions.map((v) => [v.id, v.version])),
      },
      ctx.clock.now(),
    );
    return plan;
  },

  'dispatch.cancel': (input) => Promise.resolve({ cancelled: cancelRun(input.runId) }),

  'dispatch.acceptPlan': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const stored = findPlan(input.planId, ctx.database, ctx.clock.now());
    if (!stored) throw new ApiFailure('not_found', 'No such plan: it was accepted, discarded or has expired.');
    try {
      const outcome = await ctx.write((tx) => acceptPlan(tx, stored, { now: ctx.now(), by: caller.id }));
      dropPlan(input.planId);
      return outcome;
    } catch (error) {
      if (isOverlapViolation(error)) {
        throw new ApiFailure(
          'conflict',
          'Someone booked one of these technicians into the planned time meanwhile; nothing was changed. Optimize again.',
        );
      }
      throw error;
    }
  },

  'dispatch.discardPlan': (input) => Promise.resolve({ discarded: dropPlan(input.planId) }),

  'dispatch.settings': async (_input, ctx) => loadDispatchSettings(ctx.database.db),

  'dispatch.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadDispatchSettings(tx);
      await putJsonSetting(tx, DISPATCH_SETTINGS_KEY, input);
      await audit({ entity: 'dispatch_settings', entityId: DISPATCH_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),
} satisfies Partial<Handlers>;
