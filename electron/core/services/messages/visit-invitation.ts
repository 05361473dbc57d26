import { createEvent, type EventAttributes } from 'ics';
import type { OutboxAttachment } from '../../../../shared/domain/outbox';

// The calendar invitation sent with a visit's messages (RFC 5546, iTIP). One UID per visit for
// its whole life, so a calendar replaces the entry instead of adding another; SEQUENCE follows
// the visit's version, so every later message outranks the earlier ones.

export interface VisitInvitation {
  visitId: string;
  /** The visit's version: it rises on every change. */
  version: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: string;
  endsAt: string;
  title: string;
  description: string;
  location: string;
  /** Who sends it (the console's from address), when mail is set up. */
  organizer: { name: string | null; email: string } | null;
  attendee: { name: string; email: string };
  /** When the invitation was made (DTSTAMP). */
  stamp: string;
}

/** The UID of a visit's calendar entry, the same in every message about it. */
export function visitUid(visitId: string): string {
  return `visit-${visitId}@dispatch-console`;
}

/** The .ics attachment: METHOD REQUEST for a booking or change, CANCEL when the visit is off. */
export function visitInvitation(invitation: VisitInvitation): OutboxAttachment {
  const cancel = invitation.method === 'CANCEL';
  // `timestamp` (DTSTAMP) is read by ics but missing from its type declarations.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'dispatch-console/messages',
    method: invitation.method,
    uid: visitUid(invitation.visitId),
    // Versions start at 1; SEQUENCE conventionally starts at 0.
    sequence: Math.max(0, invitation.version - 1),
    start: Date.parse(invitation.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(invitation.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: Date.parse(invitation.stamp),
    title: invitation.title,
    description: invitation.description,
    location: invitation.location,
    status: cancel ? 'CANCELLED' : 'CONFIRMED',
    ...(invitation.organizer
      ? {
          organizer: {
            email: invitation.organizer.email,
            ...(invitation.organizer.name ? { name: invitation.organizer.name } : {}),
          },
        }
      : {}),
    attendees: [
      {
        name: invitation.attendee.name,
        email: invitation.attendee.email,
        rsvp: false,
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  // Every field comes from validated rows: a refusal here is a bug, not bad input.
  if (error || !value) throw new Error(`the invitation of visit ${invitation.visitId} failed: ${String(error)}`);
  return {
    name: cancel ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${invitation.method}`,
    content: value,
    encoding: 'text',
  };
}
