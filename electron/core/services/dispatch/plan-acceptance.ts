// Accepting a plan writes all of it or nothing, in the caller's one transaction: every visit it
// moves must still be as it was when the plan was made, every ticket it books must still be
// unbooked, and the database's no-overlap rule has the last word over anything booked meanwhile.
import { randomUUID } from 'node:crypto';
import { openStatuses } from '../../../../shared/domain/ticket';
import { ApiFailure } from '../../../../shared/errors';
import type { WriteTx } from '../../context';
import { findTicketForBooking } from '../../repositories/ticket.repository';
import {
  crewOf,
  findVisitRecord,
  hasLiveVisit,
  insertVisit,
  releaseCrew,
  replaceCrew,
  updateVisitIfVersion,
} from '../../repositories/visit.repository';
import { refreshAfterVisitChange, refreshTechnicianDays } from '../delays/delay-projection.service';
import { queueVisitMessages } from '../messages/message-queue.service';
import type { StoredPlan } from './plan-store';
import { recordBooking } from './visit-booking.service';

function stale(message: string): ApiFailure {
  return new ApiFailure('stale', `${message} since the plan was made; nothing was changed. Optimize again.`);
}

export async function acceptPlan(
  { tx, audit, publish }: WriteTx,
  stored: StoredPlan,
  meta: { now: string; by: string },
): Promise<{ created: number; moved: number; unchanged: number }> {
  const changes = stored.plan.visits;
  const moves = changes.filter((v) => v.visitId !== null && (v.change === 'moved' || v.change === 'reassigned'));
  const bookings = changes.filter((v) => v.change === 'new');

  // Check everything first, so a refusal changes nothing.
  const crewBefore = new Map<string, string[]>();
  for (const planned of changes.filter((v) => v.visitId !== null)) {
    const current = await findVisitRecord(tx, planned.visitId as string);
    if (!current || current.version !== stored.visitVersions.get(current.id) || current.status !== 'scheduled')
      throw stale(`The visit for ${planned.number} changed`);
    crewBefore.set(current.id, [current.technicianId, ...current.helperIds]);
  }
  const tickets = new Map<string, NonNullable<Awaited<ReturnType<typeof findTicketForBooking>>>>();
  for (const planned of bookings) {
    const ticket = await findTicketForBooking(tx, planned.ticketId);
    if (!ticket || !openStatuses.includes(ticket.status) || (await hasLiveVisit(tx, ticket.id)))
      throw stale(`${planned.number} was booked, closed or removed`);
    tickets.set(ticket.id, ticket);
  }

  // Free the moved visits' time first: two visits that swap places must not clash halfway.
  for (const planned of moves) await releaseCrew(tx, planned.visitId as string);
  for (const planned of moves) {
    const id = planned.visitId as string;
    const version = stored.visitVersions.get(id) ?? -1;
    const updated = await updateVisitIfVersion(tx, id, version, {
      technicianId: planned.technicianId,
      startsAt: planned.startsAt,
      endsAt: planned.endsAt,
      override: null,
      at: meta.now,
      by: meta.by,
    });
    if (!updated) throw stale(`The visit for ${planned.number} changed`);
    await replaceCrew(tx, id, crewOf(planned.technicianId, []), planned.startsAt, planned.endsAt);
    await queueVisitMessages(tx, id, { kind: 'rescheduled', previousCrewIds: crewBefore.get(id) ?? [] }, meta.now);
    await audit({
      entity: 'visit',
      entityId: id,
      ticketId: planned.ticketId,
      before: planned.previous,
      after: { ...planned, by: 'optimizer' },
    });
    await publish({
      type: 'visit.changed',
      visitId: id,
      ticketId: planned.ticketId,
      number: planned.number,
      change: 'rescheduled',
      technicianIds: [...new Set([planned.technicianId, planned.previous?.technicianId ?? planned.technicianId])],
    });
  }

  for (const planned of bookings) {
    const ticket = tickets.get(planned.ticketId);
    if (!ticket) continue;
    const id = randomUUID();
    await insertVisit(tx, {
      id,
      ticketId: ticket.id,
      technicianId: planned.technicianId,
      startsAt: planned.startsAt,
      endsAt: planned.endsAt,
      resolveFrom: null,
      resolveBy: null,
      pinned: false,
      override: null,
      crew: crewOf(planned.technicianId, []),
      at: meta.now,
      by: meta.by,
    });
    await recordBooking(
      { tx, audit, publish },
      {
        visitId: id,
        ticket,
        technicianIds: [planned.technicianId],
        now: meta.now,
        details: { ...planned, by: 'optimizer', planId: stored.plan.id },
      },
    );
    await queueVisitMessages(tx, id, { kind: 'booked' }, meta.now);
  }
  // Every day the plan touched is projected again, once, after all its changes.
  for (const planned of moves)
    await refreshAfterVisitChange(tx, { visitId: planned.visitId as string, technicianIds: [] }, meta.now, publish);
  const touched = [...changes.map((v) => v.technicianId), ...[...crewBefore.values()].flat()];
  await refreshTechnicianDays(tx, touched, meta.now, publish);
  return { created: bookings.length, moved: moves.length, unchanged: changes.length - bookings.length - moves.length };
}
