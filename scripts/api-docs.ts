// Renders docs/API.md from the contract, so the integration docs cannot drift from the code.
// `npm run docs:api` writes it; tests/unit/api-docs.test.ts fails when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { api, methodNames, type MethodName } from '../shared/api/contract';
import type { ErrorCode } from '../shared/errors';
import { DEFAULT_BODY_BYTES } from '../electron/core/services/attachments/upload-limits';
import { statusFor, TOO_LARGE_STATUS, WRONG_VERB_STATUS } from '../electron/http/error-status';

const outputs: Record<MethodName, string> = {
  'auth.status': 'AuthStatus',
  'auth.setup': 'UserDto',
  'auth.login': 'UserDto',
  'auth.logout': 'null',
  'auth.createApiToken': '{ token: string; name: string; userId: string }',
  'users.list': 'UserDto[]',
  'users.create': 'UserDto',
  'users.update': 'UserDto',
  'users.setActive': 'UserDto',
  'users.resetPassword': '{ user: UserDto; temporaryPassword: string }',
  'auth.changePassword': 'UserDto',
  'auth.apiTokens': 'ApiTokenDto[]',
  'auth.revokeApiToken': 'null',
  'signIn.settings': 'SignInSettings',
  'signIn.saveSettings': 'SignInSettings',
  'signIn.locks': 'SignInThrottleDto[]',
  'signIn.unlock': 'null',
  'clients.search': 'CallerMatch[]',
  'clients.create': 'ClientDto',
  'contacts.create': 'ContactDto',
  'contacts.list': 'ContactDto[]',
  'sites.list': 'SiteDto[]',
  'sites.create': 'SiteDto',
  'clients.list': 'ClientPage',
  'clients.update': 'ClientDto',
  'contacts.update': 'ContactDto',
  'contacts.setActive': 'ContactDto',
  'sites.update': 'SiteDto',
  'tickets.create': 'TicketDto',
  'tickets.get': 'TicketDto',
  'tickets.queue': 'QueueRow[]',
  'priority.assess': '{ impact; urgency; priority }',
  'tickets.overridePriority': 'TicketDto',
  'tickets.recordFirstContact': 'TicketDto',
  'tickets.setNeeds': 'TicketDto',
  'tickets.recomputeSla': '{ updated: number }',
  'sla.preview': '{ dueAt: string } (ISO 8601, UTC)',
  'sla.settings': 'SlaSettings',
  'sla.saveSettings': 'SlaSettings',
  'calendars.list': 'CalendarDto[]',
  'calendars.save': 'CalendarDto',
  'calendars.remove': 'null',
  'escalations.list': 'EscalationDto[]',
  'escalations.create': 'EscalationDto',
  'escalations.acknowledge': 'EscalationDto',
  'skills.list': 'SkillDto[]',
  'skills.create': 'SkillDto',
  'technicians.list': 'TechnicianDto[]',
  'technicians.save': 'TechnicianDto',
  'technicians.availability': 'AvailabilityDto[]',
  'technicians.addAvailability': 'AvailabilityDto',
  'technicians.removeAvailability': 'null',
  'workTypes.list': 'WorkTypeDto[]',
  'workTypes.save': 'WorkTypeDto',
  'visits.create': 'VisitDto',
  'visits.update': 'VisitDto',
  'visits.cancel': 'VisitDto',
  'visits.updateChecklist': 'VisitDto',
  'visits.list': 'VisitDto[]',
  'visits.forTicket': 'VisitDto[]',
  'visits.setStatus': 'VisitDto',
  'visits.myDay': 'TechnicianDayDto',
  'schedules.day': 'DayScheduleDto',
  'schedules.pdf': '{ fileName: string; mimeType: "application/pdf"; pages: number; contentBase64: string }',
  'schedules.mailSettings': '{ enabled: boolean; hour: number }',
  'schedules.saveMailSettings': '{ enabled: boolean; hour: number }',
  'dispatch.recommend': 'Recommendation',
  'dispatch.optimize': 'DispatchPlanDto',
  'dispatch.cancel': '{ cancelled: boolean }',
  'dispatch.acceptPlan': '{ created: number; moved: number; unchanged: number }',
  'dispatch.discardPlan': '{ discarded: boolean }',
  'dispatch.settings': 'DispatchSettings',
  'dispatch.saveSettings': 'DispatchSettings',
  'geocoder.settings': 'GeocoderSettings',
  'geocoder.saveSettings': 'GeocoderSettings',
  'geocoder.search': 'GeocodeResult',
  'map.streetFile': 'StreetMapDto',
  'map.saveStreetFile': 'StreetMapDto',
  'organisation.settings': 'OrganisationSettings',
  'organisation.saveSettings': 'OrganisationSettings',
  'parts.list': 'PartDto[]',
  'parts.save': 'PartDto',
  'parts.importCsv': '{ rows; created; updated; unchanged; dryRun }',
  'workLogs.get': 'WorkLogDto',
  'workLogs.forTicket': 'WorkLogDto[]',
  'workLogs.save': 'WorkLogDto',
  'attachments.add': 'AttachmentAddResult',
  'attachments.list': 'AttachmentDto[]',
  'attachments.content': '{ fileName: string; mimeType: string; contentBase64: string }',
  'attachments.settings': 'AttachmentSettings',
  'attachments.saveSettings': 'AttachmentSettings',
  'signOffs.record': 'SignOffDto',
  'signOffs.list': 'SignOffDto[]',
  'tickets.closureCheck': 'ClosureCheckDto',
  'tickets.confirmResolution': 'TicketDto',
  'tickets.recordRemoteResolution': 'TicketDto',
  'tickets.close': 'TicketDto',
  'backup.status': 'BackupStatusDto',
  'backup.saveSettings': 'BackupSettings',
  'backup.run': 'BackupFileDto',
  'backup.list': 'BackupListDto',
  'backup.restore': 'RestoreStagedDto',
  'audit.list': 'AuditPageDto',
  'audit.get': 'AuditDetailDto',
  'audit.kinds': 'string[]',
  'audit.export': 'AuditExportDto',
  'tickets.reopen': 'TicketDto',
  'tickets.link': 'TicketDto',
  'tickets.recentlyClosed': 'RecentlyClosedTicketDto[]',
  'tickets.timeline': 'TimelineEventDto[]',
  'closure.settings': 'ClosureSettings',
  'closure.saveSettings': 'ClosureSettings',
  'reports.slaAdherence': 'SlaAdherenceReport',
  'reports.volumes': 'FigureReport',
  'reports.firstTimeFix': 'FigureReport',
  'reports.escalations': 'FigureReport',
  'reports.review': 'FigureReport',
  'reports.utilization': 'FigureReport',
  'reports.tickets': 'ReportTicketList',
  'reports.export': 'ReportFileDto',
  'reviews.pending': 'PendingReviewDto[]',
  'reviews.completed': 'CompletedReviewDto[]',
  'reviews.record': 'TicketDto',
  'outbox.list': '{ messages: OutboxSummaryDto[]; next: string | null }',
  'outbox.get': 'OutboxMessageDto',
  'outbox.retry': 'OutboxMessageDto',
  'outbox.status': 'OutboxStatusDto',
  'outbox.settings': 'OutboxSettings',
  'outbox.saveSettings': 'OutboxSettings',
  'mail.settings': 'MailSettingsDto',
  'mail.saveSettings': 'MailSettingsDto',
  'mail.sendTest': 'MailTestResult',
  'webhook.settings': 'WebhookSettingsDto',
  'webhook.saveSettings': 'WebhookSettingsDto',
  'webhook.sendTest': 'WebhookTestResult',
  'mailboxes.list': 'MailboxDto[]',
  'mailboxes.save': 'MailboxDto',
  'mailboxes.test': 'MailboxTestResult',
  'templates.list': 'MessageTemplateListDto',
  'templates.get': 'MessageTemplateDto',
  'templates.save': 'MessageTemplateDto',
  'templates.reset': 'MessageTemplateDto',
  'templates.preview': '{ subject: string; text: string; html: string }',
  'clients.messagePreferences': 'ClientMessagePreferencesDto',
  'clients.saveMessagePreferences': 'ClientMessagePreferencesDto',
  'contacts.setMessagesOptOut': 'ContactDto',
  'feedback.record': 'FeedbackDto',
  'feedback.forTicket': 'TicketFeedbackDto',
  'feedback.settings': 'FeedbackSettingsDto',
  'feedback.saveSettings': 'FeedbackSettingsDto',
  'reminders.settings': '{ leadHours: number }',
  'reminders.saveSettings': '{ leadHours: number }',
  'messages.draftUpdate': 'ClientUpdateDraftDto',
  'messages.sendUpdate': 'ClientUpdateSentDto',
  'calls.log': 'TicketCallDto',
  'calls.forTicket': 'TicketCallDto[]',
  'settingsTransfer.export': 'SettingsFileDto',
  'settingsTransfer.preview': 'SettingsPreviewDto',
  'settingsTransfer.import': 'SettingsImportResultDto',
};

