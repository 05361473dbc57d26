import type { VisitDto } from '../../../shared/domain/visit';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import type { Tx } from '../db/transaction';
import { findVisitRecord, listVisits, technicianIdsOfUser } from '../repositories/visit.repository';
import { dayBounds } from '../services/dispatch/working-time';
import { defaultCalendar } from '../services/sla/sla-config.service';
import { technicianDay, todayIn } from '../services/visit-status/technician-day';
import { findTechnicianPlaces, originFor, suggestEtas } from '../services/visit-status/travel-eta';
import { recordStatusChange } from '../services/visit-status/visit-status.service';
import { loadDispatchSettings } from '../services/dispatch/dispatch-settings.service';
import type { Handlers } from './handler-types';

/**
 * The ETA when the crew sets off without giving one: travel from the technician's previous visit
 * that day (or where they rest) to the site. Worked out before the write, so a road-routing
 * server is never asked while the database is locked; the write then checks it like a given one.
 * The technician is the caller when they are on the crew, else the lead.
 */
async function defaultEta(
  db: Tx,
  visitId: string,
  callerTechnicianIds: readonly string[],
  at: string,
): Promise<string | null> {
  const visit = await findVisitRecord(db, visitId);
  if (!visit) return null;
  const crew = [visit.technicianId, ...visit.helperIds];
  const who = crew.find((id) => callerTechnicianIds.includes(id)) ?? visit.technicianId;
  const [technician] = await findTechnicianPlaces(db, [who]);
  if (!technician) return null;
  const zone = technician.time_zone ?? (await defaultCalendar(db)).timeZone;
  const day = dayBounds(todayIn(zone, visit.startsAt), zone);
  const from = await originFor(db, technician, visit, new Date(day.start).toISOString(), at);
  const site = await db
    .selectFrom('tickets as t')
    .innerJoin('sites as s', 's.id', 't.site_id')
    .select(['s.latitude', 's.longitude'])
    .where('t.id', '=', visit.ticketId)
    .executeTakeFirst();
  const to = site?.latitude != null && site.longitude != null ? { lat: site.latitude, lng: site.longitude } : null;
  const settings = await loadDispatchSettings(db);
  const [eta] = await suggestEtas(settings.travel, [{ from, to, plannedStart: visit.startsAt }], at);
  return eta?.etaAt ?? null;
}

async function visitDto(ctx: HandlerContext, id: string): Promise<VisitDto> {
  const [visit] = await listVisits(ctx.database.db, { ids: [id], includeCancelled: true });
  if (!visit) throw new Error(`visit ${id} vanished after its commit`);
  return visit;
}

export const visitStatusHandlers = {
  'visits.setStatus': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const now = ctx.now();
    const at = input.at ?? now;
    const callerTechnicianIds = await technicianIdsOfUser(ctx.database.db, caller.id);
    const etaAt =
      input.status !== 'en_route'
        ? null
        : (input.etaAt ?? (await defaultEta(ctx.database.db, input.id, callerTechnicianIds, at)));
    await ctx.write((w) =>
      recordStatusChange(w, {
        id: input.id,
        expectedVersion: input.expectedVersion,
        status: input.status,
        at,
        etaAt,
        reason: input.reason ?? null,
        note: input.note,
        now,
        caller,
        callerTechnicianIds,
      }),
    );
    return visitDto(ctx, input.id);
  },

  'visits.myDay': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const db = ctx.database.db;
    const mine = await technicianIdsOfUser(db, caller.id);
    if (input.technicianId && caller.role === 'technician' && !mine.includes(input.technicianId)) {
      throw new ApiFailure('forbidden', "A technician can see only their own day; a dispatcher can see anyone's.");
    }
    const technicians = await findTechnicianPlaces(db, input.technicianId ? [input.technicianId] : mine);
    if (input.technicianId && technicians.length === 0) {
      throw new ApiFailure('invalid_input', 'No such technician.', [
        { path: ['technicianId'], message: 'No such technician' },
      ]);
    }
    const zone = technicians[0]?.time_zone ?? (await defaultCalendar(db)).timeZone;
    const now = ctx.now();
    const settings = await loadDispatchSettings(db);
    return technicianDay(db, {
      technicians,
      zone,
      date: input.date ?? todayIn(zone, now),
      now,
      travel: settings.travel,
    });
  },
} satisfies Partial<Handlers>;
