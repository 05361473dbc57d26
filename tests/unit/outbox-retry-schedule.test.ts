import { describe, expect, it } from 'vitest';
import { defaultOutboxSettings } from '../../shared/domain/outbox';
import { nextAttemptAt } from '../../electron/core/services/outbox/retry-schedule';

const failedAt = new Date('2026-12-07T16:00:00.000Z');
const minutesLater = (iso: string | null) => (iso === null ? null : (Date.parse(iso) - failedAt.getTime()) / 60_000);

describe('when a failed message is tried again (1 min doubling to 1 h, 8 attempts)', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 32],
    [7, 60],
    [8, null],
    [9, null],
  ])('after attempt %i: %s minutes later', (attempts, expected) => {
    expect(minutesLater(nextAttemptAt(failedAt, attempts, defaultOutboxSettings))).toBe(expected);
  });

  it('never waits longer than the maximum, however many attempts are allowed', () => {
    const settings = { firstRetryMinutes: 5, maxRetryMinutes: 90, maxAttempts: 50 };
    expect(minutesLater(nextAttemptAt(failedAt, 49, settings))).toBe(90);
  });
});
