import { randomUUID } from 'node:crypto';
import {
  isClientMessageKind,
  type MessageKind,
  type MessageTemplateText,
  type MessageValues,
} from '../../../../shared/domain/messages';
import type { OutboxAttachment } from '../../../../shared/domain/outbox';
import type { WebhookDocument } from '../../../../shared/domain/webhook';
import type { Tx } from '../../db/transaction';
import {
  clientOptOuts,
  findSavedTemplate,
  findTechnicianContacts,
  findTicketMessageContext,
  findVisitMessageContext,
  type TicketMessageContext,
  type VisitMessageContext,
} from '../../repositories/message.repository';
import { enqueueMessage, supersedeQueued } from '../../repositories/outbox.repository';
import { hasLiveVisit } from '../../repositories/visit.repository';
import { loadActiveWebhook, loadMailSettings } from '../outbox/outbox-config.service';
import { defaultTemplates } from './default-templates';
import { messageValues, messageZone } from './message-values';
import { renderTemplate, renderText, templateProblems } from './template-render';
import { reminderDueAt } from './reminder-timing';
import { loadReminderSettings } from './reminder-settings.service';
import { visitInvitation } from './visit-invitation';

// The messages the console sends by itself. Each is queued in the transaction of the change that
// causes it, so it goes if and only if the change commits; its event key names the change (the
// visit's version for a booking), so a repeat of the same change queues nothing. Nobody to send
// to (no e-mail address, an opted-out contact, a client that turned the kind off) means no
// message, never a failed change.

export async function templateFor(tx: Tx, kind: MessageKind): Promise<MessageTemplateText> {
  const saved = await findSavedTemplate(tx, kind);
  // Saved templates were checked when saved; one changed behind the API's back must not make a
  // booking fail, so the shipped wording stands in for it.
  return saved && templateProblems(saved).length === 0 ? saved : defaultTemplates[kind];
}

/** Someone a message goes to: by e-mail when they have an address, and to the webhook when set up. */
export interface Addressee {
  name: string;
  email: string | null;
  phone: string | null;
}

/** The ticket's contact when the client receives this kind and the contact has not opted out. */
export async function clientAddressee(
  tx: Tx,
  ticket: TicketMessageContext,
  kind: MessageKind,
): Promise<Addressee | null> {
  const contact = ticket.contact;
  if (!contact?.active || contact.optedOut) return null;
  if (isClientMessageKind(kind) && (await clientOptOuts(tx, ticket.clientId)).includes(kind)) return null;
  return { name: contact.name, email: contact.email, phone: contact.phone };
}

/** Whether a message of this kind to this person goes anywhere: e-mail, or the webhook when it takes the kind. */
export async function reaches(tx: Tx, kind: MessageKind, to: Addressee): Promise<boolean> {
  if (to.email) return true;
  const webhook = await loadActiveWebhook(tx);
  return webhook?.kinds.includes(kind) === true && to.phone !== null;
}

/**
 * Queues one message to one person: an e-mail when they have an address, and, when the webhook
 * takes this kind, the JSON document it is posted (exactly what is sent, as an e-mail's body is).
 * `text` is the wording as written (a free-text update) instead of the kind's template; `dueAt`
 * holds it until then (a reminder). Answers the ids of the messages it queued.
 */
