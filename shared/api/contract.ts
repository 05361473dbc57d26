import { z } from 'zod';
import type { Role } from '../domain/roles';
import type { AuditDetailDto, AuditExportDto, AuditPageDto } from '../domain/audit';
import { auditExportInput, auditGetInput, auditListInput } from '../domain/audit.schema';
import type { BackupFileDto, BackupListDto, BackupSettings, BackupStatusDto, RestoreStagedDto } from '../domain/backup';
import { backupRestoreInput, backupSettingsInput } from '../domain/backup.schema';
import type { FigureReport, ReportFileDto, ReportTicketList, SlaAdherenceReport } from '../domain/reports';
import { reportExportInput, reportInput, reportTicketsInput, slaAdherenceInput } from '../domain/reports.schema';
import {
  type CallerMatch,
  type ClientDto,
  type ClientPage,
  type ContactDto,
  type ApiTokenDto,
  type SiteDto,
  type UserDto,
} from '../domain/directory';
import {
  clientListInput,
  clientUpdateInput,
  contactFields,
  contactListInput,
  contactSetActiveInput,
  contactUpdateInput,
  includeInactive,
  siteFields,
  siteUpdateInput,
} from '../domain/directory.schema';
import type { QueueRow, TicketDto } from '../domain/ticket';
import type { MailboxDto, MailboxTestResult } from '../domain/email-intake';
import { mailboxSaveInput, mailboxTestInput } from '../domain/email-intake.schema';
import { type DispatchSettings, type Recommendation } from '../domain/dispatch';
import { dispatchRecommendInput, dispatchSettings } from '../domain/dispatch.schema';
import { type OrganisationSettings } from '../domain/organisation';
import { organisationSettings } from '../domain/organisation.schema';
import type { GeocodeResult, GeocoderSettings } from '../domain/geocoder';
import { geocodeInput, geocoderSettings } from '../domain/geocoder.schema';
import type { StreetMapDto } from '../domain/street-map';
import { streetMapSettings } from '../domain/street-map.schema';
import { type DispatchPlanDto } from '../domain/dispatch-plan';
import { dispatchOptimizeInput } from '../domain/dispatch-plan.schema';
import type { EscalationDto } from '../domain/escalation';
import { type Impact, type SlaDueResponse, type Urgency } from '../domain/sla';
import { priorityCriteria, slaDueRequest } from '../domain/sla.schema';
import { type CalendarDto, type SlaSettings } from '../domain/sla-settings';
import { calendarSaveInput, calendarScope, slaSettings } from '../domain/sla-settings.schema';
import { type AvailabilityDto, type SkillDto, type TechnicianDto, type WorkTypeDto } from '../domain/technician';
import {
  availabilityInput,
  requiredSkillsInput,
  technicianSaveInput,
  workTypeSaveInput,
} from '../domain/technician.schema';
import type { Priority } from '../domain/ticket';
import { type VisitDto } from '../domain/visit';
import {
  visitCancelInput,
  visitChecklistInput,
  visitCreateInput,
  visitListInput,
  visitUpdateInput,
} from '../domain/visit.schema';
import { type TechnicianDayDto } from '../domain/visit-status';
import { type DayScheduleDto, type DaySchedulePdfDto } from '../domain/schedule';
import { scheduleDayInput, schedulePdfInput } from '../domain/schedule.schema';
import { visitMyDayInput, visitSetStatusInput } from '../domain/visit-status.schema';
import { type PartDto, type PartsImportSummary } from '../domain/parts';
import { partListInput, partSaveInput, partsImportInput } from '../domain/parts.schema';
import { type WorkLogDto } from '../domain/work-log';
import { workLogGetInput, workLogSaveInput, workLogsForTicketInput } from '../domain/work-log.schema';
import {
  type AttachmentAddResult,
  type AttachmentContent,
  type AttachmentDto,
  type AttachmentSettings,
} from '../domain/attachment';
import { attachmentAddInput, attachmentContentInput, attachmentSettings } from '../domain/attachment.schema';
import { type SignOffDto } from '../domain/sign-off';
import { signOffRecordInput } from '../domain/sign-off.schema';
import {
  type ClosureCheckDto,
  type ClosureSettings,
  type CompletedReviewDto,
  type PendingReviewDto,
  type RecentlyClosedTicketDto,
  type TimelineEventDto,
} from '../domain/closure';
import {
  closeTicketInput,
  closureSettings,
  confirmResolutionInput,
  linkTicketInput,
  recordRemoteResolutionInput,
  recentlyClosedInput,
  reopenTicketInput,
  reviewRecordInput,
} from '../domain/closure.schema';
import {
  type MailSettingsDto,
  type MailTestResult,
  type OutboxListDto,
  type OutboxMessageDto,
  type OutboxSettings,
  type OutboxStatusDto,
} from '../domain/outbox';
import type { WebhookSettingsDto, WebhookTestResult } from '../domain/webhook';
import {
  mailSendTestInput,
  mailSettingsSaveInput,
  webhookSettingsSaveInput,
  outboxIdInput,
  outboxListInput,
  outboxSettingsSaveInput,
} from '../domain/outbox.schema';
import {
  type ClientMessagePreferencesDto,
  type ClientUpdateDraftDto,
  type ClientUpdateSentDto,
  type ReminderSettings,
  type ScheduleMailSettings,
  type MessageTemplateDto,
  type MessageTemplateListDto,
  type RenderedMessageDto,
} from '../domain/messages';
import {
  clientMessagePreferencesInput,
  clientMessagePreferencesSaveInput,
  clientUpdateDraftInput,
  clientUpdateSendInput,
  contactMessagesOptOutInput,
  reminderSettings,
  scheduleMailSettings,
  templateKindInput,
  templatePreviewInput,
  templateSaveInput,
} from '../domain/messages.schema';
import type { FeedbackDto, FeedbackSettingsDto, TicketFeedbackDto } from '../domain/feedback';
import { feedbackForTicketInput, feedbackRecordInput, feedbackSettingsSaveInput } from '../domain/feedback.schema';
import type { TicketCallDto } from '../domain/calls';
import { callLogInput, callsForTicketInput } from '../domain/calls.schema';
import type { SignInSettings, SignInThrottleDto } from '../domain/sign-in';
import { signInSettings, signInUnlockInput } from '../domain/sign-in.schema';
import type { SettingsFileDto, SettingsImportResultDto, SettingsPreviewDto } from '../domain/settings-transfer';
import { settingsImportInput, settingsPreviewInput } from '../domain/settings-transfer.schema';
import { access } from './access';
import {
  channel,
  email,
  id,
  instant,
  newPassword,
  optionalText,
  password,
  phone,
  priority,
  role,
  shortText,
  ticketStatus,
  timeZone,
  username,
} from '../domain/fields.schema';

/** Who may call a method: nobody logged in, anyone logged in, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  summary: string;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access; summary: string }): MethodSpec<I, O> => spec;
}

const empty = z.strictObject({});

const { staff, intake } = access;

/** An admin's password reset: the temporary password is shown here once and never stored. */
export interface PasswordResetDto {
  user: UserDto;
  temporaryPassword: string;
}

