/** The core's only source of "now", so tests and the SLA watcher can move time without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
