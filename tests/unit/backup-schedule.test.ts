import { describe, expect, it } from 'vitest';
import { lastDueSlot, scheduledBackupDue } from '../../electron/core/services/backup/backup-schedule';

describe('the daily backup hour, read in the organisation’s zone', () => {
  it.each([
    // now (UTC), zone, hour, the slot it falls after
    ['2026-12-07T16:00:00.000Z', 'America/Los_Angeles', 2, '2026-12-07T10:00:00.000Z'],
    ['2026-12-07T09:59:00.000Z', 'America/Los_Angeles', 2, '2026-12-06T10:00:00.000Z'],
    ['2026-12-07T10:00:00.000Z', 'America/Los_Angeles', 2, '2026-12-07T10:00:00.000Z'],
    ['2026-12-07T23:30:00.000Z', 'Europe/Zurich', 0, '2026-12-07T23:00:00.000Z'],
    ['2026-12-07T22:59:00.000Z', 'Europe/Zurich', 0, '2026-12-06T23:00:00.000Z'],
    // 2027-03-28 skips 02:00–03:00 in Zurich: the backup runs at 03:00 summer time (01:00 UTC).
    ['2027-03-28T05:00:00.000Z', 'Europe/Zurich', 2, '2027-03-28T01:00:00.000Z'],
    // The day after the clocks go forward, 02:00 is 00:00 UTC.
    ['2027-03-29T05:00:00.000Z', 'Europe/Zurich', 2, '2027-03-29T00:00:00.000Z'],
  ])('at %s in %s with hour %i the last slot is %s', (now, zone, hour, slot) => {
    expect(lastDueSlot(new Date(now), zone, hour).toISOString()).toBe(slot);
  });

  it('is due when no scheduled backup was ever tried, and once per slot after that', () => {
    const now = new Date('2026-12-07T16:00:00.000Z');
    const zone = 'America/Los_Angeles';
    expect(scheduledBackupDue(now, zone, 2, null)).toBe(true);
    expect(scheduledBackupDue(now, zone, 2, '2026-12-07T10:00:00.000Z')).toBe(false);
    expect(scheduledBackupDue(now, zone, 2, '2026-12-07T09:59:59.999Z')).toBe(true);
    // Tried at 08:00 local today for a 09:00 slot: not due until 09:00.
    expect(scheduledBackupDue(now, zone, 9, '2026-12-07T16:00:00.000Z')).toBe(false);
    expect(scheduledBackupDue(new Date('2026-12-07T17:00:00.000Z'), zone, 9, '2026-12-07T16:00:00.000Z')).toBe(true);
  });
});
