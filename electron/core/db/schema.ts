import type { Generated } from 'kysely';
import type { AttachmentMimeType } from '../../../shared/domain/attachment';
import type { RemoteChannel, ResolutionMethod, ResponseKind, SlaOutcome } from '../../../shared/domain/closure';
import type { EscalationKind } from '../../../shared/domain/escalation';
import type { FeedbackSource } from '../../../shared/domain/feedback';
import type { ClientMessageKind, MessageKind } from '../../../shared/domain/messages';
import type { Role } from '../../../shared/domain/roles';
import type { OutboxStatus, OutboxTransport } from '../../../shared/domain/outbox';
import type { Impact, Urgency } from '../../../shared/domain/sla';
import type { SignOffKind } from '../../../shared/domain/sign-off';
import type { AvailabilityKind } from '../../../shared/domain/technician';
import type { Channel, Priority, TicketStatus } from '../../../shared/domain/ticket';
import type { ContactMethod, IncompleteReason, VisitCrewMember, VisitStatus } from '../../../shared/domain/visit';
import type { WorkOutcome } from '../../../shared/domain/work-log';
import type { ImapTlsMode, InboundOutcome } from '../../../shared/domain/email-intake';

// Row types live here and in repositories only; everything above the repositories speaks DTOs.
// Instants are ISO 8601 strings in UTC on both databases (pg is told to parse timestamptz so).
//
// A text column that holds one of a closed set of values is typed as that set's union. The
// databases do not check it (no CHECK constraints): every write goes through these types, so the
// compiler is what keeps other strings out. JSON columns stay `string` here; repositories read
// them through db/json-column.ts, which checks them against their schema.

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  created_at: string;
  /** 1 after an admin's reset: the temporary password must be replaced at the next sign-in. */
  must_change_password: number;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  kind: 'session' | 'api_token';
  name: string | null;
  created_at: string;
  expires_at: string | null;
  last_seen_at: string;
}

