// The test clock with a jump the test controls: time keeps ticking (sessions, SLA clocks stay
// sane) and a retry an hour away is reached by moving the clock, not by waiting.
import type { Clock } from '../../electron/core/services/clock';
import { testNowMs } from './test-clock';

export interface OffsetClock extends Clock {
  advance(ms: number): void;
}

export function offsetClock(): OffsetClock {
  let offset = 0;
  return {
    now: () => new Date(testNowMs() + offset),
    advance: (ms) => void (offset += ms),
  };
}
