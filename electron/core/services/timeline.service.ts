import {
  remoteChannelLabels,
  reviewTagLabels,
  resolutionMethodLabels,
  slaAdherenceText,
  type RemoteChannel,
  type ResolutionMethod,
  type TimelineEventDto,
} from '../../../shared/domain/closure';
import { outboxStatusLabels, type OutboxSummaryDto } from '../../../shared/domain/outbox';
import { priorityLabels, statusLabels, type Priority, type TicketStatus } from '../../../shared/domain/ticket';
import { visitStatusLabels, type VisitStatus } from '../../../shared/domain/visit';
import { z } from 'zod';
import { utcWords } from '../../../shared/time/instant-words';
import { readJsonOrUndefined } from '../db/json-column';

export interface AuditRow {
  id: string;
  at: string;
  method: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  display_name: string | null;
}

// An audit row may record any value (a list, a plain value); only an object has fields to describe,
// so anything else reads as no fields, without complaint.
const auditFields = z.record(z.string(), z.unknown()).catch({});
type Fields = z.output<typeof auditFields>;
type Described = { kind: string; title: string; detail?: string | null };

function fieldsOf(json: string | null, where: string): Fields {
  return json === null ? {} : (readJsonOrUndefined(auditFields, json, where) ?? {});
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const priorityWord = (v: unknown) =>
  typeof v === 'string' && v in priorityLabels ? priorityLabels[v as Priority] : '';
const statusWord = (v: unknown) => (typeof v === 'string' && v in statusLabels ? statusLabels[v as TicketStatus] : '');
const visitStatusWord = (v: unknown) =>
  typeof v === 'string' && v in visitStatusLabels ? visitStatusLabels[v as VisitStatus] : null;
/** Writes an instant in UTC words (the core does not know the reader's zone) and notes which it was. */
type When = (v: unknown) => string;

function instantsNoted(): { when: When; times: string[] } {
  const times: string[] = [];
  const when: When = (v) => {
    if (typeof v !== 'string') return '';
    times.push(v);
    return utcWords(v);
  };
  return { when, times };
}

/** Words for what one audit row did. Known methods first; other helpers' rows fall back on their entity. */
function describe(row: AuditRow, before: Fields, after: Fields, when: When): Described {
  const byMethod: Record<string, () => Described> = {
    'tickets.create': () => ({
      kind: 'logged',
      title: 'Logged',
      detail: [text(after.channel), priorityWord(after.priority) && `${priorityWord(after.priority)} priority`]
        .filter(Boolean)
        .join(', '),
    }),
    'email.intake': () => ({
      kind: 'logged',
      title: 'Logged from an e-mail',
      detail: [text(after.from), text(after.mailbox) && `to ${text(after.mailbox)}`].filter(Boolean).join(' '),
    }),
    'email.reply': () => ({
      kind: 'email',
      title: `E-mail from ${text(after.from) ?? 'the client'}${after.ticketStatus === 'closed' ? ' (the ticket is closed: reopen it if the problem is back)' : ''}`,
      detail: [
        text(after.subject),
        text(after.text),
        ...(Array.isArray(after.problems) ? after.problems.map(String) : []),
      ]
        .filter(Boolean)
        .join('\n\n'),
    }),
    'tickets.overridePriority': () => ({
      kind: 'prioritized',
      title: `Priority set to ${priorityWord(after.priority)}`,
      detail: text(after.reason),
    }),
    'tickets.recordFirstContact': () => ({
      kind: 'first_contact',
      title: 'First contact with the client',
      detail: when(after.firstContactAt),
    }),
    'tickets.setNeeds': () => ({ kind: 'needs', title: 'Job needs changed' }),
    'tickets.recomputeSla': () => ({ kind: 'sla', title: 'Due time recomputed', detail: when(after.slaDueAt) }),
    'escalations.acknowledge': () => ({
      kind: 'escalation_acknowledged',
      title: 'Escalation acknowledged',
      detail: text(after.note),
    }),
    'visits.create': () => ({ kind: 'visit_booked', title: 'Visit booked', detail: when(after.startsAt) }),
    'visits.update': () => ({ kind: 'visit_rescheduled', title: 'Visit changed', detail: when(after.startsAt) }),
    'visits.cancel': () => ({ kind: 'visit_cancelled', title: 'Visit cancelled', detail: text(after.reason) }),
    'visits.updateChecklist': () => ({ kind: 'visit_checklist', title: 'Visit checklist updated' }),
    'dispatch.acceptPlan': () => ({
      kind: 'visit_rescheduled',
      title: 'Visit planned by the optimizer',
      detail: when(after.startsAt),
    }),
    'tickets.confirmResolution': () => ({
      kind: 'resolution_confirmed',
      title: 'Resolution confirmed by the client',
      detail: [
        text(after.confirmedBy),
        typeof after.method === 'string' ? resolutionMethodLabels[after.method as ResolutionMethod] : null,
        text(after.note),
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    'tickets.recordRemoteResolution': () => ({
      kind: 'remote_resolution',
      title: `Resolved remotely${typeof after.channel === 'string' && after.channel in remoteChannelLabels ? ` (${remoteChannelLabels[after.channel as RemoteChannel].toLowerCase()})` : ''}`,
      detail: [
        text(after.resolution),
        Array.isArray(after.steps) && (after.steps.length === 1 ? '1 step' : `${after.steps.length} steps`),
        text(after.confirmedBy) && `confirmed by ${String(after.confirmedBy)}`,
        typeof after.respondedAt === 'string' && `remote work started ${when(after.respondedAt)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    'tickets.close': () => ({
      kind: 'closed',
      title: 'Closed',
      detail: [
        slaAdherenceText({
          slaOutcome: after.slaOutcome === 'met' || after.slaOutcome === 'missed' ? after.slaOutcome : 'no_target',
          slaMinutes: typeof after.slaMinutes === 'number' ? after.slaMinutes : null,
        }),
        after.resolvedRemotely === true && 'resolved remotely',
        after.firstTimeFix === true && 'first-time fix',
        text(after.resolutionSummary),
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    'tickets.reopen': () => ({ kind: 'reopened', title: 'Reopened', detail: text(after.reason) }),
    'outbox.retry': () => ({
      kind: 'message_retry',
      title: `Message to ${text(after.recipient) ?? 'the recipient'} queued again`,
      detail: text(before.lastError) && `Last error: ${text(before.lastError)}`,
    }),
    'messages.sendUpdate': () => ({
      kind: 'update_sent',
      title: `Update written to ${text(after.to) ?? 'the contact'}`,
      detail: text(after.subject),
    }),
    'calls.log': () => ({
      kind: 'call',
      title: `Call with ${text(after.calledName) ?? 'the client'}${text(after.phone) ? ` (${String(after.phone)})` : ''}`,
      detail: [when(after.calledAt), text(after.summary)].filter(Boolean).join(' · '),
    }),
    'tickets.link': () =>
      after.direction === 'later'
        ? { kind: 'linked', title: `Follow-up ticket ${String(after.number)} linked`, detail: 'Same issue' }
        : { kind: 'linked', title: `Linked to earlier ticket ${String(after.number)}`, detail: 'Same issue' },
    'reviews.record': () => ({
      kind: 'reviewed',
      title: after.sopFollowed ? 'Reviewed: SOP followed' : 'Reviewed: SOP not followed',
      detail: [
        Array.isArray(after.tags)
          ? after.tags
              .map((t) => (reviewTagLabels as Record<string, string | undefined>)[String(t)] ?? String(t))
              .join(', ')
          : '',
        text(after.note),
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  };
  // Feedback (the page or the desk): the feedback itself, and the ticket and links "the problem is
  // back" made, which name the closed ticket.
  if (row.method === 'feedback.page' || row.method === 'feedback.record') {
    if (row.entity === 'feedback') return feedbackEvent(after);
    if (row.entity === 'ticket')
      return { kind: 'logged', title: 'Logged', detail: `The problem is back after ${String(after.problemBackFrom)}` };
    if (row.entity === 'ticket_link') return byMethod['tickets.link']?.() ?? byEntity(row, after);
  }
  // A booking or cancellation also moves the ticket's status; that row reads as a status change.
  if (row.entity === 'ticket' && 'status' in after && row.method !== 'tickets.close' && row.method !== 'tickets.reopen')
    // An arrival that only set the SLA response moment leaves the status as it was ("In progress,
    // was In progress" said nothing): the row tells of the response instead.
    return before.status === after.status && typeof after.firstArrivalAt === 'string'
      ? { kind: 'status', title: 'SLA response: first arrival on site', detail: null }
      : {
          kind: 'status',
          title: `Status: ${statusWord(after.status)}`,
          detail: statusWord(before.status) && `was ${statusWord(before.status)}`,
        };
  if (row.entity === 'escalation' && row.method !== 'escalations.acknowledge') {
    const level = typeof after.level === 'number' ? ` (level ${after.level})` : '';
    return {
      kind: 'escalated',
      title: `Escalated${level}`,
      detail:
        text(after.reason) ??
        (after.kind === 'breached' ? 'Due time passed' : after.kind === 'at_risk' ? 'At risk' : null),
    };
  }
  const known = byMethod[row.method];
  if (known) return known();
  return byEntity(row, after);
}

function feedbackEvent(after: Fields): Described {
  const source = after.source === 'phone' ? 'by phone' : 'feedback page';
  return {
    kind: 'feedback',
    title: `Feedback: ${String(after.score)} out of 5 (${source})`,
    detail: [
      text(after.comment),
      after.problemBack === true &&
        `the problem is back${text(after.newTicketNumber) ? `: new ticket ${String(after.newTicketNumber)}` : ''}`,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** Rows from methods this file does not know, named by what they touched. */
function byEntity(row: AuditRow, after: Fields): Described {
  const entity = row.entity.toLowerCase();
  const status = visitStatusWord(after.status) ?? visitStatusWord(after.to) ?? visitStatusWord(after.toStatus);
  if (entity === 'visit' && status)
    return {
      kind: 'visit_status',
      title: `Visit ${status.toLowerCase()}`,
      detail: text(after.reason) ?? text(after.note),
    };
  if (entity.includes('work_log')) return { kind: 'work_log', title: 'Work log recorded', detail: text(after.outcome) };
  if (entity.includes('part')) return { kind: 'work_log', title: 'Parts recorded' };
  if (entity.includes('attachment'))
    return { kind: 'attachment', title: 'Attachment added', detail: text(after.fileName) ?? text(after.file_name) };
  if (entity.includes('sign_off'))
    return {
      kind: 'sign_off',
      title: after.kind === 'not_required' ? 'Sign-off recorded as not required' : 'Client signed off',
      detail: text(after.signerName) ?? text(after.notRequiredReason),
    };
  return { kind: 'other', title: `${row.entity.replace(/_/g, ' ')} changed`, detail: row.method };
}

function actor(row: AuditRow): string {
  if (row.display_name) return row.display_name;
  if (row.method === 'feedback.page') return 'Client (feedback page)';
  return row.method === 'sla.watcher' ? 'SLA watcher' : 'System';
}

// Rows written in one transaction may share their instant; the action itself reads before its
// effect on the ticket's status. (Separate writes about one ticket are apart by at least the
// milliseconds a write takes, so the instant orders them.)
const rank = (row: AuditRow) => (row.entity === 'ticket' && row.method !== 'tickets.create' ? 1 : 0);

/** One timeline event per message: when it was queued, to whom, and where it stands now. */
function messageEvent(message: OutboxSummaryDto): TimelineEventDto {
  const { when, times } = instantsNoted();
  // Message kinds are keys such as 'booking-confirmation'; read with spaces they are words.
  const kind = message.kind.replace(/[-_]/g, ' ');
  const status = outboxStatusLabels[message.status];
  return {
    id: `outbox:${message.id}`,
    at: message.createdAt,
    kind: 'message',
    title: `${message.transport === 'email' ? 'E-mail' : 'Message'} to ${message.recipient}: ${message.subject}`,
    detail: [
      kind,
      message.status === 'sent' && message.sentAt ? `${status} ${when(message.sentAt)}` : status,
      // A reminder waits for its time: say when it goes, not merely that it is queued.
      message.status === 'queued' && message.attempts === 0 && message.nextAttemptAt > message.createdAt
        ? `goes ${when(message.nextAttemptAt)}`
        : null,
      message.status === 'superseded' ? message.statusNote : null,
      message.status !== 'sent' && message.lastError ? `last error: ${message.lastError}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
    by: 'Outbox',
    times,
    outboxMessageId: message.id,
  };
}

/** A ticket's audit rows and outbox messages as its timeline, oldest first. */
export function timelineOf(rows: AuditRow[], messages: OutboxSummaryDto[] = []): TimelineEventDto[] {
  const events = [...rows]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a) - rank(b)))
    .map((row) => {
      const { when, times } = instantsNoted();
      const described = describe(
        row,
        fieldsOf(row.before, `audit_log.before of row ${row.id}`),
        fieldsOf(row.after, `audit_log.after of row ${row.id}`),
        when,
      );
      return {
        id: row.id,
        at: row.at,
        kind: described.kind,
        title: described.title,
        detail: described.detail || null,
        by: actor(row),
        times,
      };
    });
  // A message is queued in the transaction of the change that caused it: it reads after that change.
  return [...events, ...messages.map(messageEvent)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
