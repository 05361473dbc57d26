// The API and database suites run their servers on this clock instead of the machine's, so the
// fixed days their tests book (2027-01-11, King's Day 2027-04-27, …) stay in the future and keep
// their weekdays whatever day the suites run. It ticks with real time, so idle sessions, SLA
// countdowns and timeouts still move.
import type { Clock } from '../../electron/core/services/clock';

/** Monday 7 December 2026, 08:00 in Los Angeles (16:00 UTC): the instant every suite starts at. */
export const TEST_EPOCH = '2026-12-07T16:00:00.000Z';

const startedAt = performance.now();
const epoch = Date.parse(TEST_EPOCH);

/** Milliseconds since 1970 on the test clock. */
export function testNowMs(): number {
  return epoch + Math.round(performance.now() - startedAt);
}

/** "Now" for tests: pass this where a test would have used Date.now() or new Date(). */
export function testNow(): Date {
  return new Date(testNowMs());
}

/** An ISO instant `ms` milliseconds from now on the test clock (negative for the past). */
export function testIso(ms = 0): string {
  return new Date(testNowMs() + ms).toISOString();
}

export const testClock: Clock = { now: testNow };
