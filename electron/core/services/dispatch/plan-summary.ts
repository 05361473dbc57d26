// Turns an optimizer result into what a dispatcher previews: every visit with what changes, the
// tickets left over with why in words, and the schedule's numbers before and after.
import type {
  DispatchPlanDto,
  PlanChange,
  PlanSummary,
  PlannedVisitDto,
} from '../../../../shared/domain/dispatch-plan';
import type { Priority } from '../../../../shared/domain/ticket';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from './day-model';
import { eligibility } from './eligibility';
import type { OptimizeResult } from './optimize-day';
import { wholeMinutes, type PlanInput } from './plan-problem';
import { intersect } from './working-time';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const noBreaches = (): Record<Priority, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

interface Stop {
  technician: TechnicianSchedule;
  ticket: TicketNeeds | null;
  start: number;
  location: TicketNeeds['location'];
}

/** Travel of each technician-day (base → stops → base) and visits that start after their due time. */
function summarize(input: PlanInput, stops: readonly Stop[], placed: ReadonlySet<string>): PlanSummary {
  const leg = wholeMinutes(input.travel);
  const breaches = noBreaches();
  let travelMinutes = 0;
  for (const { technicianId, day } of input.days) {
    const ofDay = stops
      .filter((s) => s.technician.technicianId === technicianId && s.start >= day.start && s.start < day.end)
      .sort((a, b) => a.start - b.start);
    const first = ofDay[0];
    if (!first) continue;
    let previous = first.technician.base;
    for (const stop of ofDay) {
      travelMinutes += leg(previous, stop.location);
      previous = stop.location;
      if (stop.ticket?.dueAt != null && stop.start > stop.ticket.dueAt) breaches[stop.ticket.priority]++;
    }
    travelMinutes += leg(previous, first.technician.base);
  }
  return { assigned: placed.size, unassigned: input.tickets.length - placed.size, breaches, travelMinutes };
}

/** The visit each ticket has now, if the plan may move it. */
function bookedVisits(input: PlanInput): Map<string, { technician: TechnicianSchedule; visit: BookedVisit }> {
  const tickets = new Set(input.tickets.map((t) => t.ticketId));
  const booked = new Map<string, { technician: TechnicianSchedule; visit: BookedVisit }>();
  for (const technician of input.technicians) {
    for (const visit of technician.visits) {
      if (!visit.pinned && tickets.has(visit.ticketId) && !booked.has(visit.ticketId))
        booked.set(visit.ticketId, { technician, visit });
    }
  }
  return booked;
}

/** Why no technician could take a ticket, in words. */
function unplacedReason(input: PlanInput, ticket: TicketNeeds): string {
  const qualified = input.days.filter(({ technicianId, day }) => {
    const technician = input.technicians.find((t) => t.technicianId === technicianId);
    return technician && eligibility(technician, ticket, day.start).length === 0;
  });
  if (qualified.length === 0) {
    const skills = ticket.requiredSkills.map((s) => `${s.name} L${s.minLevel}`).join(', ');
    return `No technician with ${skills} (and a valid certification) works in the period`;
  }
  const duration = ticket.durationMinutes * MINUTE;
  const fits = qualified.some(({ technicianId, day }) => {
    const technician = input.technicians.find((t) => t.technicianId === technicianId);
    const free = intersect(intersect(technician?.working ?? [], [day]), ticket.access);
    return free.some((span) => Math.min(span.end, day.end) - Math.max(span.start, input.now) >= duration);
  });
  if (!fits) return `No qualified technician works long enough within the site's access hours`;
  return 'No room left: the qualified technicians’ time went to tickets of higher priority or closer deadlines';
}

export interface PlanMeta {
  id: string;
  from: string;
  to: string;
  createdAt: string;
  travelSource: 'road' | 'offline';
}

export function planPreview(input: PlanInput, result: OptimizeResult, meta: PlanMeta): DispatchPlanDto {
  const booked = bookedVisits(input);
  const beforeStops: Stop[] = input.technicians.flatMap((technician) =>
    technician.visits.map((visit) => ({
      technician,
      ticket: input.tickets.find((t) => t.ticketId === visit.ticketId) ?? null,
      start: visit.start,
      location: visit.location,
    })),
  );
  const afterStops: Stop[] = result.visits.map((v) => ({
    technician: v.technician,
    ticket: v.job.ticket,
    start: v.start,
    location: v.job.location,
  }));
  const placedAfter = new Set(result.visits.flatMap((v) => (v.job.ticket ? [v.job.ticket.ticketId] : [])));

  const visits: PlannedVisitDto[] = result.visits.flatMap((v) => {
    const ticket = v.job.ticket;
    if (!ticket) return [];
    const before = booked.get(ticket.ticketId);
    const change: PlanChange = !before
      ? 'new'
      : before.technician.technicianId !== v.technician.technicianId
        ? 'reassigned'
        : before.visit.start !== v.start
          ? 'moved'
          : 'unchanged';
    return [
      {
        ticketId: ticket.ticketId,
        number: ticket.number,
        priority: ticket.priority,
        technicianId: v.technician.technicianId,
        technicianName: v.technician.name,
        startsAt: iso(v.start),
        endsAt: iso(v.end),
        travelMinutes: v.travelMinutes,
        dueAt: ticket.dueAt === null ? null : iso(ticket.dueAt),
        minutesLate: ticket.dueAt === null ? 0 : Math.max(0, Math.ceil((v.start - ticket.dueAt) / MINUTE)),
        change,
        visitId: before?.visit.visitId ?? null,
        previous:
          before && change !== 'unchanged'
            ? { technicianId: before.technician.technicianId, startsAt: iso(before.visit.start) }
            : null,
      },
    ];
  });

  return {
    ...meta,
    before: summarize(input, beforeStops, new Set(booked.keys())),
    after: summarize(input, afterStops, placedAfter),
    visits: visits.sort(
      (a, b) => a.technicianName.localeCompare(b.technicianName) || a.startsAt.localeCompare(b.startsAt),
    ),
    unplaced: result.unplaced.map((t) => ({
      ticketId: t.ticketId,
      number: t.number,
      priority: t.priority,
      reason: unplacedReason(input, t),
    })),
    search: { seconds: result.elapsedMs / 1000, iterations: result.iterations, cancelled: result.cancelled },
  };
}

/** Booked tickets the plan would leave without a visit: such a plan is not offered. */
export function droppedBookings(input: PlanInput, result: OptimizeResult): string[] {
  const booked = bookedVisits(input);
  return result.unplaced.filter((t) => booked.has(t.ticketId)).map((t) => t.number);
}