export async function queue(
  tx: Tx,
  message: {
    eventKey: string;
    kind: MessageKind;
    ticket: TicketMessageContext;
    visitId: string | null;
    to: Addressee;
    values: MessageValues;
    text?: MessageTemplateText;
    /** The calendar entry for an e-mail to this address. */
    invitation?: (text: string, email: string) => OutboxAttachment;
    now: string;
    dueAt?: string;
  },
): Promise<string[]> {
  const { to, ticket } = message;
  const webhook = await loadActiveWebhook(tx);
  const toWebhook = webhook?.kinds.includes(message.kind) === true && (to.email !== null || to.phone !== null);
  if (!to.email && !toWebhook) return [];
  const rendered = message.text
    ? renderText(message.text)
    : renderTemplate(await templateFor(tx, message.kind), message.values);
  const common = {
    kind: message.kind,
    ticketId: ticket.id,
    visitId: message.visitId,
    createdAt: message.now,
    ...(message.dueAt ? { dueAt: message.dueAt } : {}),
  };
  const ids: string[] = [];
  if (to.email) {
    const email = to.email;
    const id = randomUUID();
    const created = await enqueueMessage(tx, {
      ...common,
      id,
      eventKey: message.eventKey,
      transport: 'email',
      recipient: email,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      attachments: message.invitation ? [message.invitation(rendered.text, email)] : [],
    });
    if (created) ids.push(id);
  }
  if (toWebhook) {
    const document: WebhookDocument = {
      eventKey: `webhook:${message.eventKey}`,
      kind: message.kind,
      ticket: { id: ticket.id, number: ticket.number },
      visitId: message.visitId,
      to: { name: to.name, email: to.email, phone: to.phone },
      subject: rendered.subject,
      text: rendered.text,
      createdAt: message.now,
    };
    const id = randomUUID();
    const created = await enqueueMessage(tx, {
      ...common,
      id,
      eventKey: document.eventKey,
      transport: 'webhook',
      // A gateway for text messages reaches people by phone; the address stands in without one.
      recipient: to.phone ?? to.email ?? '',
      subject: rendered.subject,
      bodyText: JSON.stringify(document, null, 2),
    });
    if (created) ids.push(id);
  }
  return ids;
}

/** Acknowledges a newly logged request to its contact (number, priority, response target). */
export async function queueRequestAcknowledgement(tx: Tx, ticketId: string, now: string): Promise<void> {
  const ticket = await findTicketMessageContext(tx, ticketId);
  if (!ticket) throw new Error(`ticket ${ticketId} vanished inside its own transaction`);
  const to = await clientAddressee(tx, ticket, 'request-acknowledgement');
  if (!to) return;
  await queue(tx, {
    eventKey: `request-acknowledgement:${ticket.id}`,
    kind: 'request-acknowledgement',
    ticket,
    visitId: null,
    to,
    values: await messageValues(tx, { ticket, visit: null, now }),
    now,
  });
}

/** What happened to a visit, as its messages need it. */
export type VisitChange =
  | { kind: 'booked' }
  /** Moved, resized or its crew changed; the crew before the change, to tell those taken off. */
  | { kind: 'rescheduled'; previousCrewIds: readonly string[] }
  | { kind: 'cancelled' };

interface Loaded {
  ticket: TicketMessageContext;
  visit: VisitMessageContext;
}

async function loadVisit(tx: Tx, visitId: string): Promise<Loaded> {
  const visit = await findVisitMessageContext(tx, visitId);
  if (!visit) throw new Error(`visit ${visitId} vanished inside its own transaction`);
  const ticket = await findTicketMessageContext(tx, visit.ticketId);
  if (!ticket) throw new Error(`visit ${visitId} has no ticket`);
  return { ticket, visit };
}

function invitationFor(
  { ticket, visit }: Loaded,
  options: {
    method: 'REQUEST' | 'CANCEL';
    title: string;
    attendee: { name: string };
    organizer: { name: string | null; email: string } | null;
    now: string;
  },
): (text: string, email: string) => OutboxAttachment {
  return (text, email) =>
    visitInvitation({
      visitId: visit.id,
      version: visit.version,
      method: options.method,
      startsAt: visit.startsAt,
      endsAt: visit.endsAt,
      title: options.title,
      description: text,
      location: ticket.site ? `${ticket.site.name}, ${ticket.site.address}` : ticket.clientName,
      organizer: options.organizer,
      attendee: { name: options.attendee.name, email },
      stamp: options.now,
    });
}

