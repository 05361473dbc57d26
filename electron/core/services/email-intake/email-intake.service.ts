import { randomUUID } from 'node:crypto';
import type { InboundOutcome } from '../../../../shared/domain/email-intake';
import type { DatabaseHandle } from '../../db/connect';
import { isUniqueViolation } from '../../db/errors';
import { inTransaction, type Tx } from '../../db/transaction';
import type { EventHub } from '../../events/event-hub';
import { findSameAttachment, insertAttachment, putBlob } from '../../repositories/attachment.repository';
import { findTicketForBooking } from '../../repositories/ticket.repository';
import { insertAudit } from '../../repositories/audit.repository';
import {
  findContactsByEmail,
  findOnlySite,
  findTicketByMessageIds,
  findTicketByNumberIn,
  inboundEmailExists,
  insertInboundEmail,
  type HeldAttachment,
} from '../../repositories/inbound-email.repository';
import type { MailboxAccount } from '../../repositories/mailbox.repository';
import { loadAttachmentSettings, maxUploadBytes } from '../attachments/upload-limits';
import { queueRequestAcknowledgement } from '../messages/message-queue.service';
import { loadMailSettings } from '../outbox/outbox-config.service';
import { insertNewTicket } from '../ticket-intake.service';
import { vetAttachments, type VettedAttachment } from './attachment-vetting';
import { withoutNul, type ReadMessage } from './message-reader';

/** The method name audit rows of the intake carry (no user called it). */
export const INTAKE_AUDIT_METHOD = 'email.intake';
/** The method name of the audit row that puts a reply on its ticket's timeline. */
export const INTAKE_REPLY_AUDIT_METHOD = 'email.reply';

export interface FetchedMessage {
  uid: number;
  /** When the server received it (IMAP INTERNALDATE). */
  arrivedAt: Date;
  read: ReadMessage;
}

export type IntakeOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ticket'; ticketId: string; number: string }
  | { kind: 'reply'; ticketId: string }
  | { kind: 'needs-matching' }
  | { kind: 'ignored'; reason: string };

export interface IntakeDeps {
  database: DatabaseHandle;
  events: EventHub;
}

/** The message's own time when it has a sensible one, else when the server got it; never later than now. */
function receivedAtOf(message: FetchedMessage, now: Date): string {
  const candidate = message.read.sentAt ?? message.arrivedAt;
  return (candidate.getTime() > now.getTime() ? now : candidate).toISOString();
}

function descriptionOf(read: ReadMessage, problems: string[]): string {
  const parts = [read.subject, read.text || '(The message has no text.)'];
  if (problems.length > 0)
    parts.push(['What could not be taken from the e-mail:', ...problems.map((p) => `- ${p}`)].join('\n'));
  return parts.filter((part) => part.length > 0).join('\n\n');
}

/** Why a message makes no ticket, before anyone looks at who sent it; null for one that should. */
async function ignoreReason(tx: Tx, read: ReadMessage): Promise<string | null> {
  if (read.fromAddress === null) return read.problems[0] ?? 'The message has no sender address to answer or match.';
  const mail = await loadMailSettings(tx);
  if (mail && mail.fromAddress.toLowerCase() === read.fromAddress)
    return `Sent by the console itself (from ${mail.fromAddress}).`;
  return read.automated;
}

async function storeBlobs(tx: Tx, accepted: VettedAttachment[], now: string): Promise<void> {
  for (const file of accepted)
    await putBlob(tx, {
      sha256: file.sha256,
      size: file.bytes.length,
      mimeType: file.type,
      content: file.bytes,
      thumbnail: null,
      createdAt: now,
    });
}

/** Stores the files and adds them to the ticket (a file it already has is not added twice). */
async function attachTo(
  tx: Tx,
  ticketId: string,
  accepted: VettedAttachment[],
  by: string,
  now: string,
): Promise<void> {
  await storeBlobs(tx, accepted, now);
  for (const file of accepted) {
    if (await findSameAttachment(tx, { ticketId, visitId: null, sha256: file.sha256 })) continue;
    await insertAttachment(tx, {
      id: randomUUID(),
      ticketId,
      visitId: null,
      sha256: file.sha256,
      fileName: file.fileName,
      caption: null,
      createdAt: now,
      createdBy: by,
    });
  }
}

/**
 * Turns one message into what it should become, in one transaction: a ticket (the sender matched
 * a contact), a message waiting for the desk to match it, or an entry of the ignored list. The
 * Message-ID's unique index makes a second reading of the same message, on this workstation or
 * another, a no-op.
 */
