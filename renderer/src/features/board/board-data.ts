import type { EventInput } from '@fullcalendar/core';
import type { ResourceInput } from '@fullcalendar/resource';
import type { DispatchPlanDto, PlannedVisitDto } from '../../../../shared/domain/dispatch-plan';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { Priority, QueueRow } from '../../../../shared/domain/ticket';
import { offlineTripMinutes, type OfflineTravelSettings } from '../../../../shared/domain/travel';
import type { VisitDto } from '../../../../shared/domain/visit';

export const noTeam = 'No team';

/** What the board keeps on each visit event, for the handlers of drag, resize and click. */
export interface VisitEventProps {
  kind: 'visit';
  visit: VisitDto;
  travelMinutes: number | null;
}

/** What an unassigned ticket carries while it is dragged onto the board. */
export interface TicketDragProps {
  kind: 'ticket';
  ticketId: string;
}

export function technicianResources(technicians: readonly TechnicianDto[]): ResourceInput[] {
  return technicians.filter((t) => t.active).map((t) => ({ id: t.id, title: t.name, team: t.team ?? noTeam }));
}

/** Tickets still waiting for a visit, in the queue's "what next" order (the server's). */
export function unassignedTickets(queue: readonly QueueRow[]): QueueRow[] {
  return queue.filter((t) => (t.status === 'new' || t.status === 'assigned') && t.scheduledAt === null);
}

interface Place {
  lat: number;
  lng: number;
}

function siteOf(visit: VisitDto): Place | null {
  const s = visit.site;
  return s && s.latitude !== null && s.longitude !== null ? { lat: s.latitude, lng: s.longitude } : null;
}

function homeOf(technician: TechnicianDto | undefined): Place | null {
  const h = technician?.home;
  return h && h.latitude !== null && h.longitude !== null ? { lat: h.latitude, lng: h.longitude } : null;
}

const sameLocalDay = (a: string, b: string) => new Date(a).toDateString() === new Date(b).toDateString();

/**
 * Minutes of driving before each visit: from the lead's previous visit that day, else from their
 * home base; null where either end has no coordinates. visits.list gives no travel, and the
 * offline estimate is what the booking rules use too, so the board computes it here.
 */
export function travelBefore(
  visits: readonly VisitDto[],
  technicians: ReadonlyMap<string, TechnicianDto>,
  travel: OfflineTravelSettings,
) {
  const byLead = new Map<string, VisitDto[]>();
  for (const v of visits) {
    const list = byLead.get(v.technicianId);
    if (list) list.push(v);
    else byLead.set(v.technicianId, [v]);
  }
  const minutes = new Map<string, number | null>();
  for (const [lead, list] of byLead) {
    list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const home = homeOf(technicians.get(lead));
    list.forEach((visit, i) => {
      const previous = list[i - 1];
      const from = previous && sameLocalDay(previous.endsAt, visit.startsAt) ? siteOf(previous) : home;
      const to = siteOf(visit);
      minutes.set(visit.id, from && to ? Math.round(offlineTripMinutes(from, to, travel)) : null);
    });
  }
  return minutes;
}

export type PriorityColors = Record<Priority, string>;

/** Visits as timeline events, each with a lighter travel lead-in drawn as a background event. */
export function visitEvents(
  visits: readonly VisitDto[],
  technicians: ReadonlyMap<string, TechnicianDto>,
  colors: PriorityColors,
  canWrite: boolean,
  travelSettings: OfflineTravelSettings,
): EventInput[] {
  const travel = travelBefore(visits, technicians, travelSettings);
  const events: EventInput[] = [];
  for (const visit of visits) {
    const travelMinutes = travel.get(visit.id) ?? null;
    const color = colors[visit.priority];
    const props: VisitEventProps = { kind: 'visit', visit, travelMinutes };
    events.push({
      id: visit.id,
      resourceIds: visit.crew.map((c) => c.technicianId),
      start: visit.startsAt,
      end: visit.endsAt,
      title: `${visit.ticketNumber} · ${visit.clientName}`,
      backgroundColor: color,
      borderColor: color,
      // Only a visit that has not started can move; the server refuses the rest anyway.
      editable: canWrite && visit.status === 'scheduled',
      classNames: ['board-visit', `board-visit-${visit.status}`],
      extendedProps: props,
    });
    if (travelMinutes && visit.status !== 'cancelled') {
      events.push({
        id: `travel-${visit.id}`,
        resourceId: visit.technicianId,
        start: new Date(Date.parse(visit.startsAt) - travelMinutes * 60_000).toISOString(),
        end: visit.startsAt,
        display: 'background',
        backgroundColor: color,
        classNames: ['board-travel'],
      });
    }
  }
  return events;
}

/** The start of the visible day as YYYY-MM-DD in the workstation's zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What a proposed (not yet accepted) visit of the optimizer's plan carries. */
export interface PlanEventProps {
  kind: 'plan';
  change: PlannedVisitDto['change'];
  number: string;
}

const changeText: Record<PlannedVisitDto['change'], string> = {
  new: 'new',
  moved: 'moved',
  reassigned: 'reassigned',
  unchanged: 'unchanged',
  pinned: 'pinned',
};

/** The plan's changes as hatched, read-only events; unchanged and pinned visits are already on the board. */
export function planEvents(plan: DispatchPlanDto, colors: PriorityColors): EventInput[] {
  return plan.visits
    .filter((v) => v.change === 'new' || v.change === 'moved' || v.change === 'reassigned')
    .map((v, i) => {
      const props: PlanEventProps = { kind: 'plan', change: v.change, number: v.number };
      return {
        id: `plan-${i}`,
        resourceId: v.technicianId,
        start: v.startsAt,
        end: v.endsAt,
        title: `${v.number} · proposed (${changeText[v.change]})`,
        editable: false,
        backgroundColor: 'transparent',
        borderColor: colors[v.priority],
        textColor: '#222',
        classNames: ['board-proposed'],
        extendedProps: props,
      };
    });
}

/** Visits the plan would move elsewhere: dimmed on the board while it is previewed. */
export function movingVisitIds(plan: DispatchPlanDto | null): ReadonlySet<string> {
  return new Set(
    (plan?.visits ?? [])
      .filter((v) => v.visitId && (v.change === 'moved' || v.change === 'reassigned'))
      .map((v) => v.visitId ?? ''),
  );
}
