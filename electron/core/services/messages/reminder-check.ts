import { DateTime } from 'luxon';
import type { OutboxSummaryDto } from '../../../../shared/domain/outbox';
import type { Tx } from '../../db/transaction';
import { findTicketMessageContext, findVisitMessageContext } from '../../repositories/message.repository';
import { messageZone } from './message-values';
import { endOfQuietHours, inQuietHours } from './reminder-timing';

/** What the sender does with a reminder it claimed. */
export type ReminderVerdict = { send: true } | { send: false; supersede: string } | { send: false; deferUntil: string };

/**
 * Checks a claimed reminder at the moment it would go. A move or a cancellation marks the old
 * reminder not needed in its own transaction already (the visit's version is not compared here:
 * pinning a visit raises it too, without changing what the reminder says); this catches what
 * happened otherwise (a cancellation seen late, the crew set off early, the visit's time came
 * while the mail server was down) and keeps a reminder whose retry falls at night in the quiet
 * hours until 07:00 at the site.
 */
export async function reminderVerdict(
  db: Tx,
  message: Pick<OutboxSummaryDto, 'kind' | 'visitId' | 'ticketId'>,
  now: Date,
): Promise<ReminderVerdict> {
  if (message.kind !== 'visit-reminder' || !message.visitId || !message.ticketId) return { send: true };
  const visit = await findVisitMessageContext(db, message.visitId);
  if (!visit || visit.status === 'cancelled') return { send: false, supersede: 'The visit was cancelled.' };
  if (visit.status !== 'scheduled') return { send: false, supersede: 'The visit is already under way or over.' };
  if (Date.parse(visit.startsAt) <= now.getTime())
    return { send: false, supersede: 'The visit was due to start before the reminder could go.' };
  const ticket = await findTicketMessageContext(db, message.ticketId);
  if (!ticket) return { send: false, supersede: 'The ticket is gone.' };
  const zone = await messageZone(db, ticket);
  const at = DateTime.fromJSDate(now);
  if (!inQuietHours(at, zone)) return { send: true };
  const morning = endOfQuietHours(at, zone);
  if (morning.toMillis() >= Date.parse(visit.startsAt))
    return { send: false, supersede: 'The visit starts before the quiet hours end at the site.' };
  return { send: false, deferUntil: morning.toUTC().toISO() ?? now.toISOString() };
}