export async function takeInMessage(
  deps: IntakeDeps,
  mailbox: MailboxAccount,
  message: FetchedMessage,
  now: Date,
): Promise<IntakeOutcome> {
  const { read } = message;
  const nowIso = now.toISOString();
  // Decoding and sniffing happen before the write: a large message costs no lock.
  const settings = await loadAttachmentSettings(deps.database.db);
  const { accepted, refused } = await vetAttachments(read.attachments, maxUploadBytes(settings));
  const problems = [...read.problems, ...refused];
  try {
    const outcome = await inTransaction(deps.database, async (tx): Promise<IntakeOutcome> => {
      if (await inboundEmailExists(tx, read.messageId)) return { kind: 'duplicate' };
      const base = {
        id: randomUUID(),
        mailbox_id: mailbox.id,
        message_id: read.messageId,
        uid: message.uid,
        received_at: receivedAtOf(message, now),
        read_at: nowIso,
        from_address: read.fromAddress ?? '',
        from_name: read.fromName,
        subject: read.subject,
        body_text: read.text,
        problems: JSON.stringify(problems),
        refers_to: JSON.stringify(read.refersTo),
      };
      const record = (
        outcome: InboundOutcome,
        extra: { ticket_id?: string; reason?: string; held?: HeldAttachment[] },
      ) =>
        insertInboundEmail(tx, {
          ...base,
          outcome,
          ticket_id: extra.ticket_id ?? null,
          reason: extra.reason ?? null,
          held_attachments: JSON.stringify(extra.held ?? []),
        });

      const ignored = await ignoreReason(tx, read);
      if (ignored !== null) {
        await record('ignored', { reason: ignored });
        await deps.events.publish(tx, { type: 'inbox.changed' });
        return { kind: 'ignored', reason: ignored };
      }
      const address = read.fromAddress ?? '';
      // A reply goes onto its ticket's timeline, whoever sent it (a colleague in copy answers too).
      const answered =
        (await findTicketByMessageIds(tx, deps.database.dialect, read.refersTo)) ??
        (await findTicketByNumberIn(tx, read.subject));
      const answeredTicket = answered ? await findTicketForBooking(tx, answered) : undefined;
      if (answeredTicket) {
        await attachTo(tx, answeredTicket.id, accepted, mailbox.createdBy, nowIso);
        await record('reply', { ticket_id: answeredTicket.id });
        await insertAudit(tx, {
          at: nowIso,
          userId: null,
          method: INTAKE_REPLY_AUDIT_METHOD,
          entity: 'inbound_email',
          entityId: base.id,
          ticketId: answeredTicket.id,
          before: null,
          after: {
            from: read.fromName ? `${read.fromName} <${address}>` : address,
            subject: read.subject,
            text: read.text.slice(0, 2000),
            problems,
            ticketStatus: answeredTicket.status,
          },
        });
        await deps.events.publish(tx, {
          type: 'ticket.updated',
          ticketId: answeredTicket.id,
          number: answeredTicket.number,
          clientId: answeredTicket.clientId,
        });
        return { kind: 'reply', ticketId: answeredTicket.id };
      }
      const contacts = await findContactsByEmail(tx, address);
      const contact = contacts.length === 1 ? contacts[0] : undefined;
      if (!contact) {
        await storeBlobs(tx, accepted, nowIso);
        await record('needs-matching', {
          reason:
            contacts.length === 0
              ? `No contact has the address ${address}.`
              : `${contacts.length} contacts share the address ${address}: the desk picks one.`,
          held: accepted.map((file) => ({ sha256: file.sha256, fileName: file.fileName })),
        });
        await deps.events.publish(tx, { type: 'inbox.changed' });
        return { kind: 'needs-matching' };
      }

      const siteId = await findOnlySite(tx, contact.clientId);
      const { id: ticketId, number } = await insertNewTicket(
        tx,
        {
          channel: 'email',
          externalRef: read.messageId,
          receivedAt: base.received_at,
          clientId: contact.clientId,
          contactId: contact.id,
          siteId,
          category: null,
          asset: null,
          description: descriptionOf(read, problems),
          criteria: null,
          priority: null,
          needs: { workTypeId: null, estimatedMinutes: null, requiredSkills: null },
          awaitingAssessment: true,
        },
        { now: nowIso, loggedBy: mailbox.createdBy },
      );
      await attachTo(tx, ticketId, accepted, mailbox.createdBy, nowIso);
      await record('ticket', { ticket_id: ticketId });
      await queueRequestAcknowledgement(tx, ticketId, nowIso);
      await insertAudit(tx, {
        at: nowIso,
        userId: null,
        method: INTAKE_AUDIT_METHOD,
        entity: 'ticket',
        entityId: ticketId,
        before: null,
        after: {
          number,
          channel: 'email',
          messageId: read.messageId,
          mailbox: mailbox.name,
          from: address,
          contactId: contact.id,
        },
      });
      await deps.events.publish(tx, { type: 'ticket.created', ticketId, number, clientId: contact.clientId });
      return { kind: 'ticket', ticketId, number };
    });
    deps.events.afterCommit();
    return outcome;
  } catch (error) {
    // Another workstation recorded the same message a moment earlier: it is theirs.
    if (isUniqueViolation(error)) return { kind: 'duplicate' };
    throw error;
  }
}

/** What is known of a message that was not read in full (too large to fetch, or it broke the reader). */
export interface UnreadMessage {
  uid: number;
  arrivedAt: Date;
  messageId: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
}

/** Puts a message that could not be taken in on the ignored list with the reason; a no-op the second time. */
export async function ignoreUnreadMessage(
  deps: IntakeDeps,
  mailbox: MailboxAccount,
  message: UnreadMessage,
  reason: string,
  now: Date,
): Promise<IntakeOutcome> {
  try {
    return await inTransaction(deps.database, async (tx): Promise<IntakeOutcome> => {
      if (await inboundEmailExists(tx, message.messageId)) return { kind: 'duplicate' };
      await insertInboundEmail(tx, {
        id: randomUUID(),
        mailbox_id: mailbox.id,
        message_id: message.messageId,
        uid: message.uid,
        received_at: (message.arrivedAt.getTime() > now.getTime() ? now : message.arrivedAt).toISOString(),
        read_at: now.toISOString(),
        from_address: message.fromAddress?.toLowerCase() ?? '',
        from_name: message.fromName,
        subject: withoutNul(message.subject).slice(0, 500),
        outcome: 'ignored',
        ticket_id: null,
        reason: withoutNul(reason).slice(0, 2000),
        body_text: '',
        problems: '[]',
        held_attachments: '[]',
        refers_to: '[]',
      });
      await deps.events.publish(tx, { type: 'inbox.changed' });
      return { kind: 'ignored', reason };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'duplicate' };
    throw error;
  } finally {
    deps.events.afterCommit();
  }
}
