import type { DispatchEvent } from '../../../../shared/api/events';
import { latLngOf, offlineTripMinutes, type LatLng } from '../../../../shared/domain/travel';
import type { Tx } from '../../db/transaction';
import {
  clearProjections,
  findDayVisits,
  recordDelayNotice,
  saveProjection,
  type DayVisitRow,
} from '../../repositories/visit-projection.repository';
import { loadDispatchSettings } from '../dispatch/dispatch-settings.service';
import { dayBounds } from '../dispatch/working-time';
import { queueDelayNotice } from '../messages/message-queue.service';
import { loadOutboxSettings } from '../outbox/outbox-config.service';
import { defaultCalendar } from '../sla/sla-config.service';
import { todayIn } from '../visit-status/technician-day';
import { findTechnicianPlaces, restingPlace } from '../visit-status/travel-eta';
import { needsDelayNotice, projectDay, type DayVisitPlan } from './visit-projection';

// Keeps the projected arrival of every visit not reached yet in each technician's day of today,
// and sends the delay notices it calls for. It runs inside the write of every change to a day
// (booking, move, cancellation, status, ETA) and on the delay watcher's tick, which catches the
// visit that simply runs on past its planned end with nobody touching anything.
//
// Travel is the offline estimate (the one booking rules, ranking and the board use): it runs
// while the database is locked, where a road-routing server must never be waited for.

export interface ProjectionOutcome {
  /** Visits whose projected arrival changed. */
  visitIds: string[];
  /** Their tickets. */
  ticketIds: string[];
  /** Delay notices decided (each queued unless nobody is to be told). */
  notices: number;
}

type Publish = (event: DispatchEvent) => Promise<void>;

/** Each visit's trip from where the crew is before it: the previous site that day, else where they rest. */
function plans(rows: readonly DayVisitRow[], resting: LatLng | null, travel: Parameters<typeof offlineTripMinutes>[2]) {
  let previous: LatLng | null = null;
  return rows.map((row): DayVisitPlan => {
    const site = latLngOf(row.latitude, row.longitude);
    const from = previous ?? resting;
    previous = site ?? previous;
    return {
      id: row.id,
      status: row.status,
      plannedStart: Date.parse(row.startsAt),
      plannedEnd: Date.parse(row.endsAt),
      etaAt: row.etaAt ? Date.parse(row.etaAt) : null,
      travelMinutes: from && site ? offlineTripMinutes(from, site, travel) : null,
    };
  });
}

/**
 * Projects today's day of each technician (in their zone) from `now`, stores the projection of
 * every visit they lead (the helpers' visits take part as time they are busy), queues the delay
 * notices due, and publishes `visits.projected` for the visits whose projection moved.
 */
export async function refreshTechnicianDays(
  tx: Tx,
  technicianIds: readonly string[],
  now: string,
  publish: Publish,
): Promise<ProjectionOutcome> {
  const outcome: ProjectionOutcome = { visitIds: [], ticketIds: [], notices: 0 };
  const ids = [...new Set(technicianIds)];
  if (ids.length === 0) return outcome;
  const technicians = await findTechnicianPlaces(tx, ids);
  const { travel } = await loadDispatchSettings(tx);
  const { delayGraceMinutes } = await loadOutboxSettings(tx);
  const fallbackZone = (await defaultCalendar(tx)).timeZone;
  const nowMs = Date.parse(now);
  const changed = new Set<string>();
  for (const technician of technicians) {
    const zone = technician.time_zone ?? fallbackZone;
    const day = dayBounds(todayIn(zone, now), zone);
    const rows = await findDayVisits(
      tx,
      technician.id,
      new Date(day.start).toISOString(),
      new Date(day.end).toISOString(),
    );
    const projections = new Map(
      projectDay(plans(rows, restingPlace(technician, now), travel), nowMs).map((p) => [p.visitId, p]),
    );
    const led = rows.filter((r) => r.leadId === technician.id);
    for (const row of led) {
      const projection = projections.get(row.id);
      const arrivalAt = projection ? new Date(projection.arrivalAt).toISOString() : null;
      if (arrivalAt !== row.projectedArrivalAt) changed.add(row.id);
      if (!projection || !arrivalAt) {
        if (row.projectedArrivalAt !== null) await clearProjections(tx, [row.id], now);
        continue;
      }
      await saveProjection(tx, row.id, arrivalAt, now);
      // A notice was about the plan it was sent for; a visit moved since starts afresh.
      const lastNoticeEta = row.noticeEta && row.noticePlannedStart === row.startsAt ? Date.parse(row.noticeEta) : null;
      const plannedStart = Date.parse(row.startsAt);
      if (!needsDelayNotice({ arrivalAt: projection.arrivalAt, plannedStart }, { lastNoticeEta }, delayGraceMinutes)) {
        continue;
      }
      const number = row.noticesSent + 1;
      await queueDelayNotice(tx, { visitId: row.id, number, etaAt: arrivalAt }, now);
      await recordDelayNotice(tx, row.id, { eta: arrivalAt, plannedStart: row.startsAt, number });
      outcome.notices += 1;
    }
  }
  if (changed.size > 0) {
    const ticketIds = await ticketsOf(tx, [...changed]);
    outcome.visitIds = [...changed];
    outcome.ticketIds = ticketIds;
    await publish({ type: 'visits.projected', visitIds: outcome.visitIds, ticketIds });
  }
  return outcome;
}

async function ticketsOf(tx: Tx, visitIds: readonly string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom('visits')
    .select('ticket_id')
    .distinct()
    .where('id', 'in', [...visitIds])
    .execute();
  return rows.map((r) => r.ticket_id);
}

/**
 * After a change to one visit: its own projection is cleared (cancelled, moved off today, reached)
 * and the days of everyone on its crew, before and after the change, are projected again.
 */
export async function refreshAfterVisitChange(
  tx: Tx,
  change: { visitId: string; technicianIds: readonly string[] },
  now: string,
  publish: Publish,
): Promise<ProjectionOutcome> {
  await clearProjections(tx, [change.visitId], now);
  return refreshTechnicianDays(tx, change.technicianIds, now, publish);
}
