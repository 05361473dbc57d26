import { randomUUID } from 'node:crypto';
import { openStatuses } from '../../../shared/domain/ticket';
import { liveVisitStatuses, type VisitDto } from '../../../shared/domain/visit';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext, type WriteTx } from '../context';
import { isOverlapViolation } from '../db/errors';
import type { Tx } from '../db/transaction';
import { findTicketForBooking, setTicketStatus } from '../repositories/ticket.repository';
import {
  crewOf,
  findVisitRecord,
  hasLiveVisit,
  insertVisit,
  listVisits,
  releaseCrew,
  replaceCrew,
  technicianIdsOfUser,
  updateVisitIfVersion,
  type VisitRecord,
} from '../repositories/visit.repository';
import {
  overlapFailure,
  overrideFor,
  recordBooking,
  refuseClashes,
  requireCrew,
  ruleBreaches,
} from '../services/dispatch/visit-booking.service';
import { refreshAfterVisitChange } from '../services/delays/delay-projection.service';
import { queueVisitMessages } from '../services/messages/message-queue.service';
import type { Handlers } from './handler-types';

const MINUTE = 60_000;

async function requireOpenTicket(tx: Tx, ticketId: string, path: string) {
  const ticket = await findTicketForBooking(tx, ticketId);
  if (!ticket) throw new ApiFailure('invalid_input', 'No such ticket.', [{ path: [path], message: 'No such ticket' }]);
  if (!openStatuses.includes(ticket.status)) {
    throw new ApiFailure('invalid_input', `Ticket ${ticket.number} is ${ticket.status}; visits are for open tickets.`, [
      { path: [path], message: `The ticket is ${ticket.status}` },
    ]);
  }
  return ticket;
}

/** The visit at the version the caller read; `stale` when it moved on, refused once it is over. */
async function requireVisit(tx: Tx, id: string, expectedVersion: number): Promise<VisitRecord> {
  const visit = await findVisitRecord(tx, id);
  if (!visit) throw new ApiFailure('not_found', 'No such visit.');
  if (visit.version !== expectedVersion) throw staleVisit(visit.version, expectedVersion);
  if (!liveVisitStatuses.includes(visit.status)) {
    throw new ApiFailure('invalid_input', `The visit is ${visit.status}; book a new one instead.`, [
      { path: ['id'], message: `The visit is ${visit.status}` },
    ]);
  }
  return visit;
}

function staleVisit(current: number | null, expected: number): ApiFailure {
  const now = current === null ? '' : ` (it is at version ${current}; you had ${expected})`;
  return new ApiFailure(
    'stale',
    `Someone else changed this visit since you opened it${now}. Reload it and try again.`,
    [{ path: ['expectedVersion'], message: 'Changed since' }],
  );
}

async function visitDto(ctx: HandlerContext, id: string): Promise<VisitDto> {
  const [visit] = await listVisits(ctx.database.db, { ids: [id], includeCancelled: true });
  if (!visit) throw new Error(`visit ${id} vanished after its commit`);
  return visit;
}

/** Runs a booking write; a crew row the database refused as overlapping answers `conflict`. */
async function writeBooking(
  ctx: HandlerContext,
  attempt: { crewIds: string[]; startsAt: string; endsAt: string; exceptVisitId: string | null },
  work: (tx: WriteTx) => Promise<void>,
): Promise<void> {
  try {
    await ctx.write(work);
  } catch (error) {
    // The check inside the write saw no clash, yet the database refused: another booking
    // committed in between (PostgreSQL; on SQLite the write lock rules it out). Name it now.
    if (isOverlapViolation(error)) throw await overlapFailure(ctx.database.db, attempt.crewIds, attempt);
    throw error;
  }
}

