import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  FEEDBACK_LINK_DAYS,
  LOW_FEEDBACK_SCORE,
  type FeedbackDto,
  type FeedbackScore,
  type FeedbackSource,
} from '../../../../shared/domain/feedback';
import type { UserDto } from '../../../../shared/domain/directory';
import type { WriteTx } from '../../context';
import type { Tx } from '../../db/transaction';
import { findContact } from '../../repositories/directory.repository';
import { insertLink } from '../../repositories/closure.repository';
import { insertFeedbackEscalation } from '../../repositories/escalation.repository';
import { findFeedback, insertFeedback, insertFeedbackRequest } from '../../repositories/feedback.repository';
import { findTicket } from '../../repositories/ticket.repository';
import { queueFeedbackRequest, queueRequestAcknowledgement } from '../messages/message-queue.service';
import { insertNewTicket } from '../ticket-intake.service';
import { loadFeedbackBaseUrl } from './feedback-settings.service';

const DAY = 86_400_000;

/** The token in a feedback link: 256 random bits, URL-safe. Only its hash is stored. */
export function newFeedbackToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedbackToken(token) };
}

export function hashFeedbackToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A feedback token as newFeedbackToken writes it; anything else is not looked up at all. */
export function isFeedbackTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * In the closing transaction: makes the closing's feedback request (a single-use link valid for
 * 30 days) and queues the e-mail asking for feedback. `servedAt` is this server's own address in
 * browser mode, the link's default when an admin set no public address.
 */
export async function requestFeedback(
  tx: Tx,
  closing: { ticketId: string; closureId: string; closedAt: string },
  servedAt: string | null,
): Promise<void> {
  await queueFeedbackRequest(tx, {
    ticketId: closing.ticketId,
    closureId: closing.closureId,
    now: closing.closedAt,
    issueLink: async () => {
      const { token, hash } = newFeedbackToken();
      await insertFeedbackRequest(tx, {
        id: randomUUID(),
        ticketId: closing.ticketId,
        closureId: closing.closureId,
        tokenHash: hash,
        createdAt: closing.closedAt,
        expiresAt: new Date(Date.parse(closing.closedAt) + FEEDBACK_LINK_DAYS * DAY).toISOString(),
      });
      const base = (await loadFeedbackBaseUrl(tx)) ?? servedAt;
      return base ? `${base}/feedback/${token}` : null;
    },
  });
}

export interface NewFeedback {
  ticketId: string;
  score: FeedbackScore;
  comment: string | null;
  problemBack: boolean;
  source: FeedbackSource;
  /** The request whose link was used (the page); null for the desk. */
  requestId: string | null;
  /** The desk user who wrote it down; null on the page. */
  recordedBy: UserDto | null;
  /** Whose name a follow-up ticket is logged in: the desk user, or on the page the ticket's closer. */
  loggedBy: string;
  now: string;
}

/**
 * Records the client's feedback on a closed ticket, in the caller's transaction: "the problem is
 * back" logs a new ticket for the desk (same client, site and contact, linked to this one), and a
 * score of 1 or 2 escalates to the client service manager.
 */
export async function recordFeedback(w: WriteTx, input: NewFeedback): Promise<FeedbackDto> {
  const { tx, audit, publish } = w;
  const closed = await findTicket(tx, input.ticketId);
  if (!closed) throw new Error(`ticket ${input.ticketId} vanished inside its own transaction`);
  const id = randomUUID();

  let newTicket: { id: string; number: string } | null = null;
  if (input.problemBack) {
    // A retired contact stays on the old ticket; the new one goes to the client without a contact.
    const contact = closed.contact ? await findContact(tx, closed.contact.id) : undefined;
    const description = [
      `The problem is back (client feedback on ${closed.number}).`,
      input.comment ? `Client's comment: ${input.comment}` : null,
      `Earlier problem: ${closed.description}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    newTicket = await insertNewTicket(
      tx,
      {
        channel: input.source === 'link' ? 'portal' : 'phone',
        externalRef: null,
        receivedAt: input.now,
        clientId: closed.client.id,
        contactId: contact?.active ? contact.id : null,
        siteId: closed.site?.id ?? null,
        category: closed.category,
        asset: closed.asset,
        description: description.slice(0, 5000),
        criteria: null,
        priority: closed.priority,
        // The desk sets what the job needs when it triages the new request, as for any other.
        needs: { workTypeId: null, estimatedMinutes: null, requiredSkills: null },
      },
      { now: input.now, loggedBy: input.loggedBy },
    );
    await queueRequestAcknowledgement(tx, newTicket.id, input.now);
    await insertLink(tx, { ticketId: newTicket.id, earlierTicketId: closed.id, at: input.now, by: input.loggedBy });
    await audit({
      entity: 'ticket',
      entityId: newTicket.id,
      after: { number: newTicket.number, problemBackFrom: closed.number, feedbackId: id },
    });
    const link = `${newTicket.id}:${closed.id}`;
    await audit({
      entity: 'ticket_link',
      entityId: link,
      ticketId: newTicket.id,
      after: { direction: 'earlier', ticketId: closed.id, number: closed.number },
    });
    await audit({
      entity: 'ticket_link',
      entityId: link,
      ticketId: closed.id,
      after: { direction: 'later', ticketId: newTicket.id, number: newTicket.number },
    });
    await publish({
      type: 'ticket.created',
      ticketId: newTicket.id,
      number: newTicket.number,
      clientId: closed.client.id,
    });
  }

  await insertFeedback(tx, {
    id,
    ticketId: closed.id,
    requestId: input.requestId,
    score: input.score,
    comment: input.comment,
    source: input.source,
    recordedBy: input.recordedBy?.id ?? null,
    recordedAt: input.now,
    problemBack: input.problemBack,
    newTicketId: newTicket?.id ?? null,
  });
  await audit({
    entity: 'feedback',
    entityId: id,
    ticketId: closed.id,
    after: {
      score: input.score,
      comment: input.comment,
      source: input.source,
      problemBack: input.problemBack,
      newTicketNumber: newTicket?.number ?? null,
    },
  });

  if (input.score <= LOW_FEEDBACK_SCORE) {
    const escalationId = randomUUID();
    const reason =
      `Client scored the service ${input.score} out of 5${input.comment ? `: ${input.comment}` : ''}`.slice(0, 1000);
    await insertFeedbackEscalation(tx, {
      id: escalationId,
      ticketId: closed.id,
      feedbackId: id,
      reason,
      createdAt: input.now,
      createdBy: input.recordedBy?.id ?? null,
    });
    await audit({
      entity: 'escalation',
      entityId: escalationId,
      ticketId: closed.id,
      after: { ticketId: closed.id, level: 1, kind: 'low_feedback', reason, feedbackId: id },
    });
    await publish({
      type: 'escalation.created',
      escalationId,
      ticketId: closed.id,
      number: closed.number,
      level: 1,
      kind: 'low_feedback',
    });
  }
  await publish({ type: 'ticket.updated', ticketId: closed.id, number: closed.number, clientId: closed.client.id });
  const saved = await findFeedback(tx, id);
  if (!saved) throw new Error(`feedback ${id} vanished inside its own transaction`);
  return saved;
}