export interface SignInThrottlesTable {
  kind: 'user' | 'address';
  name: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ClientsTable {
  id: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  time_zone: string | null;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  client_id: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  /** What the person does for the client (e.g. "Office manager"), as the desk wrote it. */
  role: string | null;
  /** 0 once retired: kept for old tickets and history, no longer offered or accepted at intake. */
  active: number;
  created_at: string;
  /** 1 when the contact asked to receive no messages from the console. */
  messages_opt_out: number;
}

export interface SitesTable {
  id: string;
  client_id: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  access_requirements: string | null;
  /** JSON weeklyHours, or null for no restriction. */
  access_hours: string | null;
  time_zone: string | null;
  created_at: string;
}

export interface SkillsTable {
  id: string;
  name: string;
  description: string | null;
}

export interface TechniciansTable {
  id: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  home_address: string | null;
  home_latitude: number | null;
  home_longitude: number | null;
  last_latitude: number | null;
  last_longitude: number | null;
  last_position_at: string | null;
  active: number;
  created_at: string;
  team: string | null;
  max_visits_per_day: number | null;
  time_zone: string | null;
  shift_pattern: string | null;
}

export interface TechnicianCertificationsTable {
  technician_id: string;
  name: string;
  expires_on: string | null;
}

export interface TechnicianAvailabilityTable {
  id: string;
  technician_id: string;
  kind: AvailabilityKind;
  starts_at: string;
  ends_at: string;
  note: string | null;
}

export interface WorkTypesTable {
  id: string;
  name: string;
  category: string | null;
  duration_minutes: number;
  required_skills: string;
  /** 1 when a ticket of this type needs the client's sign-off before it can be closed. */
  sign_off_required: Generated<number>;
}

export interface TechnicianSkillsTable {
  technician_id: string;
  skill_id: string;
  level: number;
  certified_until: string | null;
}

export interface TicketCountersTable {
  year: number;
  last: number;
}

export interface TicketsTable {
  id: string;
  number: string;
  channel: Channel;
  external_ref: string | null;
  received_at: string;
  logged_at: string;
  logged_by: string;
  client_id: string;
  contact_id: string | null;
  site_id: string | null;
  category: string | null;
  asset: string | null;
  description: string;
  impact: Impact | null;
  urgency: Urgency | null;
  priority: Priority;
  status: TicketStatus;
  sla_due_at: string | null;
  updated_at: string;
  criteria: string | null;
  priority_override_reason: string | null;
  priority_overridden_by: string | null;
  priority_overridden_at: string | null;
  sla_at_risk_at: string | null;
  first_contact_at: string | null;
  /** The SLA response moment: the first arrival on site, or the start of remote work (response_kind). */
  first_arrival_at: string | null;
  response_kind: ResponseKind | null;
  work_type_id: string | null;
  estimated_minutes: number | null;
  required_skills: string | null;
  version: Generated<number>;
  /** Set while the ticket is closed; cleared when it is reopened. */
  closed_at: string | null;
  /** 1 for a ticket read from a message whose priority questions the desk has not answered yet. */
  awaiting_assessment: Generated<number>;
}

export interface VisitsTable {
  id: string;
  ticket_id: string;
  /** The lead technician; the whole crew is in visit_crew. */
  technician_id: string;
  starts_at: string;
  ends_at: string;
  resolve_from: string | null;
  resolve_by: string | null;
  status: VisitStatus;
  pinned: number;
  contact_confirmed: number;
  contact_name: string | null;
  contact_method: ContactMethod | null;
  location_confirmed: number;
  access_badge: number;
  access_escort: number;
  access_parking: number;
  access_hours: number;
  access_notes: string | null;
  override_reason: string | null;
  /** JSON list of the rules the override set aside. */
  override_rules: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  en_route_at: string | null;
  eta_at: string | null;
  /** When the crew arrived on site; the ticket's first arrival is its SLA response moment. */
  arrived_at: string | null;
  /** When the visit ended completed or incomplete. */
  finished_at: string | null;
  incomplete_reason: IncompleteReason | null;
  status_note: string | null;
}

/** The arrival projected for a visit not reached yet, and the delay notices sent about it. */
export interface VisitProjectionsTable {
  visit_id: string;
  projected_arrival_at: string | null;
  computed_at: string;
  /** The estimate the last delay notice gave, for the planned start in notice_planned_start. */
  notice_eta: string | null;
  notice_planned_start: string | null;
  notices_sent: Generated<number>;
}

export interface VisitStatusChangesTable {
  id: string;
  visit_id: string;
  ticket_id: string;
  from_status: VisitStatus;
  to_status: VisitStatus;
  /** When it happened, as reported. */
  at: string;
  eta_at: string | null;
  reason: IncompleteReason | null;
  note: string | null;
  /** 1 when a dispatcher recorded it for the crew (e.g. from a phone call). */
  on_behalf: number;
  recorded_at: string;
  recorded_by: string;
}

export interface PartsTable {
  id: string;
  sku: string;
  /** The SKU in upper case: unique, so "ab-1" and "AB-1" are one part. */
  sku_key: string;
  name: string;
  unit: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface VisitWorkLogsTable {
  visit_id: string;
  ticket_id: string;
  actions: string;
  /** JSON list of strings, in order. */
  steps: string;
  no_parts: number;
  time_on_site_minutes: number | null;
  outcome: WorkOutcome | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface VisitPartsTable {
  id: string;
  visit_id: string;
  part_id: string;
  position: number;
  quantity: number;
  /** JSON lists of serial numbers. */
  serials_installed: string;
  serials_removed: string;
}

export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  mime_type: AttachmentMimeType;
  content: Uint8Array;
  thumbnail: Uint8Array | null;
  thumbnail_mime_type: string | null;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  ticket_id: string;
  visit_id: string | null;
  sha256: string;
  file_name: string;
  caption: string | null;
  created_at: string;
  created_by: string;
}

/** Append-only (database triggers refuse updates and deletes). */
export interface SignOffsTable {
  id: string;
  ticket_id: string;
  visit_id: string;
  kind: SignOffKind;
  signer_name: string | null;
  signer_role: string | null;
  /** The drawn signature, a PNG in attachment_blobs. */
  signature_sha256: string | null;
  signed_at: string | null;
  not_required_reason: string | null;
  resolution_confirmed: number;
  supersedes_id: string | null;
  supersede_reason: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface ResolutionConfirmationsTable {
  id: string;
  ticket_id: string;
  /** Who at the client confirmed the resolution, and how. */
  confirmed_by_name: string;
  method: ResolutionMethod;
  note: string | null;
  confirmed_at: string;
  recorded_at: string;
  recorded_by: string;
}

export interface TicketClosuresTable {
  id: string;
  ticket_id: string;
  closed_at: string;
  closed_by: string;
  resolution_summary: string | null;
  sla_outcome: SlaOutcome;
  /** How far the first arrival was from the due time, in whole minutes (early or late). */
  sla_minutes: number | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
  resolved_remotely: Generated<number>;
  /** 1 or 0; null for closings made before the console kept it. */
  first_time_fix: number | null;
}

export interface RemoteResolutionsTable {
  id: string;
  ticket_id: string;
  channel: RemoteChannel;
  /** The first contact that started the remote work. */
  responded_at: string;
  resolved_at: string;
  resolution: string;
  /** JSON list of the steps taken. */
  steps: string;
  confirmed_by_name: string;
  confirmed_at: string;
  recorded_at: string;
  recorded_by: string;
}

export interface TicketReviewsTable {
  id: string;
  ticket_id: string;
  closure_id: string;
  note: string;
  /** JSON list of improvement tags. */
  tags: string;
  sop_followed: number;
  reviewed_at: string;
  reviewed_by: string;
}

export interface TicketLinksTable {
  ticket_id: string;
  linked_ticket_id: string;
  relation: 'same_issue';
  created_at: string;
  created_by: string;
}

export interface VisitCrewTable {
  visit_id: string;
  technician_id: string;
  role: VisitCrewMember['role'];
  starts_at: string;
  ends_at: string;
  /** 1 while the visit holds the technician's time; only these rows take part in the no-overlap rule. */
  active: number;
}

export interface CalendarsTable {
  scope: string;
  name: string;
  definition: string;
  updated_at: string;
  updated_by: string | null;
}

export interface EscalationsTable {
  id: string;
  ticket_id: string;
  level: number;
  kind: EscalationKind;
  reason: string;
  auto_key: string | null;
  created_at: string;
  created_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  method: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  /** The ticket the row is about (directly or through a visit, escalation, document), for its timeline. */
  ticket_id: string | null;
}

export interface OutboxTable {
  id: string;
  /** Unique: the same event never queues a second message. */
  event_key: string;
  kind: string;
  ticket_id: string | null;
  visit_id: string | null;
  transport: OutboxTransport;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  /** JSON list of { name, contentType, content, encoding }. */
  attachments: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claim_expires_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** JSON DeliveryRecord once sent. */
  delivery: string | null;
  /** Why a superseded message was not needed (0015). */
  status_note: Generated<string | null>;
}

/** A call logged from the ticket panel: an update given by phone (0015). */
export interface TicketCallsTable {
  id: string;
  ticket_id: string;
  called_name: string;
  phone: string | null;
  called_at: string;
  summary: string;
  logged_by: string;
  logged_at: string;
}

/** A template an admin saved; a kind without a row uses the shipped default. */
export interface MessageTemplatesTable {
  kind: MessageKind;
  subject: string;
  body: string;
  updated_at: string;
  updated_by: string;
}

/** A message kind a client chose not to receive (every kind is on until a row says otherwise). */
export interface ClientMessageOptOutsTable {
  client_id: string;
  kind: ClientMessageKind;
}

/** One per closing of a ticket: the feedback link's token (its hash), until when it works, whether it was used. */
export interface FeedbackRequestsTable {
  id: string;
  ticket_id: string;
  closure_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface FeedbackTable {
  id: string;
  ticket_id: string;
  request_id: string | null;
  score: number;
  comment: string | null;
  source: FeedbackSource;
  recorded_by: string | null;
  recorded_at: string;
  problem_back: number;
  new_ticket_id: string | null;
}

export interface ChangeEventsTable {
  id: Generated<number>;
  at: string;
  payload: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  settings: SettingsTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  sites: SitesTable;
  skills: SkillsTable;
  technicians: TechniciansTable;
  technician_skills: TechnicianSkillsTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  audit_log: AuditLogTable;
  change_events: ChangeEventsTable;
  calendars: CalendarsTable;
  escalations: EscalationsTable;
  technician_certifications: TechnicianCertificationsTable;
  technician_availability: TechnicianAvailabilityTable;
  work_types: WorkTypesTable;
  visits: VisitsTable;
  visit_crew: VisitCrewTable;
  visit_status_changes: VisitStatusChangesTable;
  parts: PartsTable;
  visit_work_logs: VisitWorkLogsTable;
  visit_parts: VisitPartsTable;
  attachment_blobs: AttachmentBlobsTable;
  attachments: AttachmentsTable;
  sign_offs: SignOffsTable;
  resolution_confirmations: ResolutionConfirmationsTable;
  ticket_closures: TicketClosuresTable;
  remote_resolutions: RemoteResolutionsTable;
  ticket_reviews: TicketReviewsTable;
  ticket_links: TicketLinksTable;
  outbox: OutboxTable;
  message_templates: MessageTemplatesTable;
  client_message_opt_outs: ClientMessageOptOutsTable;
  feedback_requests: FeedbackRequestsTable;
  feedback: FeedbackTable;
  visit_projections: VisitProjectionsTable;
  ticket_calls: TicketCallsTable;
  mailboxes: MailboxesTable;
  inbound_emails: InboundEmailsTable;
}

export interface MailboxesTable {
  id: string;
  name: string;
  host: string;
  port: number;
  tls: ImapTlsMode;
  username: string;
  password: string | null;
  folder: string;
  enabled: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  uid_validity: string | null;
  last_uid: Generated<number>;
  lease_holder: string | null;
  lease_until: string | null;
  last_polled_at: string | null;
  last_error: string | null;
}

export interface InboundEmailsTable {
  id: string;
  mailbox_id: string;
  message_id: string;
  uid: number;
  received_at: string;
  read_at: string;
  from_address: string;
  from_name: string | null;
  subject: string;
  outcome: InboundOutcome;
  ticket_id: string | null;
  reason: string | null;
  body_text: string;
  /** JSON string[]. */
  problems: string;
  /** JSON HeldAttachment[]. */
  held_attachments: string;
  /** JSON string[]. */
  refers_to: string;
}
