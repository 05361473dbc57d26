import { Settings } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantOfLocalInput, toLocalInput } from '../../renderer/src/components/datetime-local';

describe('datetime-local inputs', () => {
  // A workstation in New York, where 14:30 UTC in December is 09:30 on the wall clock.
  beforeEach(() => {
    Settings.defaultZone = 'America/New_York';
  });
  afterEach(() => {
    Settings.defaultZone = 'system';
  });

  it('shows an instant as the wall-clock time of the workstation', () => {
    expect(toLocalInput('2026-12-07T14:30:00.000Z')).toBe('2026-12-07T09:30');
    expect(toLocalInput(null)).toBe('');
  });

  it('reads a wall-clock time back as the instant it names, in UTC', () => {
    expect(instantOfLocalInput('2026-12-07T09:30')).toBe('2026-12-07T14:30:00.000Z');
    // Summer time: the same wall clock is an hour earlier in UTC.
    expect(instantOfLocalInput('2026-07-07T09:30')).toBe('2026-07-07T13:30:00.000Z');
  });

  it('reads an empty or impossible value as no instant', () => {
    expect(instantOfLocalInput('')).toBeNull();
    expect(instantOfLocalInput('2026-02-30T09:00')).toBeNull();
  });
});
