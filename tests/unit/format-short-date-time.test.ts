import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime } from '../../renderer/src/components/format-time';

describe('formatShortDateTime', () => {
  const now = new Date('2026-12-05T09:00:00Z');

  it('leaves out the year of an instant in this year, and keeps the day and time', () => {
    const short = formatShortDateTime('2026-12-07T15:30:00Z', now);
    expect(short).not.toContain('2026');
    expect(short.length).toBeLessThan(formatDateTime('2026-12-07T15:30:00Z').length);
    expect(short).toMatch(/Dec/);
  });

  it('keeps the year of another year, and says "—" for nothing', () => {
    expect(formatShortDateTime('2027-01-04T15:30:00Z', now)).toBe(formatDateTime('2027-01-04T15:30:00Z'));
    expect(formatShortDateTime(null, now)).toBe('—');
  });
});
