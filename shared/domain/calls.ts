// Calls logged from the ticket panel (issue 14, section 4, item 9): an update given by phone is
// recorded as who was called, when, and what was said, so the ticket shows it beside the e-mails.

export interface TicketCallDto {
  id: string;
  ticketId: string;
  /** Who was called, as the caller wrote it. */
  calledName: string;
  phone: string | null;
  /** When the call took place. */
  calledAt: string;
  /** What was said. */
  summary: string;
  loggedBy: { id: string; name: string };
  loggedAt: string;
}
