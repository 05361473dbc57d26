import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';

describe('ticket numbers', () => {
  it.each([
    [2026, 1, 'T-2026-000001'],
    [2026, 42, 'T-2026-000042'],
    [2026, 123456, 'T-2026-123456'],
    [2031, 999999, 'T-2031-999999'],
    // A record year does not truncate: the number grows instead of wrapping.
    [2026, 1234567, 'T-2026-1234567'],
  ])('numbers the year %i, request %i as %s', (year, sequence, expected) => {
    expect(formatTicketNumber(year, sequence)).toBe(expected);
  });

  it('sorts numbers of one year in the order they were drawn', () => {
    const drawn = [1, 2, 9, 10, 99, 100, 1000].map((n) => formatTicketNumber(2026, n));
    expect([...drawn].sort()).toEqual(drawn);
  });
});
