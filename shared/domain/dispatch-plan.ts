import type { Priority } from './ticket';

export type { DispatchOptimizeInput } from './dispatch-plan.schema';

/** The most days one optimization may cover. */
export const maxPlanDays = 31;

/** How a planned visit differs from the schedule as it is. */
export type PlanChange = 'new' | 'moved' | 'reassigned' | 'unchanged' | 'pinned';

export interface PlannedVisitDto {
  ticketId: string;
  number: string;
  priority: Priority;
  technicianId: string;
  technicianName: string;
  startsAt: string;
  endsAt: string;
  /** Travel from the previous place (base or previous visit), in minutes. */
  travelMinutes: number;
  dueAt: string | null;
  /** Minutes the arrival is after the SLA due time (0 when on time or without due time). */
  minutesLate: number;
  change: PlanChange;
  /** The existing visit this entry keeps or moves; null for a new booking. */
  visitId: string | null;
  /** Where the existing visit was, when the plan moves or reassigns it. */
  previous: { technicianId: string; startsAt: string } | null;
}

export interface PlanSummary {
  /** Tickets in the period that have a visit / that have none. */
  assigned: number;
  unassigned: number;
  /** Visits that start after their ticket's SLA due time, by priority. */
  breaches: Record<Priority, number>;
  travelMinutes: number;
}

export interface DispatchPlanDto {
  id: string;
  from: string;
  to: string;
  createdAt: string;
  /** The schedule as it is, and as the plan would make it. */
  before: PlanSummary;
  after: PlanSummary;
  /** Every visit of the plan, by technician and start. */
  visits: PlannedVisitDto[];
  /** Tickets the plan could not place, with why in words. */
  unplaced: { ticketId: string; number: string; priority: Priority; reason: string }[];
  /** Where travel times came from. */
  travelSource: 'road' | 'offline';
  /** The search's numbers, for the record. */
  search: { seconds: number; iterations: number; cancelled: boolean };
}
