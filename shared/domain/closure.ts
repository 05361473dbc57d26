import type { FeedbackDto } from './feedback';
import type { Priority, TicketStatus } from './ticket';

/** What SOP section 6 asks of a ticket before it may be closed, in the order the checklist shows. */
export const closureRequirementKeys = [
  'identity',
  'description',
  'steps',
  'parts',
  'sign_off',
  'resolution',
  'visits_settled',
] as const;
export type ClosureRequirementKey = (typeof closureRequirementKeys)[number];

export const closureRequirementLabels: Record<ClosureRequirementKey, string> = {
  identity: 'Ticket number and timestamps',
  description: 'Description of the problem',
  steps: 'Steps taken (work log)',
  parts: 'Parts used, or "no parts" stated',
  sign_off: "Client's sign-off",
  resolution: 'Resolution confirmed by the client',
  visits_settled: 'No visit still scheduled, en route or on site',
};

export interface ClosureRequirement {
  key: ClosureRequirementKey;
  label: string;
  met: boolean;
  /** In words: what is there, or what is missing and where to record it. */
  detail: string;
  /** The instants the detail names, written in it as utcWords, for the reader's console to reword. */
  times: string[];
}

export interface ClosureCheckDto {
  ready: boolean;
  requirements: ClosureRequirement[];
}

export const resolutionMethods = ['phone', 'email', 'in_person', 'portal', 'sms'] as const;
export type ResolutionMethod = (typeof resolutionMethods)[number];
export const resolutionMethodLabels: Record<ResolutionMethod, string> = {
  phone: 'Phone',
  email: 'Email',
  in_person: 'In person',
  portal: 'Portal',
  sms: 'SMS',
};

/** How a ticket was worked without a visit. */
export const remoteChannels = ['phone', 'remote_session', 'email', 'chat'] as const;
export type RemoteChannel = (typeof remoteChannels)[number];
export const remoteChannelLabels: Record<RemoteChannel, string> = {
  phone: 'Phone call',
  remote_session: 'Remote session',
  email: 'E-mail',
  chat: 'Chat',
};

/** What the SLA response moment was: the crew's first arrival on site, or the start of remote work. */
export const responseKinds = ['on_site', 'remote'] as const;
export type ResponseKind = (typeof responseKinds)[number];

/**
 * A ticket resolved without a visit (by phone or a remote session): how, the steps taken, and who at
 * the client confirmed it. `current` is false once the ticket was reopened after it.
 */
export interface RemoteResolutionDto {
  id: string;
  channel: RemoteChannel;
  /** The first contact that started the remote work: the ticket's SLA response moment, unless a crew arrived earlier. */
  respondedAt: string;
  resolvedAt: string;
  resolution: string;
  steps: string[];
  confirmedBy: string;
  confirmedAt: string;
  recordedAt: string;
  recordedBy: string;
  current: boolean;
}

/** met: the first arrival (or the closing, without one) came before the due time; no_target: no due time. */
export const slaOutcomes = ['met', 'missed', 'no_target'] as const;
export type SlaOutcome = (typeof slaOutcomes)[number];

/** Improvement tags a reviewer can attach to a closed ticket. */
export const reviewTags = [
  'wrong_skill_dispatched',
  'parts_missing',
  'access_problem',
  'documentation_incomplete',
  'late_arrival',
  'client_unavailable',
  'repeat_visit_needed',
  'other',
] as const;
export type ReviewTag = (typeof reviewTags)[number];
export const reviewTagLabels: Record<ReviewTag, string> = {
  wrong_skill_dispatched: 'Wrong skill dispatched',
  parts_missing: 'Parts missing',
  access_problem: 'Access problem',
  documentation_incomplete: 'Documentation incomplete',
  late_arrival: 'Late arrival',
  client_unavailable: 'Client unavailable',
  repeat_visit_needed: 'Repeat visit needed',
  other: 'Other',
};

/** "45 min", "17 h 58 min", "3 d 2 h": whole minutes as a person reads them. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

/** The SLA outcome of a closing in words, so it reads without colour. */
export function slaAdherenceText(closure: { slaOutcome: SlaOutcome; slaMinutes: number | null }): string {
  if (closure.slaOutcome === 'met') return `SLA met (${formatMinutes(closure.slaMinutes ?? 0)} to spare)`;
  if (closure.slaOutcome === 'missed') return `SLA missed by ${formatMinutes(closure.slaMinutes ?? 0)}`;
  return 'No SLA target';
}

export interface TicketReviewDto {
  note: string;
  tags: ReviewTag[];
  sopFollowed: boolean;
  reviewedAt: string;
  reviewedBy: string;
}

/** The latest closing of a ticket; reopenedAt is set once it was reopened. */
export interface TicketClosureDto {
  id: string;
  closedAt: string;
  closedBy: string;
  resolutionSummary: string | null;
  slaOutcome: SlaOutcome;
  /** Whole minutes: the margin when met, the lateness when missed; null without a target. */
  slaMinutes: number | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
  /** Closed on a remote resolution (the fix was made by phone or remote session, not on site). */
  resolvedRemotely: boolean;
  /**
   * Fixed at the first attempt: resolved remotely with no visit, or by a single completed visit, on
   * the ticket's first closing. Null for closings recorded before the console kept it.
   */
  firstTimeFix: boolean | null;
  review: TicketReviewDto | null;
}

/** Another ticket about the same issue: an earlier one this ticket follows up, or a later follow-up. */
export interface TicketLinkDto {
  ticketId: string;
  number: string;
  status: TicketStatus;
  direction: 'earlier' | 'later';
  createdAt: string;
  /** When the linked ticket was closed; null while it is not closed. */
  closedAt: string | null;
}

/** A ticket of the client closed lately: what intake offers as "the same issue again". */
export interface RecentlyClosedTicketDto {
  ticketId: string;
  number: string;
  summary: string;
  receivedAt: string;
  closedAt: string;
  /** The end of its reopen window (closure.settings), from its closing. */
  reopenableUntil: string;
  /** A dispatcher may still reopen it from its panel; otherwise a follow-up link is the only way. */
  withinReopenWindow: boolean;
}

export interface PendingReviewDto {
  ticketId: string;
  number: string;
  clientName: string;
  priority: Priority;
  summary: string;
  closedAt: string;
  closedBy: string;
  slaOutcome: SlaOutcome;
  slaMinutes: number | null;
  resolvedRemotely: boolean;
  firstTimeFix: boolean | null;
  /** The client's latest feedback on the ticket, if any (from the feedback page or by phone). */
  feedback: FeedbackDto | null;
}

export interface CompletedReviewDto extends PendingReviewDto {
  review: TicketReviewDto;
}

export interface TimelineEventDto {
  id: string;
  at: string;
  /** A stable word for the kind of event (e.g. 'logged', 'visit_booked', 'closed'); 'other' when unknown. */
  kind: string;
  title: string;
  detail: string | null;
  /** The user's display name, or "SLA watcher" / "System" for the console's own work. */
  by: string;
  /**
   * The instants the detail names, in the order named; the detail writes each as "2026-12-14 14:00
   * UTC" (utcWords), so a reader's console can put it in the reader's own zone.
   */
  times: string[];
  /** For a message of the outbox: its id, to open it with outbox.get. */
  outboxMessageId?: string;
}

export interface ClosureSettings {
  /** How many days after closing a ticket may still be reopened. */
  reopenWindowDays: number;
}
export const defaultClosureSettings: ClosureSettings = { reopenWindowDays: 14 };
