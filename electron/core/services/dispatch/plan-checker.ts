// Checks a plan against the hard rules straight from the schedules and ticket needs, sharing no
// code with the search, so a plan is only called feasible when this walk agrees.
import type { TicketNeeds } from './day-model';
import { wholeMinutes, type PlanInput } from './plan-problem';

export interface CheckedVisit {
  technicianId: string;
  /** The ticket a new or moved visit serves; null for a pinned visit kept as it is. */
  ticketId: string | null;
  /** The existing visit kept, for pinned ones. */
  visitId: string | null;
  start: number;
  end: number;
}

const MINUTE = 60_000;
const within = (start: number, end: number, spans: readonly { start: number; end: number }[]) =>
  spans.some((s) => s.start <= start && end <= s.end);

/** Every broken rule, in words; empty when the plan is feasible. */
export function checkPlan(input: PlanInput, visits: readonly CheckedVisit[]): string[] {
  const problems: string[] = [];
  const tickets = new Map<string, TicketNeeds>(input.tickets.map((t) => [t.ticketId, t]));
  const technicians = new Map(input.technicians.map((t) => [t.technicianId, t]));
  const travel = wholeMinutes(input.travel);
  const seen = new Set<string>();

  for (const visit of visits) {
    const technician = technicians.get(visit.technicianId);
    if (!technician) {
      problems.push(`visit for unknown technician ${visit.technicianId}`);
      continue;
    }
    if (visit.ticketId === null) continue;
    const ticket = tickets.get(visit.ticketId);
    if (!ticket) {
      problems.push(`visit for a ticket outside the plan: ${visit.ticketId}`);
      continue;
    }
    const label = `${ticket.number} on ${technician.name}`;
    if (seen.has(ticket.ticketId)) problems.push(`${ticket.number} is planned twice`);
    seen.add(ticket.ticketId);
    if (visit.end - visit.start !== ticket.durationMinutes * MINUTE) problems.push(`${label}: wrong duration`);
    if (visit.start < input.now - MINUTE) problems.push(`${label}: starts in the past`);
    if (!within(visit.start, visit.end, technician.working)) problems.push(`${label}: outside the shift`);
    if (!within(visit.start, visit.end, ticket.access)) problems.push(`${label}: outside the site's access hours`);
    const date = new Date(visit.start).toISOString().slice(0, 10);
    for (const need of ticket.requiredSkills) {
      const held = technician.skills.find((s) => s.skillId === need.skillId);
      if (!held || held.level < need.minLevel) problems.push(`${label}: needs ${need.name} L${need.minLevel}`);
      // The expiry is a date in the technician's zone; a day's slack here keeps this check zone-free.
      else if (held.certifiedUntil !== null && held.certifiedUntil < shiftDate(date, -1))
        problems.push(`${label}: ${need.name} certification expired`);
    }
  }

  for (const technician of input.technicians) {
    for (const visit of technician.visits.filter((v) => v.pinned)) {
      const kept = visits.find((v) => v.visitId === visit.visitId);
      if (
        !kept ||
        kept.technicianId !== technician.technicianId ||
        kept.start !== visit.start ||
        kept.end !== visit.end
      )
        problems.push(`pinned visit ${visit.visitId} was changed`);
    }
  }

  for (const { technicianId, day } of input.days) {
    const technician = technicians.get(technicianId);
    if (!technician) continue;
    const place = (v: CheckedVisit) =>
      v.ticketId === null
        ? (technician.visits.find((b) => b.visitId === v.visitId)?.location ?? null)
        : (tickets.get(v.ticketId)?.location ?? null);
    const ofDay = visits
      .filter((v) => v.technicianId === technicianId && v.start >= day.start && v.start < day.end)
      .sort((a, b) => a.start - b.start);
    if (technician.maxVisitsPerDay !== null && ofDay.length > technician.maxVisitsPerDay)
      problems.push(`${technician.name}: ${ofDay.length} visits on a day, limit ${technician.maxVisitsPerDay}`);
    const first = ofDay[0];
    const leaves = Math.max(
      technician.working.find((w) => w.end > day.start && w.start < day.end)?.start ?? day.start,
      input.now,
    );
    if (first?.ticketId && first.start < leaves + travel(technician.base, place(first)) * MINUTE - MINUTE)
      problems.push(`${technician.name}: no time to drive to the first visit`);
    for (let i = 1; i < ofDay.length; i++) {
      const before = ofDay[i - 1] as CheckedVisit;
      const after = ofDay[i] as CheckedVisit;
      if (after.start < before.end) problems.push(`${technician.name}: visits overlap`);
      // A pinned visit keeps its time even where a dispatcher overrode the travel rule.
      else if (after.ticketId !== null && after.start < before.end + travel(place(before), place(after)) * MINUTE)
        problems.push(`${technician.name}: no time to drive to ${tickets.get(after.ticketId)?.number ?? '?'}`);
    }
  }
  return problems;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