/**
 * The error codes a client meets, with the transport's own statuses (error-status.ts), so the
 * table cannot drift from what the server answers. setup_required is left out: no method
 * returns it today.
 */
const errorRows: { code: ErrorCode; otherStatuses?: string; meaning: string }[] = [
  {
    code: 'invalid_input',
    otherStatuses: `${TOO_LARGE_STATUS} when the body is larger than the method's limit; ${WRONG_VERB_STATUS} for a method not called with POST`,
    meaning: 'the input failed validation; `issues` names each field by its path; nothing was written',
  },
  { code: 'unauthenticated', meaning: 'no valid session cookie or API token' },
  {
    code: 'forbidden',
    meaning:
      "the caller's role may not call this method, or the request names another host or comes from another origin (see Host names below)",
  },
  { code: 'not_found', meaning: 'the thing asked for does not exist' },
  { code: 'unknown_method', meaning: 'there is no such method' },
  { code: 'conflict', meaning: 'someone else changed or created the same thing first (e.g. a taken username)' },
  {
    code: 'stale',
    meaning:
      'the record changed since you read it (its `version` moved on); reload it and try again; nothing was written',
  },
  { code: 'internal', meaning: 'a bug; the change was not saved' },
];

/** The table of error codes and HTTP statuses in docs/API.md. */
export function errorTable(): string {
  const rows = errorRows.map(({ code, otherStatuses, meaning }) => {
    const status = otherStatuses ? `${statusFor[code]} (${otherStatuses})` : String(statusFor[code]);
    return `| \`${code}\` | ${status} | ${meaning} |`;
  });
  return ['| code | HTTP status | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** JSON Schema of an input, without the long regular expressions zod adds beside `format`. */
function inputSchema(schema: z.ZodType): unknown {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.parse(JSON.stringify(json), (key, value: unknown) => {
    if (value && typeof value === 'object' && 'format' in value && 'pattern' in value) {
      const { pattern: _pattern, ...rest } = value as Record<string, unknown>;
      return rest;
    }
    return value;
  }) as unknown;
}

function interfacesOf(file: string): string {
  const source = fs.readFileSync(file, 'utf8');
  return (source.match(/^export interface \w+ \{[\s\S]*?^\}/gm) ?? []).join('\n\n');
}

function access(name: MethodName): string {
  const a = api[name].access;
  if (a === 'public') return 'anyone (no login)';
  if (a === 'authenticated') return 'any logged-in user';
  return a.map((r) => `\`${r}\``).join(', ');
}

export function renderApiDocs(root: string): string {
  const parts: string[] = [];
  parts.push(`# Dispatch Console HTTP API

This file is generated from \`shared/api/contract.ts\` by \`npm run docs:api\`; do not edit it by hand.

Browser mode (\`npm run serve\`) serves the same methods that the desktop app calls over IPC. Other
systems (a portal, another ticketing system) use them to create and read tickets.

## Calling a method

\`POST /api/<method>\` with a JSON body (\`Content-Type: application/json\`, at most
${DEFAULT_BODY_BYTES / 1024 / 1024} MiB; \`attachments.add\` and \`parts.importCsv\` take more, but only from a caller who
may call them: anyone else is answered 401 or 403 before a larger body is read). Every answer is
JSON of one shape:

\`\`\`json
{ "ok": true, "value": { } }
{ "ok": false, "error": { "code": "invalid_input", "message": "The input is not valid.",
  "issues": [{ "path": ["description"], "message": "Required" }] } }
\`\`\`

${errorTable()}

A body over the method's limit is answered ${TOO_LARGE_STATUS} with \`invalid_input\` (for an upload, at
\`contentBase64\`, naming the limit) as soon as its \`Content-Length\` or the bytes read pass the limit;
the rest is not read and the connection is closed.

Unknown fields are refused (\`invalid_input\`, path = the field), and so is text anywhere in the
input that holds a NUL character, U+0000 (path = where it is). Instants are ISO 8601 strings
with an offset or \`Z\` on input and are always returned in UTC.

## Host names

Every request (methods, the event stream, the console's pages) must name the server in its
\`Host\` header: \`127.0.0.1\`, \`localhost\` or \`[::1]\` at the server's port, the address given
with \`--host\`, or a name added with \`--allowed-host NAME\` (repeatable; \`NAME:PORT\` for a proxy
on another port). An \`Origin\` header, when sent, must be one of those too. Anything else is
answered 403 \`forbidden\`: a web page on another name that resolves to this machine (DNS
rebinding) cannot call the API. An integration calling the server from another machine uses a
name added with \`--allowed-host\`.

## Logging in

- **Integrations** use an API token: an admin creates one with \`auth.createApiToken\` (it acts as the
  given user, with that user's role; it is shown once and stored only as a hash). Send it as
  \`Authorization: Bearer <token>\`.
- **Browsers** call \`auth.login\` with \`{ "username", "password" }\`; the answer sets the
  \`dispatch_session\` cookie (HttpOnly, SameSite=Strict, sliding 12-hour expiry). \`auth.logout\` ends it.

Creating a ticket is idempotent on \`(channel, externalRef)\`: an integration that retries gets the
ticket it created the first time, not a second one.

\`\`\`sh
curl -s http://127.0.0.1:4780/api/tickets.create \\
  -H 'Authorization: Bearer dt_…' -H 'Content-Type: application/json' \\
  -d '{"channel":"portal","externalRef":"PORTAL-4411","receivedAt":"2026-11-26T09:14:00-05:00",
       "clientId":"…","description":"Printer offline on floor 3","priority":"medium"}'
\`\`\`

## Live events

\`GET /api/events\` (logged in) is a server-sent event stream. It sends \`event: ready\` when
connected (and again after every reconnect: refetch then), then one \`data:\` line of JSON per
change, e.g. \`{"type":"ticket.created","ticketId":"…","number":"T-2026-000123","clientId":"…"}\`.
Events carry ids only; fetch the data with the methods below, which check your role.

## Webhook messages

An admin may set a webhook (\`webhook.saveSettings\`) so that an SMS or chat gateway receives the
messages of chosen kinds, besides any e-mail: for each, the console POSTs one JSON document to the
URL, through the outbox (retried with the same schedule as e-mail, shown in the Messages view and
on the ticket). The document goes to a person reached by phone alone, too:

\`\`\`http
POST /hooks/dispatch HTTP/1.1
Content-Type: application/json
X-Dispatch-Event: webhook:on-the-way:5b0c…:v3
X-Dispatch-Signature: t=1796378400,v1=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08

{
  "eventKey": "webhook:on-the-way:5b0c…:v3",
  "kind": "on-the-way",
  "ticket": { "id": "1d6e…", "number": "T-2026-000123" },
  "visitId": "5b0c…",
  "to": { "name": "Ann Dodsworth", "email": null, "phone": "+1 212 555 0100" },
  "subject": "Terry is on the way for T-2026-000123",
  "text": "Dear Ann Dodsworth,\\n\\nTerry has set off for Head office for your request T-2026-000123.\\nExpected arrival: …",
  "createdAt": "2026-12-07T15:02:11.000Z"
}
\`\`\`

Check \`X-Dispatch-Signature\` before trusting a post: \`v1\` is the hex HMAC-SHA256, keyed with the
webhook's secret, of \`<t>.<raw body>\`, where \`t\` is the Unix time of the attempt (refuse old
ones). \`eventKey\` is the same on every retry of one message: drop repeats by it. Any 2xx answer
is delivery (an \`X-Message-Id\` header is kept with it); anything else, a redirect included, is
retried.

## Methods
`);
  for (const name of methodNames) {
    const spec = api[name];
    parts.push(`### \`${name}\`

${spec.summary}

- Who may call it: ${access(name)}
- Returns: \`${outputs[name]}\`

\`\`\`json
${JSON.stringify(inputSchema(spec.input), null, 2)}
\`\`\`
`);
  }
  parts.push(`## Types

\`\`\`ts
${interfacesOf(path.join(root, 'shared/api/contract.ts'))}

${interfacesOf(path.join(root, 'shared/domain/directory.ts'))}

${interfacesOf(path.join(root, 'shared/domain/ticket.ts'))}

${interfacesOf(path.join(root, 'shared/domain/escalation.ts'))}

${interfacesOf(path.join(root, 'shared/domain/sla-settings.ts'))}

${interfacesOf(path.join(root, 'shared/domain/technician.ts'))}

${interfacesOf(path.join(root, 'shared/domain/visit.ts'))}

${interfacesOf(path.join(root, 'shared/domain/messages.ts'))}

${interfacesOf(path.join(root, 'shared/domain/settings-transfer.ts'))}
${interfacesOf(path.join(root, 'shared/domain/email-intake.ts'))}
\`\`\`
`);
  return parts.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..');
  fs.writeFileSync(path.join(root, 'docs/API.md'), renderApiDocs(root));
  console.log('docs/API.md written');
}