/**
 * Tells the ticket's contact and the crew that a visit was booked, changed or cancelled, each
 * with the calendar entry (REQUEST, or CANCEL). A technician taken off the visit gets the
 * cancellation; one put on it gets the assignment notice; those who stay get the update.
 */
export async function queueVisitMessages(tx: Tx, visitId: string, change: VisitChange, now: string): Promise<void> {
  const loaded = await loadVisit(tx, visitId);
  const { ticket, visit } = loaded;
  const mail = await loadMailSettings(tx);
  const organizer = mail ? { name: mail.fromName, email: mail.fromAddress } : null;
  const version = `v${visit.version}`;

  const clientKind: MessageKind =
    change.kind === 'booked'
      ? 'booking-confirmation'
      : change.kind === 'cancelled'
        ? 'booking-cancellation'
        : 'booking-update';
  const contact = await clientAddressee(tx, ticket, clientKind);
  if (contact) {
    await queue(tx, {
      eventKey: `${clientKind}:${visit.id}:${version}`,
      kind: clientKind,
      ticket,
      visitId: visit.id,
      to: contact,
      values: await messageValues(tx, { ticket, visit, now }),
      invitation: invitationFor(loaded, {
        method: change.kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
        title: `Service visit ${ticket.number}`,
        attendee: { name: contact.name },
        organizer,
        now,
      }),
      now,
    });
  }

  const current = change.kind === 'cancelled' ? [] : visit.crew;
  const previousIds = change.kind === 'rescheduled' ? change.previousCrewIds : [];
  const removedIds =
    change.kind === 'cancelled'
      ? visit.crew.map((c) => c.technicianId)
      : previousIds.filter((id) => !visit.crew.some((c) => c.technicianId === id));
  const technicianMessages: {
    member: { technicianId: string; name: string; email: string | null; phone: string | null };
    kind: MessageKind;
  }[] = [
    ...current.map((member) => ({
      member,
      kind:
        change.kind === 'rescheduled' && previousIds.includes(member.technicianId)
          ? ('assignment-update' as const)
          : ('assignment-notice' as const),
    })),
    ...(await findTechnicianContacts(tx, removedIds)).map((member) => ({
      member,
      kind: 'assignment-cancellation' as const,
    })),
  ];
  for (const { member, kind } of technicianMessages) {
    await queue(tx, {
      eventKey: `${kind}:${visit.id}:${member.technicianId}:${version}`,
      kind,
      ticket,
      visitId: visit.id,
      to: member,
      values: await messageValues(tx, { ticket, visit, recipientTechnicianName: member.name, now }),
      invitation: invitationFor(loaded, {
        method: kind === 'assignment-cancellation' ? 'CANCEL' : 'REQUEST',
        title: `${ticket.number} at ${ticket.site?.name ?? ticket.clientName}`,
        attendee: { name: member.name },
        organizer,
        now,
      }),
      now,
    });
  }

  await queueVisitReminder(tx, loaded, change.kind, now);
}

/**
 * Queues the reminder of a booked or moved visit, due its lead time before the start and out of
 * the site's quiet hours, and marks any reminder queued for its earlier time or crew as not
 * needed, in the transaction of the change: a move can never leave the old reminder to go out.
 * The event key carries the visit's version, so each booking or move has its own reminder. A
 * visit whose reminder time has already passed (booked less than the lead time ahead) gets none:
 * the confirmation or update just queued tells the contact the same, minutes before.
 */
