import type { Role } from './roles';
import type { TicketStatus } from './ticket';
import type { VisitStatus } from './visit';

/**
 * Why a caller may not add to the documentation of a visit or a ticket (work log, photos and
 * forms, sign-off); null when they may. One rule for the server, which refuses the write, and for
 * the console, which then shows the panels read-only with the same sentence.
 *
 * - `forbidden`: a technician documents only their own work (a visit they are on the crew of, or
 *   a ticket on which they have a visit). Other roles are filtered by each method's access group.
 * - `invalid_input`, naming the visit or the ticket: a cancelled visit has no work to document,
 *   and a closed ticket's record is final until it is reopened (a cancelled ticket for good).
 */
export interface DocumentationRefusal {
  code: 'forbidden' | 'invalid_input';
  /** What the refusal is about: the input field of the visit or of the ticket. */
  subject: 'visit' | 'ticket';
  message: string;
}

export interface DocumentationPlace {
  ticketNumber: string;
  ticketStatus: TicketStatus;
  /** Null when documenting the ticket as a whole. */
  visitStatus: VisitStatus | null;
}

export function documentationRefusal(
  caller: { role: Role; onCrew: boolean },
  place: DocumentationPlace,
): DocumentationRefusal | null {
  const forVisit = place.visitStatus !== null;
  if (caller.role === 'technician' && !caller.onCrew) {
    return {
      code: 'forbidden',
      subject: forVisit ? 'visit' : 'ticket',
      message: forVisit
        ? 'Only the crew of this visit, a dispatcher or an admin can document it.'
        : `Only technicians with a visit on ${place.ticketNumber}, a dispatcher or an admin can add to it.`,
    };
  }
  if (place.visitStatus === 'cancelled') {
    return {
      code: 'invalid_input',
      subject: 'visit',
      message: 'The visit was cancelled; there is no work to document on it.',
    };
  }
  if (place.ticketStatus === 'closed') {
    return {
      code: 'invalid_input',
      subject: 'ticket',
      message: `Ticket ${place.ticketNumber} is closed; reopen it before changing its documentation.`,
    };
  }
  if (place.ticketStatus === 'cancelled') {
    return {
      code: 'invalid_input',
      subject: 'ticket',
      message: `Ticket ${place.ticketNumber} was cancelled; its documentation can no longer change.`,
    };
  }
  return null;
}