export interface AuthStatus {
  needsSetup: boolean;
  user: UserDto | null;
  demo: boolean;
}

export const contactInput = z.strictObject({ clientId: id, ...contactFields });

export const siteInput = z.strictObject({ clientId: id, ...siteFields });

/** What a job needs; absent fields come from the work type when one is given. */
const ticketNeedsFields = {
  workTypeId: id.nullish().transform((v) => v ?? null),
  estimatedMinutes: z
    .int('Whole minutes')
    .min(5, 'At least 5 minutes')
    .max(1440, 'At most a day (1440 minutes)')
    .nullish()
    .transform((v) => v ?? null),
  requiredSkills: requiredSkillsInput.nullish().transform((v) => v ?? null),
};

export const ticketCreateInput = z.strictObject({
  channel,
  externalRef: optionalText(120),
  receivedAt: instant,
  clientId: id,
  contactId: id.nullish().transform((v) => v ?? null),
  siteId: id.nullish().transform((v) => v ?? null),
  category: optionalText(80),
  asset: optionalText(120),
  description: shortText(5000),
  /** The SOP's questions; when given, the priority matrix decides the priority. */
  criteria: priorityCriteria.nullish().transform((v) => v ?? null),
  /** Only without criteria: for integrations that already know the priority. */
  priority: priority.nullish().transform((v) => v ?? null),
  ...ticketNeedsFields,
});

