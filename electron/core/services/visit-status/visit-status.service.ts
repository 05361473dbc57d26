import { randomUUID } from 'node:crypto';
import type { UserDto } from '../../../../shared/domain/directory';
import { openStatuses, type TicketStatus } from '../../../../shared/domain/ticket';
import {
  incompleteReasonLabels,
  visitStatusLabels,
  type IncompleteReason,
  type VisitStatus,
} from '../../../../shared/domain/visit';
import { MAX_STATUS_AHEAD_MINUTES, nextStatuses, type StatusUpdate } from '../../../../shared/domain/visit-status';
import { ApiFailure } from '../../../../shared/errors';
import type { WriteTx } from '../../context';
import { insertManualEscalation } from '../../repositories/escalation.repository';
import { findTicketForBooking } from '../../repositories/ticket.repository';
import {
  findStatusContext,
  hasVisitUnderWay,
  insertStatusChange,
  placeTechnicians,
  releaseCrewAfter,
  setTicketProgress,
  updateVisitStatusIfVersion,
  type StatusChange,
} from '../../repositories/visit-status.repository';
import { findVisitRecord } from '../../repositories/visit.repository';
import { refreshAfterVisitChange } from '../delays/delay-projection.service';
import { queueCompletionSummary, queueOnTheWay } from '../messages/message-queue.service';

const MINUTE = 60_000;

export interface StatusRequest {
  id: string;
  expectedVersion: number;
  status: StatusUpdate;
  /** When it happened (already defaulted to now). */
  at: string;
  /** En route only: given, or suggested by the travel model, or null when nothing could be told. */
  etaAt: string | null;
  reason: IncompleteReason | null;
  note: string | null;
  now: string;
  caller: UserDto;
  /** The technician records linked to the caller's login. */
  callerTechnicianIds: readonly string[];
}

function refuse(path: string, message: string, detail = message): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path: [path], message: detail }]);
}

/**
 * Where the ticket goes when one of its visits changes status. The crew setting off or arriving
 * means work is in progress; an incomplete visit puts the ticket on hold (waiting for parts,
 * another visit or the escalation) unless another crew is already on its way or there. A
 * completed visit leaves the status alone: whether the ticket is resolved is the closure gate's
 * decision, not the crew's. A ticket that is no longer open is never reopened from here.
 */
async function ticketStatusAfter(
  w: WriteTx,
  ticket: { id: string; status: TicketStatus },
  visitId: string,
  status: StatusUpdate,
): Promise<TicketStatus> {
  if (!openStatuses.includes(ticket.status)) return ticket.status;
  if (status === 'en_route' || status === 'on_site') return 'in_progress';
  if (status === 'incomplete') return (await hasVisitUnderWay(w.tx, ticket.id, visitId)) ? 'in_progress' : 'on_hold';
  return ticket.status;
}

function columnsFor(request: StatusRequest): StatusChange {
  const base = { status: request.status as VisitStatus, note: request.note };
  switch (request.status) {
    case 'en_route':
      return { ...base, enRouteAt: request.at, etaAt: request.etaAt };
    case 'on_site':
      return { ...base, arrivedAt: request.at };
    case 'completed':
      return { ...base, finishedAt: request.at };
    case 'incomplete':
      return { ...base, finishedAt: request.at, ...(request.reason ? { incompleteReason: request.reason } : {}) };
  }
}

/**
 * Records one status change of a visit in the caller's write: the visit's status and times, the
 * change itself (on behalf when the caller is not on the crew), the ticket's status and first
 * arrival (its SLA response moment), the crew's freed time and position, the escalation an
 * "escalated" visit raises, their audit rows and the events every console refetches on.
 */
