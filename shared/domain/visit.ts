import type { Priority } from './ticket';

export const visitStatuses = ['scheduled', 'en_route', 'on_site', 'completed', 'incomplete', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** Statuses in which a visit holds its crew's time: only these take part in the no-overlap rule. */
export const liveVisitStatuses: readonly VisitStatus[] = ['scheduled', 'en_route', 'on_site'];

export const visitStatusLabels: Record<VisitStatus, string> = {
  scheduled: 'Scheduled',
  en_route: 'En route',
  on_site: 'On site',
  completed: 'Completed',
  incomplete: 'Incomplete',
  cancelled: 'Cancelled',
};

/** Why a visit ended without resolving the problem. */
export const incompleteReasons = ['needs_parts', 'needs_another_visit', 'escalated'] as const;
export type IncompleteReason = (typeof incompleteReasons)[number];

export const incompleteReasonLabels: Record<IncompleteReason, string> = {
  needs_parts: 'Needs parts',
  needs_another_visit: 'Needs another visit',
  escalated: 'Escalated',
};

/** Where a visit stands on the day: when the crew set off, arrived and finished, as reported. */
export interface VisitProgress {
  enRouteAt: string | null;
  etaAt: string | null;
  arrivedAt: string | null;
  finishedAt: string | null;
  incompleteReason: IncompleteReason | null;
  /** The note given with the latest status change. */
  note: string | null;
}

/** One status change as recorded: who wrote it down, and whether for the crew (on behalf). */
export interface VisitStatusChangeDto {
  id: string;
  fromStatus: VisitStatus;
  toStatus: VisitStatus;
  /** When it happened, as reported; recordedAt is when the console wrote it down. */
  at: string;
  etaAt: string | null;
  reason: IncompleteReason | null;
  note: string | null;
  onBehalf: boolean;
  recordedAt: string;
  recordedBy: { id: string; name: string };
}

export const contactMethods = ['phone', 'email', 'sms', 'portal', 'in_person'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** What the coordinator confirmed with the client before the visit. */
export interface VisitChecklist {
  contact: { confirmed: boolean; name: string | null; method: ContactMethod | null };
  locationConfirmed: boolean;
  /** Each access requirement the site has, confirmed with the client (true) or not yet (false). */
  access: { badge: boolean; escort: boolean; parking: boolean; openingHours: boolean; notes: string | null };
}

export interface VisitCrewMember {
  technicianId: string;
  name: string;
  role: 'lead' | 'helper';
}

export interface VisitDto {
  id: string;
  ticketId: string;
  ticketNumber: string;
  /** The start of the ticket's description, for a board card or a notification. */
  ticketSummary: string;
  priority: Priority;
  clientName: string;
  site: { id: string; name: string; address: string; latitude: number | null; longitude: number | null } | null;
  /** The lead technician. */
  technicianId: string;
  technicianName: string;
  helperIds: string[];
  /** Lead first, then helpers by name. */
  crew: VisitCrewMember[];
  startsAt: string;
  /** startsAt + durationMinutes. */
  endsAt: string;
  durationMinutes: number;
  /** When the problem is expected to be resolved: a window, either end open. */
  resolveFrom: string | null;
  resolveBy: string | null;
  status: VisitStatus;
  /** Pinned by a dispatcher: the optimizer keeps it where it is. */
  pinned: boolean;
  checklist: VisitChecklist;
  /** Set when a dispatcher booked it against a shift, time-off or travel rule: why, and which rules. */
  override: { reason: string; rules: string[] } | null;
  cancelReason: string | null;
  progress: VisitProgress;
  /**
   * When the crew is now expected on site, from the rest of their day as it goes (a visit
   * overrunning, an ETA given) and the travel between sites; null once they are there, when the
   * visit is over, or when it is not today.
   */
  projectedArrivalAt: string | null;
  /** Whole minutes projectedArrivalAt is after the planned start; 0 when on time, null without a projection. */
  projectedLateMinutes: number | null;
  /** Status changes, oldest first. */
  statusHistory: VisitStatusChangeDto[];
  /** Grows with every change; edits send the version they read and answer `stale` when it moved on. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

// A visit lasts at least five minutes and at most a long working day; longer jobs are several visits.
export const MIN_VISIT_MINUTES = 5;
export const MAX_VISIT_MINUTES = 12 * 60;
// The board asks for at most a month at a time.
export const MAX_LIST_DAYS = 31;