export const api = {
  'auth.status': method<AuthStatus>()({
    input: empty,
    access: 'public',
    summary: 'Whether first-start setup is needed, and who is logged in.',
  }),
  'auth.setup': method<UserDto>()({
    input: z.strictObject({ username, displayName: shortText(80), password: newPassword }),
    access: 'public',
    summary: 'First start only: creates the first admin and logs them in.',
  }),
  'auth.login': method<UserDto>()({
    input: z.strictObject({ username: z.string().trim().min(1).max(40), password }),
    access: 'public',
    summary: 'Starts a session (a cookie in browser mode, the window in the desktop app).',
  }),
  'auth.logout': method<null>()({
    input: empty,
    access: 'authenticated',
    summary: 'Ends the current session.',
  }),
  'auth.createApiToken': method<{ token: string; name: string; userId: string }>()({
    input: z.strictObject({ userId: id, name: shortText(80) }),
    access: ['admin'],
    summary: 'Creates an API token that acts as the given user, for integrations. Shown once.',
  }),
  'auth.apiTokens': method<ApiTokenDto[]>()({
    input: empty,
    access: access.admin,
    summary: 'Every API token, newest first: its name, owner, when it was made and last used. Never the token itself.',
  }),
  'auth.revokeApiToken': method<null>()({
    input: z.strictObject({ id: z.string().trim().min(1, 'Required').max(40, 'At most 40 characters') }),
    access: access.admin,
    summary: 'Revokes an API token (by the id auth.apiTokens gives): it stops working at once, on every workstation.',
  }),
  'auth.changePassword': method<UserDto>()({
    input: z.strictObject({ currentPassword: password, newPassword }),
    access: 'authenticated',
    summary:
      "Changes the caller's own password (after an admin's reset, the only thing they may do). Their other sessions end; this one stays.",
  }),
  'audit.list': method<AuditPageDto>()({
    input: auditListInput,
    access: access.admin,
    summary:
      "The audit log, newest first, a page at a time: filter by who (userId), what kind of record (entity), which record (record: any record id, or a ticket number for every row about that ticket) and period (from, to). Pass the previous page's `next` as `after` for the next page; `next` is null on the last page.",
  }),
  'audit.get': method<AuditDetailDto>()({
    input: auditGetInput,
    access: access.admin,
    summary: 'One audit entry whole: what was recorded before and after, and the changed fields side by side.',
  }),
  'audit.kinds': method<string[]>()({
    input: empty,
    access: access.admin,
    summary: 'The kinds of record (entity) the audit log holds, for its filter.',
  }),
  'audit.export': method<AuditExportDto>()({
    input: auditExportInput,
    access: access.admin,
    summary:
      'The audit entries the filter matches as CSV (UTF-8, a header row, newest first), at most 100,000 rows; `truncated` says when more matched.',
  }),
  'backup.status': method<BackupStatusDto>()({
    input: empty,
    access: access.admin,
    summary:
      "The database's backup settings (folder, daily hour in the organisation's zone, how many to keep), the last scheduled backup and a restore waiting for the next start. On PostgreSQL `engine` says so: backups are then the database server's job (pg_dump, see docs/INSTALL.md).",
  }),
  'backup.saveSettings': method<BackupSettings>()({
    input: backupSettingsInput,
    access: access.admin,
    summary:
      'Saves the backup folder (absolute, existing and writable on the machine that runs the console), the daily hour (null: no schedule) and how many backups to keep. Embedded database only.',
  }),
  'backup.run': method<BackupFileDto>()({
    input: empty,
    access: access.admin,
    summary:
      "Backs the embedded database up now into the backup folder with SQLite's online backup (the console keeps working), checks the copy (PRAGMA integrity_check) and deletes the oldest beyond the number to keep.",
  }),
  'backup.list': method<BackupListDto>()({
    input: empty,
    access: access.admin,
    summary: 'The backups in the backup folder, newest first, with their size and time.',
  }),
  'backup.restore': method<RestoreStagedDto>()({
    input: backupRestoreInput,
    access: access.admin,
    summary:
      'Stages a backup file to replace the embedded database at the next start of the console; refused (naming `file`) if it is not a Dispatch Console database, fails its integrity check or comes from a newer version. At that start the current database is kept aside (never deleted) and the restored one brought up to date.',
  }),
  'users.list': method<UserDto[]>()({
    input: empty,
    access: ['admin'],
    summary: 'All users with their roles.',
  }),
  'users.create': method<UserDto>()({
    input: z.strictObject({ username, displayName: shortText(80), role, password: newPassword }),
    access: ['admin'],
    summary: 'Creates a user with one role.',
  }),
  'users.update': method<UserDto>()({
    input: z.strictObject({ userId: id, displayName: shortText(80), role }),
    access: access.admin,
    summary: 'Renames a user or gives them another role. The last active admin cannot be given another role.',
  }),
  'users.setActive': method<UserDto>()({
    input: z.strictObject({ userId: id, active: z.boolean() }),
    access: access.admin,
    summary:
      "Disables or enables a user (users are never deleted: history keeps their name). A disabled user's sessions end and their API tokens stop working at once, on every workstation; the last active admin cannot be disabled.",
  }),
  'users.resetPassword': method<PasswordResetDto>()({
    input: z.strictObject({ userId: id }),
    access: access.admin,
    summary:
      'Gives a user a temporary password, shown once, that they must change at their next sign-in; their sessions end.',
  }),
  'signIn.settings': method<SignInSettings>()({
    input: empty,
    access: access.admin,
    summary:
      'How failed sign-ins are slowed down and locked: from delayAfterFailures failures in a row each attempt waits (1 s doubling to 60 s); at lockAfterFailures the user name or address is locked for lockMinutes.',
  }),
  'signIn.saveSettings': method<SignInSettings>()({
    input: signInSettings,
    access: access.admin,
    summary: 'Saves the sign-in delay and lock settings.',
  }),
  'signIn.locks': method<SignInThrottleDto[]>()({
    input: empty,
    access: access.admin,
    summary:
      'The user names and addresses with failed sign-ins that still count: delayed (lockedUntil null) or locked until lockedUntil.',
  }),
  'signIn.unlock': method<null>()({
    input: signInUnlockInput,
    access: access.admin,
    summary: "Clears a user name's or an address's failed sign-ins, lifting its delay or lock at once.",
  }),
  'clients.search': method<CallerMatch[]>()({
    input: z.strictObject({
      query: z.string().trim().min(1).max(100),
      limit: z.int().min(1).max(50).default(10),
      includeInactive,
    }),
    access: staff,
    summary:
      'Finds clients and contacts by name or phone number, as the agent types; retired contacts only with includeInactive.',
  }),
  'clients.create': method<ClientDto>()({
    input: z.strictObject({
      name: shortText(160),
      phone,
      email,
      timeZone: timeZone.nullish().transform((v) => v ?? null),
    }),
    access: intake,
    summary: 'Creates a client organization.',
  }),
  'contacts.create': method<ContactDto>()({
    input: contactInput,
    access: intake,
    summary: 'Adds a contact person to a client.',
  }),
  'contacts.list': method<ContactDto[]>()({
    input: contactListInput,
    access: staff,
    summary: "A client's contacts by name; retired ones only with includeInactive.",
  }),
  'sites.list': method<SiteDto[]>()({
    input: z.strictObject({ clientId: id }),
    access: staff,
    summary: "A client's sites.",
  }),
  'sites.create': method<SiteDto>()({
    input: siteInput,
    access: intake,
    summary: 'Adds a site (address, coordinates, access requirements) to a client.',
  }),
  // The client directory (Admin → Clients): the desk and dispatchers, who already create clients
  // and sites at intake, may also correct them.
  'clients.list': method<ClientPage>()({
    input: clientListInput,
    access: staff,
    summary:
      'Clients by name, with their site and contact counts, a page at a time; query narrows by name, phone or e-mail.',
  }),
  'clients.update': method<ClientDto>()({
    input: clientUpdateInput,
    access: access.directoryEditors,
    summary:
      "Replaces a client's name, phone, e-mail and time zone. Answers stale when it changed since expectedRevision.",
  }),
  'contacts.update': method<ContactDto>()({
    input: contactUpdateInput,
    access: access.directoryEditors,
    summary: "Replaces a contact's name, phone, e-mail and role. Answers stale when it changed since expectedRevision.",
  }),
  'contacts.setActive': method<ContactDto>()({
    input: contactSetActiveInput,
    access: access.directoryEditors,
    summary:
      'Retires a contact (active false: kept on old tickets and in history, no longer offered or accepted at intake) or brings them back. Answers stale when it changed since expectedRevision.',
  }),
  'sites.update': method<SiteDto>()({
    input: siteUpdateInput,
    access: access.directoryEditors,
    summary:
      "Replaces a site's name, address, coordinates, access requirements, weekly access hours and time zone. Answers stale when it changed since expectedRevision.",
  }),
  'tickets.create': method<TicketDto>()({
    input: ticketCreateInput,
    access: intake,
    summary: 'Logs a support request. Idempotent on (channel, externalRef): a repeat returns the existing ticket.',
  }),
  'tickets.get': method<TicketDto>()({
    input: z.strictObject({ id }),
    access: staff,
    summary: 'One ticket.',
  }),
  'tickets.queue': method<QueueRow[]>()({
    input: z.strictObject({
      clientId: id.optional(),
      statuses: z.array(ticketStatus).min(1).max(8).optional(),
    }),
    access: staff,
    summary:
      'Open and resolved (awaiting closure) tickets, or those of the given statuses, for the dispatch queue, optionally for one client.',
  }),

  'priority.assess': method<{ impact: Impact; urgency: Urgency; priority: Priority }>()({
    input: z.strictObject({ criteria: priorityCriteria }),
    access: intake,
    summary: 'The priority the intake answers give under the current matrix, without saving anything.',
  }),
  'tickets.overridePriority': method<TicketDto>()({
    input: z.strictObject({ id, priority, reason: shortText(500) }),
    access: access.dispatch,
    summary: "Sets a ticket's priority by hand, with the reason kept; its due time follows the new priority.",
  }),
  'tickets.recordFirstContact': method<TicketDto>()({
    input: z.strictObject({ id, at: instant }),
    access: access.intake,
    summary:
      'Records when the client was first contacted about the ticket (kept apart from the response target, which is the first arrival on site).',
  }),
  'tickets.setNeeds': method<TicketDto>()({
    input: z.strictObject({ id, ...ticketNeedsFields }),
    access: access.intake,
    summary:
      'Sets what a job needs from a technician: work type, expected minutes and required skills (absent ones come from the work type; null clears).',
  }),
  'tickets.recomputeSla': method<{ updated: number }>()({
    input: z.strictObject({ ids: z.array(id).min(1).max(20_000).optional() }),
    access: access.admin,
    summary: 'Recomputes due times of open tickets (all, or the given ones) under the current calendars and policy.',
  }),
  'sla.preview': method<SlaDueResponse>()({
    input: slaDueRequest,
    access: access.slaReaders,
    summary: 'Computes a due time for a calendar and policy without saving anything.',
  }),
  'sla.settings': method<SlaSettings>()({
    input: empty,
    access: staff,
    summary: 'The SLA policy, the priority matrix and the at-risk point.',
  }),
  'sla.saveSettings': method<SlaSettings>()({
    input: slaSettings,
    access: access.admin,
    summary: 'Saves the SLA policy, priority matrix and at-risk point; applies to tickets logged from now on.',
  }),
  'calendars.list': method<CalendarDto[]>()({
    input: empty,
    access: access.slaReaders,
    summary: 'The default business calendar and every client or site calendar that overrides it.',
  }),
  'calendars.save': method<CalendarDto>()({
    input: calendarSaveInput,
    access: access.admin,
    summary: 'Creates or replaces the calendar of a scope; applies to tickets logged from now on.',
  }),
  'calendars.remove': method<null>()({
    input: z.strictObject({ scope: calendarScope }),
    access: access.admin,
    summary: "Removes a client's or site's calendar, so the next one up applies (the default cannot be removed).",
  }),
  'escalations.list': method<EscalationDto[]>()({
    input: z.strictObject({ open: z.boolean().default(true), ticketId: id.optional() }),
    access: access.escalationReaders,
    summary: 'Escalations, newest and highest level first: open ones only unless open is false.',
  }),
  'escalations.create': method<EscalationDto>()({
    input: z.strictObject({
      ticketId: id,
      level: z.union([z.literal(1), z.literal(2)]).default(1),
      reason: shortText(1000),
    }),
    access: access.escalators,
    summary: 'Escalates a ticket to the client service manager by hand, with a reason.',
  }),
  'escalations.acknowledge': method<EscalationDto>()({
    input: z.strictObject({ id, note: shortText(2000) }),
    access: access.managers,
    summary: 'The client service manager takes an escalation, with a note of what happens next.',
  }),
  'skills.list': method<SkillDto[]>()({
    input: empty,
    access: staff,
    summary: 'The skills technicians can have and tickets can require.',
  }),
  'skills.create': method<SkillDto>()({
    input: z.strictObject({ name: shortText(80), description: optionalText(500) }),
    access: access.admin,
    summary: 'Adds a skill (e.g. "Network", "Printers").',
  }),
  'technicians.list': method<TechnicianDto[]>()({
    input: empty,
    access: staff,
    summary: 'Every technician with skills and levels, certifications, shift pattern, home base and last position.',
  }),
  'technicians.save': method<TechnicianDto>()({
    input: technicianSaveInput,
    access: access.admin,
    summary:
      'Creates a technician, or replaces one (with id); skills and certifications are replaced as a whole. `userId` links the technician login whose "My day" this is; a login belongs to one technician only, so one linked to another technician is refused with `conflict` at `userId`, naming that technician.',
  }),
  'technicians.availability': method<AvailabilityDto[]>()({
    input: z
      .strictObject({ technicianId: id, from: instant, to: instant })
      .refine((w) => w.to > w.from, { path: ['to'], error: 'After from' })
      .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= 366 * 86_400_000, {
        path: ['to'],
        error: 'At most a year after from',
      }),
    access: access.escalationReaders,
    summary: "A technician's time off, sick days and extra shifts that overlap a period.",
  }),
  'technicians.addAvailability': method<AvailabilityDto>()({
    input: availabilityInput
      .refine((a) => a.endsAt > a.startsAt, { path: ['endsAt'], error: 'After the start' })
      .refine((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) <= 92 * 86_400_000, {
        path: ['endsAt'],
        error: 'At most 92 days; add longer absences in parts',
      }),
    access: access.dispatch,
    summary: 'Records time off, a sick day or an extra shift for a technician.',
  }),
  'technicians.removeAvailability': method<null>()({
    input: z.strictObject({ id }),
    access: access.dispatch,
    summary: 'Removes a recorded time off, sick day or extra shift.',
  }),
  'workTypes.list': method<WorkTypeDto[]>()({
    input: empty,
    access: staff,
    summary: 'Work types: templates that preset the skills and duration of a kind of job.',
  }),
  'workTypes.save': method<WorkTypeDto>()({
    input: workTypeSaveInput,
    access: access.admin,
    summary: 'Creates a work type, or replaces one (with id).',
  }),
  'visits.create': method<VisitDto>()({
    input: visitCreateInput,
    access: access.dispatch,
    summary:
      'Books a visit for a ticket: a lead technician, optional helpers, a start and a planned duration. Refused with `conflict` when anyone in the crew is booked at that time; refused with `invalid_input` at `override` when it falls outside a shift, in time off, or leaves too little time for travel, unless `override.reason` confirms it. Sets a new or assigned ticket to scheduled.',
  }),
  'visits.update': method<VisitDto>()({
    input: visitUpdateInput,
    access: access.dispatch,
    summary:
      'Reschedules or reassigns a visit (absent fields keep their value), with the same rules as booking. Answers `stale` when the visit changed since `expectedVersion`.',
  }),
  'visits.cancel': method<VisitDto>()({
    input: visitCancelInput,
    access: access.dispatch,
    summary:
      "Cancels a visit with a reason and frees its crew's time. Answers `stale` when it changed since `expectedVersion`.",
  }),
  'visits.updateChecklist': method<VisitDto>()({
    input: visitChecklistInput,
    access: access.dispatch,
    summary:
      "Saves the visit's coordination checklist: contact confirmed (who, how), location confirmed, access requirements confirmed. Answers `stale` when it changed since `expectedVersion`.",
  }),
  'visits.list': method<VisitDto[]>()({
    input: visitListInput,
    access: staff,
    summary:
      'Visits overlapping a period of at most 31 days, in start order, optionally for some technicians; a technician sees only their own.',
  }),
  'visits.forTicket': method<VisitDto[]>()({
    input: z.strictObject({ ticketId: id }),
    access: staff,
    summary: "A ticket's visits, cancelled ones included, in start order.",
  }),
  'visits.setStatus': method<VisitDto>()({
    input: visitSetStatusInput,
    access: access.visitStatus,
    summary:
      "Records that a visit's crew set off (en route, with an ETA from the travel model when none is given), arrived on site, or finished it completed or incomplete (with a reason). Allowed: scheduled → en_route | on_site, en_route → on_site, on_site → completed | incomplete; others are refused at `status`. `at` defaults to now; it may not be more than 5 minutes ahead, nor before the previous status change. A technician may set it only on visits they are on the crew of; a dispatcher's change is recorded as on behalf of the crew. The first arrival on site of a ticket is its SLA response moment (tickets.firstArrivalAt); an incomplete visit puts the ticket on hold, and the reason `escalated` raises a level-1 escalation. Answers `stale` when the visit changed since `expectedVersion`.",
  }),
  'visits.myDay': method<TechnicianDayDto>()({
    input: visitMyDayInput,
    access: access.technicianDay,
    summary:
      "A technician's visits on one day (in their zone; today when no date is given), in order, with the ticket, contact, site access, coordination checklist, status times and history, and the ETA the en-route button would propose. A technician sees only their own day.",
  }),
  'schedules.day': method<DayScheduleDto>()({
    input: scheduleDayInput,
    access: access.scheduleReaders,
    summary:
      "The printed daily schedule for one day (in each technician's zone) and one scope (`technicianId`, `team` or `everyone: true`, exactly one): per technician with visits that day, by name, the shift and first departure, and the visits in order with time window, ticket, priority, client, site, contact, access, description, work type, parts, crew, drive time from the previous stop and the checklist. An unknown technician or team is refused at its field; a date more than 400 days from today at `date`. A technician may ask only for their own day.",
  }),
  'schedules.pdf': method<DaySchedulePdfDto>()({
    input: schedulePdfInput,
    access: access.scheduleReaders,
    summary:
      'The same schedule as a PDF (base64 in `contentBase64`, A4 or LETTER): one technician per page (more when their visits do not fit), boxes for the checklist, lines for notes, "Page x of y" and the time printed. A day without visits gives a one-page "No visits on …" document. Same scope rules and refusals as schedules.day.',
  }),
  'schedules.mailSettings': method<ScheduleMailSettings>()({
    input: empty,
    access: access.admin,
    summary:
      "Whether each technician is e-mailed the next day's schedule (`enabled`, default false) and at what hour (`hour`, 0–23, default 18) in the organisation's time zone.",
  }),
  'schedules.saveMailSettings': method<ScheduleMailSettings>()({
    input: scheduleMailSettings,
    access: access.admin,
    summary:
      "Turns the next day's schedule e-mail on or off and sets its hour (a whole hour, 0 to 23, in the organisation's time zone). From that hour each technician with visits the next day and an e-mail address is sent their schedule as a PDF attachment, once per day. Audited.",
  }),

  'dispatch.recommend': method<Recommendation>()({
    input: dispatchRecommendInput,
    access: access.escalationReaders,
    summary:
      'Ranks every technician for one ticket on one day: excluded ones with every reason, the others by score (lower is better) at the best place in their day, with the reasons in words.',
  }),
  'dispatch.optimize': method<DispatchPlanDto>()({
    input: dispatchOptimizeInput,
    access: access.dispatch,
    summary:
      'Proposes a plan for a day or a range of days (at most 31): places unassigned tickets and may move unpinned visits. Runs in a worker within the time limit; progress arrives as dispatch.progress events. Nothing is written until dispatch.acceptPlan.',
  }),
  'dispatch.cancel': method<{ cancelled: boolean }>()({
    input: z.strictObject({ runId: z.uuid('Not a run id') }),
    access: access.dispatch,
    summary: 'Stops a running dispatch.optimize; it then answers with the best plan found so far.',
  }),
  'dispatch.acceptPlan': method<{ created: number; moved: number; unchanged: number }>()({
    input: z.strictObject({ planId: id }),
    access: access.dispatch,
    summary:
      'Writes a proposed plan in one transaction, or nothing when anything it relies on changed meanwhile (stale) or clashes (conflict).',
  }),
  'dispatch.discardPlan': method<{ discarded: boolean }>()({
    input: z.strictObject({ planId: id }),
    access: access.dispatch,
    summary: 'Drops a proposed plan without writing anything.',
  }),
  'dispatch.settings': method<DispatchSettings>()({
    input: empty,
    access: staff,
    summary: 'How ranking weighs technicians and how travel is estimated (offline, or an OSRM server).',
  }),
  'dispatch.saveSettings': method<DispatchSettings>()({
    input: dispatchSettings,
    access: access.admin,
    summary: 'Saves the ranking weights and the travel settings.',
  }),
  'geocoder.settings': method<GeocoderSettings>()({
    input: empty,
    access: access.directoryEditors,
    summary:
      'Whether a geocoder (a Nominatim or Photon server) is set up to find a site from its address, and where. Off unless an admin switches it on.',
  }),
  'geocoder.saveSettings': method<GeocoderSettings>()({
    input: geocoderSettings,
    access: access.admin,
    summary: 'Sets the geocoder: on or off, Nominatim or Photon, its address and how long to wait for it.',
  }),
  'geocoder.search': method<GeocodeResult>()({
    input: geocodeInput,
    access: access.directoryEditors,
    summary:
      'Asks the geocoder for up to 5 places matching an address, for the user to pick one. Never an error for the geocoder itself: off, unreachable, slow (timeoutMs) or answering something else comes back as `failure` in words, with no candidates.',
  }),
  'map.streetFile': method<StreetMapDto>()({
    input: empty,
    access: staff,
    summary:
      "The organisation's offline street map: the MBTiles file an admin set (null: none) and, while it can be read, its tile address on this console (GET /tiles/{z}/{x}/{y}, login required), format, zoom range, bounds and attribution; otherwise `problem` says why not (moved, share not mounted).",
  }),
  'map.saveStreetFile': method<StreetMapDto>()({
    input: streetMapSettings,
    access: access.admin,
    summary:
      'Sets the street file (null: none): an absolute path, on the machine that runs the console or a share it has mounted, to a readable MBTiles file of raster tiles (PNG, JPEG or WebP). Anything else is refused with `invalid_input` at `file`, saying why.',
  }),
  'organisation.settings': method<OrganisationSettings>()({
    input: empty,
    access: staff,
    summary: "The organisation's own settings: the first day of its week (Monday unless an admin chose another).",
  }),
  'organisation.saveSettings': method<OrganisationSettings>()({
    input: organisationSettings,
    access: access.admin,
    summary: "Saves the organisation's settings.",
  }),

  'parts.list': method<PartDto[]>()({
    input: partListInput,
    access: staff,
    summary:
      'The parts catalog in SKU order, optionally only parts whose SKU or name contains `query` (regardless of case); inactive parts only with `includeInactive`.',
  }),
  'parts.save': method<PartDto>()({
    input: partSaveInput,
    access: access.admin,
    summary:
      'Creates a part, or replaces one (with id). A SKU is unique regardless of case: a duplicate answers `conflict` naming `sku`.',
  }),
  'parts.importCsv': method<PartsImportSummary>()({
    input: partsImportInput,
    access: access.admin,
    summary:
      'Imports parts from CSV text (header row with sku, name, unit and optionally active, in any order and case; comma or semicolon separated; UTF-8 with or without BOM), creating or updating by SKU. All or nothing: any bad line answers `invalid_input` with one issue per bad line at `csv`, line number, column. `dryRun` counts without writing.',
  }),
  'workLogs.get': method<WorkLogDto>()({
    input: workLogGetInput,
    access: staff,
    summary:
      "A visit's work log (version 0 and empty when nothing is recorded yet), with a suggested time on site from the visit's arrival and end, and whether the caller may edit it.",
  }),
  'workLogs.forTicket': method<WorkLogDto[]>()({
    input: workLogsForTicketInput,
    access: staff,
    summary: "The work logs of a ticket's visits (cancelled visits only when something was recorded), in start order.",
  }),
  'workLogs.save': method<WorkLogDto>()({
    input: workLogSaveInput,
    access: access.documenters,
    summary:
      "Saves a visit's work log as a whole: actions, ordered steps, parts used by SKU with quantities and serial numbers, or `noParts`; time on site; outcome. Technicians only on visits they are crew of. Refused with `invalid_input` at `visitId` for a cancelled visit or a closed or cancelled ticket (reopen it first). Quantities in count units (anything but length, weight, volume and time) are whole numbers. Answers `stale` when it changed since `expectedVersion` (0 to create).",
  }),
  'attachments.add': method<AttachmentAddResult>()({
    input: attachmentAddInput,
    access: access.attachmentWriters,
    summary:
      'Attaches a photo or a service form (base64) to a visit or to the ticket. The type is read from the bytes: JPEG, PNG, WebP, HEIC/HEIF or PDF only; the size limit is attachments.settings. The same file attached to the same place again answers the existing attachment (`created: false`) and writes nothing. A technician may attach only to their own visits (or their tickets). Refused with `invalid_input` at `visitId` for a cancelled visit and at `ticketId` for a closed or cancelled ticket (reopen it first).',
  }),
  'attachments.list': method<AttachmentDto[]>()({
    input: z.strictObject({ ticketId: id }),
    access: staff,
    summary: "A ticket's attachments, its visits' included, oldest first.",
  }),
  'attachments.content': method<AttachmentContent>()({
    input: attachmentContentInput,
    access: staff,
    summary: "An attachment's file, or its thumbnail (JPEG/PNG/WebP photos only), as base64.",
  }),
  'attachments.settings': method<AttachmentSettings>()({
    input: empty,
    access: staff,
    summary: 'The largest file that may be attached, in MB (default 20).',
  }),
  'attachments.saveSettings': method<AttachmentSettings>()({
    input: attachmentSettings,
    access: access.admin,
    summary: 'Sets the largest file that may be attached (1 to 100 MB).',
  }),
  'signOffs.record': method<SignOffDto>()({
    input: signOffRecordInput,
    access: access.signOffWriters,
    summary:
      "Records the client's sign-off of a visit: a drawn signature (PNG) with the signer's name and role, or 'not required' with a reason. A visit has one current sign-off: another answers `conflict` unless it supersedes the current one (`supersedesId`) with a reason; both are kept, never edited. A technician may sign off only their own visits. Refused with `invalid_input` at `visitId` for a cancelled visit or a closed or cancelled ticket (reopen it first).",
  }),
  'signOffs.list': method<SignOffDto[]>()({
    input: z.strictObject({ ticketId: id }),
    access: staff,
    summary: "Every sign-off of a ticket's visits, newest first, each current or superseded (and by which).",
  }),
  // Closure, review, reopening, links and the timeline (issue 6, SOP section 6 and step 8).
  'tickets.closureCheck': method<ClosureCheckDto>()({
    input: z.strictObject({ ticketId: id }),
    access: staff,
    summary: 'What SOP section 6 requires before the ticket may be closed, each requirement met or what is missing.',
  }),
  'tickets.confirmResolution': method<TicketDto>()({
    input: confirmResolutionInput,
    access: access.followUp,
    summary: 'Records that the client confirmed the problem is resolved: who confirmed, how and when (default now).',
  }),
  'tickets.recordRemoteResolution': method<TicketDto>()({
    input: recordRemoteResolutionInput,
    access: access.intake,
    summary:
      'Records that an open ticket was resolved without a visit (by phone, remote session, e-mail or chat): how it was resolved, the steps taken, who at the client confirmed it and when. The ticket becomes resolved; `respondedAt`, the first contact that started the remote work, becomes its SLA response moment (firstArrivalAt, with responseKind `remote`) unless a crew arrived earlier. The closure gate then counts the steps as documented, parts as "none" and the sign-off as not required (remote resolution). Refused while a crew is on the way or on site, for a ticket not open, and at the field whose time is out of order (respondedAt ≥ receivedAt, respondedAt ≤ resolvedAt ≤ confirmedAt ≤ now, resolvedAt after the latest reopening). Answers `stale` when the ticket changed since `expectedVersion`.',
  }),
  'tickets.close': method<TicketDto>()({
    input: closeTicketInput,
    access: access.closers,
    summary:
      'Closes the ticket and stores its SLA adherence; refused with every missing requirement (invalid_input) when the closure gate is not met.',
  }),
  'tickets.reopen': method<TicketDto>()({
    input: reopenTicketInput,
    access: access.closers,
    summary:
      'Reopens a closed ticket within the reopen window (closure.settings), keeping its closure; it returns to the queue as new.',
  }),
  'tickets.link': method<TicketDto>()({
    input: linkTicketInput,
    access: access.followUp,
    summary:
      "Links a new request to an earlier ticket of the same client about the same issue, open or closed (a closed one stays closed). Refused with `invalid_input` at `earlierTicketId` for another client's ticket, the ticket itself or one received later, and with `conflict` (at `earlierTicketId`) when the two are already linked.",
  }),
  'tickets.recentlyClosed': method<RecentlyClosedTicketDto[]>()({
    input: recentlyClosedInput,
    access: access.followUp,
    summary:
      "A client's tickets closed in the last `days` (30 by default), newest closing first, at most 50: the earlier tickets a new request may be linked to once closed, each with the end of its reopen window (closure.settings).",
  }),
  'tickets.timeline': method<TimelineEventDto[]>()({
    input: z.strictObject({ ticketId: id }),
    access: staff,
    summary: 'Every event of the ticket from the audit log, oldest first, in words.',
  }),
  'closure.settings': method<ClosureSettings>()({
    input: empty,
    access: staff,
    summary: 'How many days after closing a ticket may be reopened.',
  }),
  'closure.saveSettings': method<ClosureSettings>()({
    input: closureSettings,
    access: access.admin,
    summary: 'Saves the reopen window.',
  }),
  'reports.slaAdherence': method<SlaAdherenceReport>()({
    input: slaAdherenceInput,
    access: access.reportReaders,
    summary:
      "SLA adherence of the tickets closed in a period (inclusive dates in the organisation's zone), filtered by team, client or priority and grouped by one dimension or by day, week or month: met, missed, % met, and the median and 90th percentile of response and resolution minutes per group and in total.",
  }),
  'reports.volumes': method<FigureReport>()({
    input: reportInput,
    access: access.reportReaders,
    summary:
      "Volumes and backlog of a period, with the same filters and grouping as SLA adherence: tickets received by channel and by priority; tickets open at the end of the period (or now, if sooner) by age band and priority; reopenings. Every count opens its tickets through reports.tickets with report 'volumes', the table's id and the figure's id.",
  }),
  'reports.firstTimeFix': method<FigureReport>()({
    input: reportInput,
    access: access.reportReaders,
    summary:
      'First-time fix of the tickets closed in a period (closings in force): fixed first time, not, not recorded, the rate, visits on site per ticket and tickets visited twice or more; and the visits that ended incomplete in the period by reason.',
  }),
  'reports.escalations': method<FigureReport>()({
    input: reportInput,
    access: access.escalationReaders,
    summary:
      "Escalations raised in a period, grouped like the other reports by when they were raised: counts by level and by kind (at risk, breached, by hand, low feedback score), acknowledged and not yet, and the median and 90th percentile of the minutes to acknowledge; and the same by kind. Every count opens its tickets through reports.tickets with report 'escalations'.",
  }),
  'reports.review': method<FigureReport>()({
    input: reportInput,
    access: access.reviewReaders,
    summary:
      "Reviews and client feedback of a period, grouped like the other reports: reviews made, SOP followed and not, its share, and how often each improvement tag was given; feedback scores given (page or phone), their average, the count of each score 1–5, low scores (2 or less) and their share. Every count opens its tickets through reports.tickets with report 'review'. For those who read reviews: client service managers, supervisors and admins.",
  }),
  'reports.utilization': method<FigureReport>()({
    input: reportInput,
    access: access.reportReaders,
    summary:
      "Technician utilization of a period, grouped by technician, team, day, week or month (other groupings, a client and a priority are refused at their field): shift minutes (the technician's pattern or the organisation's hours less closed days, less time off, plus extra shifts), visits, booked minutes, on-site minutes (arrival to finish), driving minutes (the offline travel estimate from the previous stop of the day, or from base), and booked, on-site and driving shares of the shift. Visits and minutes open their tickets through reports.tickets with report 'utilization'.",
  }),
  'reports.tickets': method<ReportTicketList>()({
    input: reportTicketsInput,
    access: access.reportReaders,
    summary:
      "The tickets behind one figure of a report (`report`, SLA adherence when left out): the same period and filters, the group's key (null for tickets without one), and for SLA adherence optionally one outcome, for the others the `table` and `measure` ids of the figure (a percentage opens its numerator's tickets); at most 5,000, `truncated` says when more matched. The review report is refused to those who may not read reviews.",
  }),
  'reports.export': method<ReportFileDto>()({
    input: reportExportInput,
    access: access.reportReaders,
    summary:
      'A report (`report`, SLA adherence when left out), or with `drill` the ticket list behind one of its figures, as a CSV or XLSX file (typed numeric and date cells; a report of several tables has one sheet per table), base64 in the answer.',
  }),
  'reviews.pending': method<PendingReviewDto[]>()({
    input: empty,
    access: access.reviewReaders,
    summary: 'Closed tickets whose latest closure has not been reviewed, oldest closure first.',
  }),
  'reviews.completed': method<CompletedReviewDto[]>()({
    input: z.strictObject({ limit: z.int().min(1).max(500).default(100) }),
    access: access.reviewReaders,
    summary: 'The latest reviews of closed tickets, newest first.',
  }),
  'reviews.record': method<TicketDto>()({
    input: reviewRecordInput,
    access: access.managers,
    summary:
      "Reviews a closed ticket's latest closure: note, improvement tags, whether the SOP was followed (once per closure).",
  }),
  // The outbox and its transports (issue 14): the one way anything leaves the console.
  'outbox.list': method<OutboxListDto>()({
    input: outboxListInput,
    access: access.messageReaders,
    summary:
      'Messages of the outbox, newest first, optionally of one ticket or in one status (queued, sending, sent, failed = not delivered), at most `limit`; pass `next` as `after` for the next page. Without bodies: outbox.get has them.',
  }),
  'outbox.get': method<OutboxMessageDto>()({
    input: outboxIdInput,
    access: access.messageReaders,
    summary:
      "One message whole: exactly what was (or will be) sent, its attempts and last error, and the delivery record (time, transport, recipient, the server's answer and message id).",
  }),
  'outbox.retry': method<OutboxMessageDto>()({
    input: outboxIdInput,
    access: access.messageReaders,
    summary:
      'Puts a message that was not delivered (failed) back in the queue, due now with a fresh count of attempts; audited. Refused with `invalid_input` at `id` for a message in any other status.',
  }),
  'outbox.status': method<OutboxStatusDto>()({
    input: empty,
    access: access.messageReaders,
    summary:
      'How many messages are queued, sending, sent and failed; which transports are set up; and how many queued messages wait for a transport that is not (they lose no attempt meanwhile).',
  }),
  'outbox.settings': method<OutboxSettings>()({
    input: empty,
    access: access.messageReaders,
    summary:
      "How failed sends are retried: first retry after firstRetryMinutes, doubling up to maxRetryMinutes, at most maxAttempts attempts (default 1, 60, 8); and delayGraceMinutes (default 15): a delay notice goes to the client once the crew is projected that many minutes after the visit's start, and another each time the estimate slips by as much again.",
  }),
  'outbox.saveSettings': method<OutboxSettings>()({
    input: outboxSettingsSaveInput,
    access: access.admin,
    summary:
      "Saves the retry schedule (applies to the next failure of every message) and the delay notices' grace (from the next projection); without delayGraceMinutes the saved grace stays.",
  }),
  'mail.settings': method<MailSettingsDto>()({
    input: empty,
    access: access.admin,
    summary:
      'The SMTP server messages are sent through (host, port, TLS mode, user, from address); the password is never returned, only `passwordSet`. `configured` is false until one is saved.',
  }),
  'mail.saveSettings': method<MailSettingsDto>()({
    input: mailSettingsSaveInput,
    access: access.admin,
    summary:
      "Saves the SMTP server: tls is 'starttls' (upgrade on connect, usually port 587), 'tls' (TLS from the start, usually 465) or 'none'. `password` left out keeps the stored one; null clears it.",
  }),
  'mail.sendTest': method<MailTestResult>()({
    input: mailSendTestInput,
    access: access.admin,
    summary:
      "Sends a test message to `to` now, through the saved SMTP server and outside the outbox, and answers the server's reply (`delivered: true`, response, messageId) or what failed (`delivered: false`, stage: settings, connection, timeout, tls, authentication, sender, recipient or message; the SMTP code; the error).",
  }),
  'webhook.settings': method<WebhookSettingsDto>()({
    input: empty,
    access: access.admin,
    summary:
      'The webhook messages are also posted to (url, the message kinds it takes, and whether it is `enabled`); the signing secret is never returned, only `secretSet`. `configured` is false until one is saved.',
  }),
  'webhook.saveSettings': method<WebhookSettingsDto>()({
    input: webhookSettingsSaveInput,
    access: access.admin,
    summary:
      'Saves the webhook: an http(s) `url`, the `secret` its requests are signed with (HMAC-SHA256; at least 16 characters; required the first time, left out to keep the stored one, null to clear it), the message `kinds` posted to it and `enabled` (default true; false posts nothing and keeps the rest). A webhook that is on needs a secret (refused at `secret`). See "Webhook messages" below for what is posted.',
  }),
  'webhook.sendTest': method<WebhookTestResult>()({
    input: empty,
    access: access.admin,
    summary:
      'Posts a signed test document (kind `webhook-test`) to the saved webhook now, outside the outbox, and answers its reply (`delivered: true`, response) or what failed (`delivered: false`, stage: settings, connection, timeout or message; the HTTP status; the error).',
  }),
  // E-mail intake (issue 17, section 1).
  'mailboxes.list': method<MailboxDto[]>()({
    input: empty,
    access: access.admin,
    summary:
      'The support mailboxes read over IMAP into tickets (host, port, TLS mode, user, folder, `enabled`), with when each was last read and what went wrong then; the password is never returned, only `passwordSet`.',
  }),
  'mailboxes.save': method<MailboxDto>()({
    input: mailboxSaveInput,
    access: access.admin,
    summary:
      "Connects a support mailbox (no `id`) or changes one: tls is 'tls' (from the start, usually port 993), 'starttls' (upgrade required, usually 143) or 'none'; `folder` defaults to INBOX. `password` is required for a new mailbox and left out to keep the stored one. `enabled: false` stops reading it. Audited without the password.",
  }),
  'mailboxes.test': method<MailboxTestResult>()({
    input: mailboxTestInput,
    access: access.admin,
    summary:
      "Logs in with the values given (the stored password of `id` when none is given), opens the folder read-only and answers `connected: true` with its message count and whether the server can IDLE, or `connected: false` with the stage that failed (connection, authentication or folder) and the server's words. Saves nothing.",
  }),
  // Message templates and who receives messages (issue 14, sections 3 and 4).
  'templates.list': method<MessageTemplateListDto>()({
    input: empty,
    access: access.admin,
    summary:
      "Every message kind's template in effect (the admin's where saved, else the shipped default, `custom` saying which), when each is sent and to whom, the default wording, and every placeholder a template may use.",
  }),
  'templates.get': method<MessageTemplateDto>()({
    input: templateKindInput,
    access: access.admin,
    summary: "One message kind's template in effect, with its shipped default.",
  }),
  'templates.save': method<MessageTemplateDto>()({
    input: templateSaveInput,
    access: access.admin,
    summary:
      'Saves the subject and plain-text body (Mustache: {{placeholder}}, sections {{#placeholder}}…{{/placeholder}} shown only when it has a value) used for a kind from now on; the HTML part is made from the text. A placeholder that does not exist, a partial or a syntax error is refused with `invalid_input` at `subject` or `body`, naming it. Audited.',
  }),
  'templates.reset': method<MessageTemplateDto>()({
    input: templateKindInput,
    access: access.admin,
    summary: 'Goes back to the shipped default for a kind (forgets the saved template). Audited.',
  }),
  'templates.preview': method<RenderedMessageDto>()({
    input: templatePreviewInput,
    access: access.admin,
    summary:
      "Renders a kind's template, as saved or the unsaved `draft`, with a real ticket's data (and `visitId`, else its next live visit, else its latest), answering the subject, plain text and HTML exactly as they would be sent. Writes nothing. A draft naming an unknown placeholder is refused as templates.save refuses it, at `draft.subject` or `draft.body`.",
  }),
  'clients.messagePreferences': method<ClientMessagePreferencesDto>()({
    input: clientMessagePreferencesInput,
    access: staff,
    summary: "Which messages a client's contacts receive; every kind is on until turned off.",
  }),
  'clients.saveMessagePreferences': method<ClientMessagePreferencesDto>()({
    input: clientMessagePreferencesSaveInput,
    access: access.directoryEditors,
    summary:
      'Turns message kinds on (true) or off (false) for a client; kinds left out keep their setting. Messages already queued are not recalled. Audited.',
  }),
  'contacts.setMessagesOptOut': method<ContactDto>()({
    input: contactMessagesOptOutInput,
    access: access.directoryEditors,
    summary:
      'Records that a contact wants no messages from the console (optOut true) or wants them again. Answers stale when the contact changed since expectedRevision. Audited.',
  }),
  // The client's feedback after closure (issue 14, section 4, item 8).
  'feedback.record': method<FeedbackDto>()({
    input: feedbackRecordInput,
    access: access.feedbackRecorders,
    summary:
      'Records feedback the client gave by phone on a closed ticket: score 1–5, comment, and `problemBack` (true logs a new ticket for the desk, same client, site and contact, linked to this one). A score of 1 or 2 raises a level-1 escalation (kind `low_feedback`) to the client service manager. Refused with `invalid_input` at `ticketId` for a ticket that is not closed. Audited.',
  }),
  'feedback.forTicket': method<TicketFeedbackDto>()({
    input: feedbackForTicketInput,
    access: access.feedbackReaders,
    summary:
      "A ticket's feedback, newest first (from the feedback page or by phone), and its latest closing's feedback request: when the link stops working and whether it was used.",
  }),
  'feedback.settings': method<FeedbackSettingsDto>()({
    input: empty,
    access: access.admin,
    summary:
      "The public address feedback links start with (`publicBaseUrl`, null for the default) and the address links use now (`effectiveBaseUrl`: the saved one, else this server's own in browser mode, else null: the request then asks the client to reply or call).",
  }),
  'feedback.saveSettings': method<FeedbackSettingsDto>()({
    input: feedbackSettingsSaveInput,
    access: access.admin,
    summary:
      'Saves the public address of feedback links, e.g. https://dispatch.example.com (http or https, no user, query or #; a trailing / is dropped), or null for the default. Applies to requests made from then on. Audited.',
  }),
  // Reminders, updates from the ticket panel and calls logged (issue 14, section 4, items 4 and 9).
  'reminders.settings': method<ReminderSettings>()({
    input: empty,
    access: access.messageReaders,
    summary:
      "How long before a visit its reminder goes to the ticket's contact: `leadHours` (default 24). A reminder due between 21:00 and 07:00 at the site goes at 20:45 the evening before.",
  }),
  'reminders.saveSettings': method<ReminderSettings>()({
    input: reminderSettings,
    access: access.admin,
    summary:
      'Saves the reminder lead time (whole hours, 1 to 168); applies to visits booked or moved from then on. Audited.',
  }),
  'messages.draftUpdate': method<ClientUpdateDraftDto>()({
    input: clientUpdateDraftInput,
    access: access.clientUpdaters,
    summary:
      "Starts a free-text update to a ticket's contact: a client message kind's template (`kind`, by default `client-update`) rendered with the ticket's data, to edit before sending; who it goes to; and `blocked`, in words, when it cannot go (no contact, opted out, no address). Writes nothing.",
  }),
  'messages.sendUpdate': method<ClientUpdateSentDto>()({
    input: clientUpdateSendInput,
    access: access.clientUpdaters,
    summary:
      "Queues a free-text update (`subject`, `body` sent exactly as written; the HTML part made from it) to the ticket's contact through the outbox, kind `client-update`. Refused at `ticketId` when the contact opted out or cannot be reached, at `body` while it still holds [Write the update here.]. The same `requestId` again queues nothing more. Audited; on the ticket's timeline.",
  }),
  'calls.log': method<TicketCallDto>()({
    input: callLogInput,
    access: access.callLoggers,
    summary:
      'Logs a call for an update given by phone: who was called (`calledName`, `phone`), when (`calledAt`, not in the future) and what was said (`summary`); by the caller. Technicians only on tickets they have a visit on. Audited; on the ticket timeline.',
  }),
  // Settings transfer (issue 16 §5): the organisation's set-up from one console to another.
  'settingsTransfer.export': method<SettingsFileDto>()({
    input: empty,
    access: access.admin,
    summary:
      "The organisation's set-up as one JSON file, base64 in the answer: `format`, `formatVersion`, `schemaVersion` (this console's latest migration), `exportedAt` and `sections` (organisation, default calendar, SLA policy and matrix, closure, dispatch, attachments, retries and delay notices, reminders, geocoder, e-mail server, webhook, skills, work types with their skills by name, message templates an admin saved, the parts catalog). Never the SMTP password or the webhook secret; never the backup folder or the feedback links' address.",
  }),
  'settingsTransfer.preview': method<SettingsPreviewDto>()({
    input: settingsPreviewInput,
    access: access.admin,
    summary:
      'Checks a settings file (`file`, its text) and answers, per section, what an import would add, change (before and after in words), leave unchanged, and leave as it is because the file does not mention it; and a `fingerprint` for settingsTransfer.import. Refused with `invalid_input` naming the field (under `file`) for a file that is not JSON, not a settings file, of a newer format, or holds a work type needing a skill neither the file nor this console has. Writes nothing.',
  }),
  'settingsTransfer.import': method<SettingsImportResultDto>()({
    input: settingsImportInput,
    access: access.admin,
    summary:
      "Applies a settings file all or nothing in one transaction: skills and work types matched by name, parts by SKU, templates by kind; what the file does not mention stays. `expectedPreview` is the preview's fingerprint: refused as `stale` when the file or this console's set-up changed since. Refused like the preview for a bad file. Audited.",
  }),
  'calls.forTicket': method<TicketCallDto[]>()({
    input: callsForTicketInput,
    access: access.callLoggers,
    summary: "A ticket's logged calls, latest first, with who logged each.",
  }),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export const methodNames = Object.keys(api) as MethodName[];

export type ApiInput<K extends MethodName> = z.input<Api[K]['input']>;
export type ApiParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type ApiOutput<K extends MethodName> = Exclude<Api[K]['output'], undefined>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