export const visitHandlers = {
  'visits.create': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const id = randomUUID();
    const startsAt = input.startsAt;
    const endsAt = new Date(Date.parse(startsAt) + input.durationMinutes * MINUTE).toISOString();
    const crew = crewOf(input.technicianId, input.helperIds);
    const crewIds = [input.technicianId, ...input.helperIds];
    await writeBooking(ctx, { crewIds, startsAt, endsAt, exceptVisitId: null }, async ({ tx, audit, publish }) => {
      const ticket = await requireOpenTicket(tx, input.ticketId, 'ticketId');
      const technicians = await requireCrew(tx, input.technicianId, input.helperIds);
      await refuseClashes(tx, crewIds, { startsAt, endsAt, exceptVisitId: null });
      const breaches = await ruleBreaches(tx, technicians, {
        start: Date.parse(startsAt),
        end: Date.parse(endsAt),
        location: ticket.location,
        exceptVisitId: null,
      });
      const override = overrideFor(breaches, input.override);
      const now = ctx.now();
      await insertVisit(tx, {
        id,
        ticketId: ticket.id,
        technicianId: input.technicianId,
        startsAt,
        endsAt,
        resolveFrom: input.resolveFrom,
        resolveBy: input.resolveBy,
        pinned: input.pinned,
        override,
        crew,
        at: now,
        by: caller.id,
      });
      await recordBooking(
        { tx, audit, publish },
        { visitId: id, ticket, technicianIds: crewIds, now, details: { ...input, endsAt, override } },
      );
      await queueVisitMessages(tx, id, { kind: 'booked' }, now);
      await refreshAfterVisitChange(tx, { visitId: id, technicianIds: crewIds }, now, publish);
    });
    return visitDto(ctx, id);
  },

  'visits.update': async (input, ctx) => {
    const caller = requireCaller(ctx);
    // The new schedule depends on the stored visit; read it first for the overlap fallback, and
    // again inside the write, which is what counts.
    const stored = await findVisitRecord(ctx.database.db, input.id);
    if (!stored) throw new ApiFailure('not_found', 'No such visit.');
    const plan = (before: VisitRecord) => {
      const technicianId = input.technicianId ?? before.technicianId;
      // Promoting a helper to lead takes them off the helpers unless the helpers are given anew.
      const helperIds = input.helperIds ?? before.helperIds.filter((h) => h !== technicianId);
      const startsAt = input.startsAt ?? before.startsAt;
      const minutes = input.durationMinutes ?? (Date.parse(before.endsAt) - Date.parse(before.startsAt)) / MINUTE;
      const endsAt = new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString();
      return { technicianId, helperIds, startsAt, endsAt };
    };
    const guess = plan(stored);
    await writeBooking(
      ctx,
      {
        crewIds: [guess.technicianId, ...guess.helperIds],
        startsAt: guess.startsAt,
        endsAt: guess.endsAt,
        exceptVisitId: input.id,
      },
      async ({ tx, audit, publish }) => {
        const before = await requireVisit(tx, input.id, input.expectedVersion);
        const ticket = await requireOpenTicket(tx, before.ticketId, 'id');
        const next = plan(before);
        const index = next.helperIds.indexOf(next.technicianId);
        if (index >= 0) {
          throw new ApiFailure('invalid_input', 'The lead cannot also be a helper.', [
            { path: ['helperIds', index], message: 'The lead cannot also be a helper' },
          ]);
        }
        const resolveFrom = input.resolveFrom !== undefined ? input.resolveFrom : before.resolveFrom;
        const resolveBy = input.resolveBy !== undefined ? input.resolveBy : before.resolveBy;
        if (resolveBy && (resolveBy <= next.startsAt || (resolveFrom && resolveBy <= resolveFrom))) {
          throw new ApiFailure('invalid_input', 'The resolution window must end after the visit starts.', [
            { path: ['resolveBy'], message: 'After the visit starts and after resolveFrom' },
          ]);
        }
        const crewIds = [next.technicianId, ...next.helperIds];
        const rescheduled =
          next.startsAt !== before.startsAt ||
          next.endsAt !== before.endsAt ||
          next.technicianId !== before.technicianId ||
          [...next.helperIds].sort().join() !== [...before.helperIds].sort().join();
        let override = before.override;
        if (rescheduled) {
          const technicians = await requireCrew(tx, next.technicianId, next.helperIds);
          await refuseClashes(tx, crewIds, { startsAt: next.startsAt, endsAt: next.endsAt, exceptVisitId: before.id });
          const breaches = await ruleBreaches(tx, technicians, {
            start: Date.parse(next.startsAt),
            end: Date.parse(next.endsAt),
            location: ticket.location,
            exceptVisitId: before.id,
          });
          // The old override was for the old time and crew; the new ones need their own.
          override = overrideFor(breaches, input.override);
        }
        const now = ctx.now();
        const saved = await updateVisitIfVersion(tx, before.id, input.expectedVersion, {
          technicianId: next.technicianId,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          resolveFrom,
          resolveBy,
          ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
          override,
          at: now,
          by: caller.id,
        });
        if (!saved) throw staleVisit(null, input.expectedVersion);
        if (rescheduled) {
          await replaceCrew(tx, before.id, crewOf(next.technicianId, next.helperIds), next.startsAt, next.endsAt);
          await setTicketStatus(tx, ticket.id, ticket.status, now);
          // The contact and the crew hear of a move or a new crew; a pin or a resolution window is internal.
          const previousCrewIds = [before.technicianId, ...before.helperIds];
          await queueVisitMessages(tx, before.id, { kind: 'rescheduled', previousCrewIds }, now);
        }
        await audit({
          entity: 'visit',
          entityId: before.id,
          ticketId: before.ticketId,
          before,
          after: { ...next, resolveFrom, resolveBy, pinned: input.pinned ?? before.pinned, override },
        });
        await publish({
          type: 'visit.changed',
          visitId: before.id,
          ticketId: ticket.id,
          number: ticket.number,
          change: 'rescheduled',
          technicianIds: [...new Set([before.technicianId, ...before.helperIds, ...crewIds])],
        });
        if (rescheduled) {
          const technicianIds = [before.technicianId, ...before.helperIds, ...crewIds];
          await refreshAfterVisitChange(tx, { visitId: before.id, technicianIds }, now, publish);
          await publish({
            type: 'ticket.updated',
            ticketId: ticket.id,
            number: ticket.number,
            clientId: ticket.clientId,
          });
        }
      },
    );
    return visitDto(ctx, input.id);
  },

  'visits.cancel': async (input, ctx) => {
    const caller = requireCaller(ctx);
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await requireVisit(tx, input.id, input.expectedVersion);
      const now = ctx.now();
      const saved = await updateVisitIfVersion(tx, before.id, input.expectedVersion, {
        status: 'cancelled',
        cancelReason: input.reason,
        at: now,
        by: caller.id,
      });
      if (!saved) throw staleVisit(null, input.expectedVersion);
      await releaseCrew(tx, before.id);
      await queueVisitMessages(tx, before.id, { kind: 'cancelled' }, now);
      const crewIds = [before.technicianId, ...before.helperIds];
      await refreshAfterVisitChange(tx, { visitId: before.id, technicianIds: crewIds }, now, publish);
      const ticket = await findTicketForBooking(tx, before.ticketId);
      if (!ticket) throw new Error(`visit ${before.id} has no ticket`);
      // A ticket whose last visit is cancelled needs dispatching again, so it returns to the queue as new.
      const status = ticket.status === 'scheduled' && !(await hasLiveVisit(tx, ticket.id)) ? 'new' : ticket.status;
      await setTicketStatus(tx, ticket.id, status, now);
      await audit({
        entity: 'visit',
        entityId: before.id,
        ticketId: before.ticketId,
        before: { status: before.status },
        after: { status: 'cancelled', reason: input.reason },
      });
      if (status !== ticket.status) {
        await audit({ entity: 'ticket', entityId: ticket.id, before: { status: ticket.status }, after: { status } });
      }
      await publish({
        type: 'visit.changed',
        visitId: before.id,
        ticketId: ticket.id,
        number: ticket.number,
        change: 'cancelled',
        technicianIds: [before.technicianId, ...before.helperIds],
      });
      await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
    });
    return visitDto(ctx, input.id);
  },

  'visits.updateChecklist': async (input, ctx) => {
    const caller = requireCaller(ctx);
    await ctx.write(async ({ tx, audit, publish }) => {
      const before = await requireVisit(tx, input.id, input.expectedVersion);
      const checklist = { contact: input.contact, locationConfirmed: input.locationConfirmed, access: input.access };
      const saved = await updateVisitIfVersion(tx, before.id, input.expectedVersion, {
        checklist,
        at: ctx.now(),
        by: caller.id,
      });
      if (!saved) throw staleVisit(null, input.expectedVersion);
      const ticket = await findTicketForBooking(tx, before.ticketId);
      if (!ticket) throw new Error(`visit ${before.id} has no ticket`);
      await audit({ entity: 'visit', entityId: before.id, ticketId: before.ticketId, after: { checklist } });
      await publish({
        type: 'visit.changed',
        visitId: before.id,
        ticketId: ticket.id,
        number: ticket.number,
        change: 'checklist',
        technicianIds: [before.technicianId, ...before.helperIds],
      });
    });
    return visitDto(ctx, input.id);
  },

  'visits.list': async (input, ctx) => {
    const caller = requireCaller(ctx);
    let technicianIds = input.technicianIds;
    if (caller.role === 'technician') {
      // A technician sees their own visits only (the technician records linked to their login).
      const mine = await technicianIdsOfUser(ctx.database.db, caller.id);
      technicianIds = technicianIds ? technicianIds.filter((t) => mine.includes(t)) : mine;
    }
    return listVisits(ctx.database.db, {
      from: input.from,
      to: input.to,
      includeCancelled: input.includeCancelled,
      ...(technicianIds ? { technicianIds } : {}),
    });
  },

  'visits.forTicket': async (input, ctx) => {
    if (!(await findTicketForBooking(ctx.database.db, input.ticketId))) {
      throw new ApiFailure('not_found', 'No such ticket.');
    }
    return listVisits(ctx.database.db, { ticketId: input.ticketId, includeCancelled: true });
  },
} satisfies Partial<Handlers>;