export async function recordStatusChange(w: WriteTx, request: StatusRequest): Promise<void> {
  const { tx, audit, publish } = w;
  const visit = await findVisitRecord(tx, request.id);
  if (!visit) throw new ApiFailure('not_found', 'No such visit.');
  const crew = [visit.technicianId, ...visit.helperIds];
  const onCrew = crew.some((id) => request.callerTechnicianIds.includes(id));
  if (request.caller.role === 'technician' && !onCrew) {
    throw new ApiFailure('forbidden', 'You can set the status only of visits you are on the crew of.');
  }
  if (visit.version !== request.expectedVersion) {
    throw new ApiFailure(
      'stale',
      `Someone else changed this visit since you opened it (it is at version ${visit.version}; you had ${request.expectedVersion}). Reload it and try again.`,
      [{ path: ['expectedVersion'], message: 'Changed since' }],
    );
  }
  const allowed = nextStatuses[visit.status];
  if (!allowed.includes(request.status)) {
    const from = visitStatusLabels[visit.status].toLowerCase();
    const to = visitStatusLabels[request.status].toLowerCase();
    const options = allowed.map((s) => visitStatusLabels[s].toLowerCase()).join(' or ');
    throw refuse(
      'status',
      `A visit that is ${from} cannot be set ${to}${options ? `; it can be set ${options}` : ''}.`,
      options ? `Not from ${from}; ${options}` : `The visit is ${from}`,
    );
  }
  const context = await findStatusContext(tx, visit.id);
  if (!context) throw new Error(`visit ${visit.id} has no ticket`);
  if (Date.parse(request.at) > Date.parse(request.now) + MAX_STATUS_AHEAD_MINUTES * MINUTE) {
    throw refuse('at', 'The time of a status change cannot be in the future.', 'Not in the future');
  }
  if (context.lastChangeAt && request.at < context.lastChangeAt) {
    throw refuse('at', 'A status change cannot be earlier than the one before it.', 'Not before the previous change');
  }
  if (request.at < context.ticketReceivedAt) {
    throw refuse('at', 'A status change cannot be earlier than the request.', 'Not before the request was received');
  }
  if (request.etaAt !== null && request.etaAt <= request.at) {
    throw refuse('etaAt', 'The expected arrival must be after setting off.', 'After the time of setting off');
  }

  const ticket = await findTicketForBooking(tx, visit.ticketId);
  if (!ticket) throw new Error(`visit ${visit.id} has no ticket`);
  const onBehalf = !onCrew;
  const change = columnsFor(request);
  const saved = await updateVisitStatusIfVersion(tx, visit.id, request.expectedVersion, {
    ...change,
    at: request.now,
    by: request.caller.id,
  });
  if (!saved) throw new ApiFailure('stale', 'Someone else changed this visit meanwhile. Reload it and try again.');
  await insertStatusChange(tx, {
    id: randomUUID(),
    visitId: visit.id,
    ticketId: visit.ticketId,
    from: visit.status,
    to: request.status,
    at: request.at,
    etaAt: request.status === 'en_route' ? request.etaAt : null,
    reason: request.reason,
    note: request.note,
    onBehalf,
    recordedAt: request.now,
    recordedBy: request.caller.id,
  });
  const finished = request.status === 'completed' || request.status === 'incomplete';
  // The crew is free from the moment they finished; the visit keeps its plan for the record.
  if (finished) await releaseCrewAfter(tx, visit.id, request.at);
  // The map shows the crew where they are: at the site from the moment they arrived.
  if (request.status === 'on_site' && context.site) await placeTechnicians(tx, crew, context.site, request.at);
  if (request.status === 'en_route') await queueOnTheWay(tx, visit.id, request.now);
  if (request.status === 'completed') await queueCompletionSummary(tx, visit.id, request.now);
  // An ETA, an arrival or a finish moves the rest of the crew's day.
  await refreshAfterVisitChange(tx, { visitId: visit.id, technicianIds: crew }, request.now, publish);
  await audit({
    entity: 'visit',
    entityId: visit.id,
    ticketId: visit.ticketId,
    before: { status: visit.status },
    after: { ...change, at: request.at, reason: request.reason, onBehalf },
  });
  await publish({
    type: 'visit.changed',
    visitId: visit.id,
    ticketId: ticket.id,
    number: ticket.number,
    change: 'status',
    technicianIds: crew,
  });

  // The first arrival of any crew on a ticket is its SLA response moment: the watcher stops
  // escalating once it is set, and the ticket shows the SLA met or missed from it.
  const firstArrivalAt = request.status === 'on_site' && context.ticketFirstArrivalAt === null ? request.at : undefined;
  const status = await ticketStatusAfter(w, ticket, visit.id, request.status);
  if (status !== ticket.status || firstArrivalAt !== undefined) {
    await setTicketProgress(tx, ticket.id, {
      status,
      updatedAt: request.now,
      ...(firstArrivalAt !== undefined ? { firstArrivalAt } : {}),
    });
    await audit({
      entity: 'ticket',
      entityId: ticket.id,
      before: { status: ticket.status, ...(firstArrivalAt !== undefined ? { firstArrivalAt: null } : {}) },
      after: { status, ...(firstArrivalAt !== undefined ? { firstArrivalAt } : {}) },
    });
    await publish({ type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, clientId: ticket.clientId });
  }

  if (request.status === 'incomplete' && request.reason === 'escalated') {
    // Reaches the client service manager's escalations list like any other level-1 escalation.
    const id = randomUUID();
    const who = onBehalf ? `${request.caller.displayName} for the crew` : request.caller.displayName;
    const reason = `Visit incomplete, ${incompleteReasonLabels.escalated.toLowerCase()} by ${who}${request.note ? `: ${request.note}` : ''}`;
    await insertManualEscalation(tx, {
      id,
      ticketId: ticket.id,
      level: 1,
      reason,
      createdAt: request.now,
      createdBy: request.caller.id,
    });
    await audit({
      entity: 'escalation',
      entityId: id,
      ticketId: ticket.id,
      after: { ticketId: ticket.id, level: 1, reason, visitId: visit.id },
    });
    await publish({
      type: 'escalation.created',
      escalationId: id,
      ticketId: ticket.id,
      number: ticket.number,
      level: 1,
      kind: 'manual',
    });
  }
}
