import { describe, expect, it } from 'vitest';
import { needsAVisit, ticketStatuses, type TicketStatus } from '../../shared/domain/ticket';

const booked = '2026-11-27T13:00:00Z';

describe('whether a ticket still needs a visit (the ticket panel ranks technicians only then)', () => {
  const needing: TicketStatus[] = ['new', 'assigned', 'on_hold'];

  it.each(needing)('a %s ticket with no visit booked or under way needs one', (status) => {
    expect(needsAVisit({ status, scheduledAt: null })).toBe(true);
  });

  it.each(needing)('a %s ticket with a visit booked or under way does not', (status) => {
    expect(needsAVisit({ status, scheduledAt: booked })).toBe(false);
  });

  it.each(ticketStatuses.filter((s) => !needing.includes(s)))('a %s ticket never does', (status) => {
    expect(needsAVisit({ status, scheduledAt: null })).toBe(false);
    expect(needsAVisit({ status, scheduledAt: booked })).toBe(false);
  });
});
