// Messages to clients and technicians (issue 14, sections 3 and 4): what kinds there are, who
// receives each, the placeholders their templates may use, and what the API answers about them.

/** Every kind of message the console sends by itself; each has one template. */
export const messageKinds = [
  'request-acknowledgement',
  'booking-confirmation',
  'booking-update',
  'booking-cancellation',
  'on-the-way',
  'completion-summary',
  'assignment-notice',
  'assignment-update',
  'assignment-cancellation',
  'feedback-request',
  'delay-notice',
  'visit-reminder',
  'client-update',
  'technician-schedule',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** The kinds a client receives (their contacts do); a client may turn each off. */
export const clientMessageKinds = [
  'request-acknowledgement',
  'booking-confirmation',
  'booking-update',
  'booking-cancellation',
  'on-the-way',
  'completion-summary',
  'feedback-request',
  'delay-notice',
  'visit-reminder',
] as const satisfies readonly MessageKind[];
export type ClientMessageKind = (typeof clientMessageKinds)[number];

export function isClientMessageKind(kind: MessageKind): kind is ClientMessageKind {
  return (clientMessageKinds as readonly MessageKind[]).includes(kind);
}

/** The kinds sent to technicians; every other kind goes to the client's contact. */
export const technicianMessageKinds = [
  'assignment-notice',
  'assignment-update',
  'assignment-cancellation',
  'technician-schedule',
] as const satisfies readonly MessageKind[];

/**
 * Kinds that go by e-mail only: the technician's schedule is its PDF attachment, which a webhook
 * for text messages could not carry.
 */
export const emailOnlyMessageKinds: readonly MessageKind[] = ['technician-schedule'];

export function messageAudience(kind: MessageKind): 'client' | 'technician' {
  return (technicianMessageKinds as readonly MessageKind[]).includes(kind) ? 'technician' : 'client';
}

export const messageKindLabels: Record<MessageKind, string> = {
  'request-acknowledgement': 'Acknowledgement of a new request',
  'booking-confirmation': 'Booking confirmation',
  'booking-update': 'Booking changed',
  'booking-cancellation': 'Booking cancelled',
  'on-the-way': 'Technician on the way',
  'completion-summary': 'Completion summary',
  'assignment-notice': "Technician's assignment notice",
  'assignment-update': "Technician's assignment changed",
  'assignment-cancellation': "Technician's assignment cancelled",
  'feedback-request': 'Feedback request',
  'delay-notice': 'Delay notice',
  'visit-reminder': 'Reminder before the visit',
  'client-update': 'Update from the ticket panel',
  'technician-schedule': "Technician's schedule for tomorrow",
};

/** When each kind is sent, in words, for the admin guide and the template editor. */
export const messageKindTriggers: Record<MessageKind, string> = {
  'request-acknowledgement': "When a ticket is logged: to the ticket's contact.",
  'booking-confirmation': "When a visit is booked: to the ticket's contact, with a calendar invitation.",
  'booking-update': "When a visit is moved or reassigned: to the ticket's contact, with the updated invitation.",
  'booking-cancellation': "When a visit is cancelled: to the ticket's contact, with a calendar cancellation.",
  'on-the-way': "When the technician sets off (en route): to the ticket's contact, with the ETA.",
  'completion-summary': "When the last open visit of a ticket is completed: to the ticket's contact.",
  'assignment-notice': 'When a technician is put on a visit (booked, or added by a change): to the technician.',
  'assignment-update': 'When a visit a technician stays on is moved or its crew changes: to the technician.',
  'assignment-cancellation': 'When a visit is cancelled or a technician is taken off it: to the technician.',
  'feedback-request': "When a ticket is closed: to the ticket's contact, with a link to give feedback.",
  'delay-notice':
    "When the technician is expected more than the grace (Admin › E-mail, default 15 min) after the visit's start, and again each time the estimate slips by the grace more: to the ticket's contact, with the new ETA.",
  'visit-reminder':
    "Before a booked visit (24 h by default, never 21:00–07:00 at the site): to the ticket's contact. Not for a visit moved or cancelled since.",
  'client-update': "When someone sends an update from the ticket panel: to the ticket's contact, as they wrote it.",
  'technician-schedule':
    "At the hour an admin sets (Admin › E-mail, off by default), in the organisation's time zone: to each technician with visits the next day, their printed schedule as a PDF attachment. Once per technician and day.",
};

/** The placeholders a template may name, e.g. {{ticketNumber}}; any other name is refused. */
export const messagePlaceholders = {
  ticketNumber: 'The ticket number, e.g. T-2026-000123',
  clientName: "The client's name",
  siteName: "The site's name",
  siteAddress: "The site's address",
  accessRequirements: "The site's access requirements",
  contactName: "The ticket contact's name",
  contactPhone: "The ticket contact's phone number",
  technicianFirstName: "The lead technician's first name (in a technician's own messages: the recipient's)",
  technicianName: "The lead technician's full name",
  crew: 'Everyone on the visit, lead first, e.g. "Terry Field (lead), Sam Lee"',
  visitWindow: "The visit's start and end in the site's time zone, e.g. Mon 4 Jan 2027, 09:00–10:00 PST",
  eta: "The expected arrival in the site's time zone, e.g. 09:40 PST (empty until the technician sets off; in a delay notice, the new estimate)",
  priority: "The ticket's priority, e.g. High",
  responseTarget: 'When a technician is due on site under the SLA, e.g. Tue 5 Jan 2027, 17:00 PST',
  description: 'The problem as the client reported it',
  workType: 'The kind of job, e.g. Switch replacement (empty when none was chosen)',
  requiredParts: 'Parts recorded for the ticket so far, one per line (empty when none)',
  workSummary: "What was done, from the visit's work log",
  outcome: 'The outcome recorded in the work log, e.g. Resolved',
  nextSteps: 'What happens next when the work log says the problem is not (fully) resolved',
  cancelReason: 'Why the visit was cancelled',
  feedbackLink:
    "The link to the ticket's feedback page (in a feedback request only; empty when no public address is set)",
  scheduleDay: "The day of a technician's schedule, e.g. Tuesday 2 March 2027 (in the schedule e-mail only)",
  scheduleVisits:
    "The schedule's visits, one per line, e.g. 08:30–09:30 T-2027-000123 Northwind, Rynek office (in the schedule e-mail only)",
} as const;
export type MessagePlaceholder = keyof typeof messagePlaceholders;
export const messagePlaceholderNames = Object.keys(messagePlaceholders) as MessagePlaceholder[];

/** The values a template is rendered with: every placeholder, empty when it does not apply. */
export type MessageValues = Record<MessagePlaceholder, string>;

export interface MessageTemplateText {
  subject: string;
  /** Plain text; the HTML part is made from it (escaped, paragraphs and line breaks kept). */
  body: string;
}

export interface MessageTemplateDto extends MessageTemplateText {
  kind: MessageKind;
  label: string;
  /** When it is sent and to whom, in words. */
  trigger: string;
  audience: 'client' | 'technician';
  /** False while the shipped default is in use. */
  custom: boolean;
  updatedAt: string | null;
  /** Display name of the admin who saved it. */
  updatedBy: string | null;
  /** The shipped default, for "reset to default" and comparison. */
  defaultText: MessageTemplateText;
}

export interface MessageTemplateListDto {
  templates: MessageTemplateDto[];
  /** Every placeholder a template may use, with what it holds. */
  placeholders: { name: MessagePlaceholder; description: string }[];
}

export interface RenderedMessageDto {
  subject: string;
  text: string;
  html: string;
}

export interface ClientMessagePreferencesDto {
  clientId: string;
  /** Which messages the client's contacts receive; every kind is on until turned off. */
  receives: Record<ClientMessageKind, boolean>;
}

/** When reminders go: `leadHours` before a visit starts (pulled back out of the site's quiet hours). */
export interface ReminderSettings {
  leadHours: number;
}

export const defaultReminderSettings: ReminderSettings = { leadHours: 24 };

/**
 * Whether each technician is e-mailed the next day's schedule, and at what hour (0–23, in the
 * organisation's time zone).
 */
export interface ScheduleMailSettings {
  enabled: boolean;
  hour: number;
}

export const defaultScheduleMailSettings: ScheduleMailSettings = { enabled: false, hour: 18 };

/** A free-text update as the ticket panel starts it: a template rendered for the ticket, to edit. */
export interface ClientUpdateDraftDto {
  ticketId: string;
  kind: MessageKind;
  subject: string;
  text: string;
  /** Who it would go to: the ticket's contact, or null with `blocked` saying why nobody. */
  to: { name: string; email: string | null; phone: string | null } | null;
  /** Why the update cannot be sent (no contact, opted out, no address), else null. */
  blocked: string | null;
}

/** An update that was queued: who it goes to and the outbox messages it became. */
export interface ClientUpdateSentDto {
  ticketId: string;
  to: { name: string; email: string | null; phone: string | null };
  subject: string;
  /** Outbox message ids: the e-mail, and the webhook post when the webhook takes updates. */
  messageIds: string[];
}