async function queueVisitReminder(tx: Tx, loaded: Loaded, change: VisitChange['kind'], now: string): Promise<void> {
  const { ticket, visit } = loaded;
  const eventKey = `visit-reminder:${visit.id}:v${visit.version}`;
  const keep = change === 'cancelled' ? [] : [eventKey, `webhook:${eventKey}`];
  const note = change === 'cancelled' ? 'The visit was cancelled.' : 'The visit was moved or its crew changed.';
  await supersedeQueued(tx, { visitId: visit.id, kind: 'visit-reminder', keepEventKeys: keep }, note);
  if (change === 'cancelled' || visit.status !== 'scheduled') return;
  const { leadHours } = await loadReminderSettings(tx);
  const dueAt = reminderDueAt(visit.startsAt, leadHours, await messageZone(tx, ticket));
  if (dueAt <= now) return;
  const to = await clientAddressee(tx, ticket, 'visit-reminder');
  if (!to) return;
  // The values are those of now; the sender checks the visit is still as booked when it is due.
  await queue(tx, {
    eventKey,
    kind: 'visit-reminder',
    ticket,
    visitId: visit.id,
    to,
    values: await messageValues(tx, { ticket, visit, now }),
    now,
    dueAt,
  });
}

/** Tells the ticket's contact that the crew set off, with the ETA when one is known. */
export async function queueOnTheWay(tx: Tx, visitId: string, now: string): Promise<void> {
  const { ticket, visit } = await loadVisit(tx, visitId);
  const to = await clientAddressee(tx, ticket, 'on-the-way');
  if (!to) return;
  await queue(tx, {
    eventKey: `on-the-way:${visit.id}:v${visit.version}`,
    kind: 'on-the-way',
    ticket,
    visitId: visit.id,
    to,
    values: await messageValues(tx, { ticket, visit, now }),
    now,
  });
}

/**
 * Sends the completion summary when a visit completes and no other visit of its ticket is still
 * to come (scheduled, en route or on site): what was done, parts, outcome, what happens next.
 */
export async function queueCompletionSummary(tx: Tx, visitId: string, now: string): Promise<void> {
  const { ticket, visit } = await loadVisit(tx, visitId);
  if (await hasLiveVisit(tx, ticket.id)) return;
  const to = await clientAddressee(tx, ticket, 'completion-summary');
  if (!to) return;
  await queue(tx, {
    eventKey: `completion-summary:${visit.id}`,
    kind: 'completion-summary',
    ticket,
    visitId: visit.id,
    to,
    values: await messageValues(tx, { ticket, visit, now }),
    now,
  });
}

/**
 * Asks the ticket's contact for feedback on a closing (one request per closing, keyed by it, so a
 * ticket reopened and closed again is asked again). `issueLink` makes the request's single-use
 * link; it is called only when the contact may be asked (not opted out, the client takes the kind).
 */
export async function queueFeedbackRequest(
  tx: Tx,
  input: { ticketId: string; closureId: string; now: string; issueLink: () => Promise<string | null> },
): Promise<void> {
  const ticket = await findTicketMessageContext(tx, input.ticketId);
  if (!ticket) throw new Error(`ticket ${input.ticketId} vanished inside its own transaction`);
  const to = await clientAddressee(tx, ticket, 'feedback-request');
  if (!to) return;
  const feedbackLink = await input.issueLink();
  await queue(tx, {
    eventKey: `feedback-request:${input.closureId}`,
    kind: 'feedback-request',
    ticket,
    visitId: null,
    to,
    values: await messageValues(tx, { ticket, visit: null, feedbackLink, now: input.now }),
    now: input.now,
  });
}

/**
 * Tells the ticket's contact that the crew will be later than booked, with the new estimate. The
 * caller numbers the notices of a visit; the number is the event key's, so two workstations
 * deciding the same notice queue it once.
 */
export async function queueDelayNotice(
  tx: Tx,
  notice: { visitId: string; number: number; etaAt: string },
  now: string,
): Promise<void> {
  const { ticket, visit } = await loadVisit(tx, notice.visitId);
  const to = await clientAddressee(tx, ticket, 'delay-notice');
  if (!to) return;
  await queue(tx, {
    eventKey: `delay-notice:${visit.id}:${notice.number}`,
    kind: 'delay-notice',
    ticket,
    visitId: visit.id,
    to,
    values: await messageValues(tx, { ticket, visit, etaAt: notice.etaAt, now }),
    now,
  });
}
