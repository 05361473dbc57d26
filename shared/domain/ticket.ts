import type { RemoteResolutionDto, ResponseKind, TicketClosureDto, TicketLinkDto } from './closure';
import type { PriorityCriteria } from './sla';

export const channels = ['phone', 'email', 'portal', 'ticketing_system'] as const;
export type Channel = (typeof channels)[number];

export const channelLabels: Record<Channel, string> = {
  phone: 'Phone',
  email: 'Email',
  portal: 'Portal',
  ticketing_system: 'Ticketing system',
};

export const priorities = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

export const priorityLabels: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const ticketStatuses = [
  'new',
  'assigned',
  'scheduled',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Statuses in which a ticket still needs work; the queue shows these. */
export const openStatuses: readonly TicketStatus[] = ['new', 'assigned', 'scheduled', 'in_progress', 'on_hold'];

/**
 * Whether a ticket still waits for a visit to be booked: new or assigned, or on hold after an
 * incomplete visit (needs parts, another visit), and no visit scheduled or under way. A ticket
 * scheduled or in progress has its visit; closed, resolved and cancelled ones need none.
 */
export function needsAVisit(ticket: Pick<TicketDto, 'status' | 'scheduledAt'>): boolean {
  return ['new', 'assigned', 'on_hold'].includes(ticket.status) && ticket.scheduledAt === null;
}

export const statusLabels: Record<TicketStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export interface TicketDto {
  id: string;
  /** Grows with every change to the ticket (optimistic concurrency). */
  version: number;
  number: string;
  channel: Channel;
  externalRef: string | null;
  receivedAt: string;
  loggedAt: string;
  loggedBy: { id: string; displayName: string };
  client: { id: string; name: string };
  contact: { id: string; name: string; phone: string | null; email: string | null } | null;
  /**
   * `timeZone`: the zone the site's clocks keep, its own else its client's; null when neither has
   * one (the organisation's then).
   */
  site: { id: string; name: string; address: string; timeZone: string | null } | null;
  category: string | null;
  asset: string | null;
  description: string;
  impact: string | null;
  urgency: string | null;
  priority: Priority;
  status: TicketStatus;
  slaDueAt: string | null;
  /** When the ticket turns at risk (a fixed fraction of its window, set with the due time). */
  slaAtRiskAt: string | null;
  /** The intake answers behind the priority, when the desk gave them. */
  criteria: PriorityCriteria | null;
  priorityOverride: { reason: string; by: string; at: string } | null;
  firstContactAt: string | null;
  /**
   * The SLA response moment: the first technician arrival on site, or, for a ticket worked
   * remotely, the first contact that started the remote work (responseKind says which).
   */
  firstArrivalAt: string | null;
  responseKind: ResponseKind | null;
  /** The start of the ticket's next visit that is not finished or cancelled; null when none. */
  scheduledAt: string | null;
  /** The lead technician of that visit. */
  scheduledWith: string | null;
  /** What the job needs from a technician (preset from its work type, adjustable). */
  needs: TicketNeedsDto;
  /** Set while the ticket is closed; cleared when it is reopened. */
  closedAt: string | null;
  /** The latest closing with its SLA adherence and review (kept, with reopenedAt, after a reopening). */
  closure: TicketClosureDto | null;
  /** Tickets about the same issue, both ways. */
  links: TicketLinkDto[];
  /** The latest remote resolution, if the ticket was ever resolved without a visit. */
  remoteResolution: RemoteResolutionDto | null;
}

export interface TicketNeedsDto {
  workType: { id: string; name: string } | null;
  /** How long the visit is expected to take; null when nobody has said. */
  estimatedMinutes: number | null;
  requiredSkills: { skillId: string; name: string; minLevel: number }[];
}

/** One row of the dispatch queue: what the grid needs, nothing more. */
export interface QueueRow {
  id: string;
  number: string;
  receivedAt: string;
  clientName: string;
  siteName: string | null;
  /** Where the site is, for the map; null without a site or without its coordinates. */
  siteLocation: { latitude: number; longitude: number } | null;
  priority: Priority;
  status: TicketStatus;
  slaDueAt: string | null;
  slaAtRiskAt: string | null;
  firstArrivalAt: string | null;
  /** The start of the ticket's next visit that is not finished or cancelled; null when none. */
  scheduledAt: string | null;
  /**
   * How late the crew is projected to reach the site of the ticket's visit still to be reached,
   * in whole minutes (0 when on time); null when no visit of today is waiting for its crew.
   */
  projectedLateMinutes: number | null;
  summary: string;
}
