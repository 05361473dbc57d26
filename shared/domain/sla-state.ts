import type { SlaState } from './sla';

/** An instant as a Date or an ISO 8601 string with offset. */
export type InstantLike = Date | string;

function millis(value: InstantLike, name: string): number {
  const ms = typeof value === 'string' ? new Date(value).getTime() : value.getTime();
  // An unparseable instant here means a caller skipped validation: a bug, so it throws.
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid instant`);
  return ms;
}

/**
 * Where a ticket stands against its SLA at `now`.
 *
 * - breached: only strictly after dueAt. The due time is "due by", so a ticket resolved or
 *   attended at exactly dueAt has met its SLA; the same instant must not count as a breach.
 * - at_risk: at least `atRiskFraction` of the window receivedAt → dueAt has passed (inclusive, so
 *   the escalation at 75% fires at the 75% instant itself), up to and including dueAt.
 * - on_track: otherwise, including a `now` before receivedAt (a clock behind the desk's).
 */
export function slaState(
  receivedAt: InstantLike,
  dueAt: InstantLike,
  now: InstantLike,
  atRiskFraction = 0.75,
): SlaState {
  if (!(atRiskFraction > 0 && atRiskFraction <= 1)) {
    throw new RangeError('atRiskFraction must be greater than 0 and at most 1');
  }
  const start = millis(receivedAt, 'receivedAt');
  const due = millis(dueAt, 'dueAt');
  const at = millis(now, 'now');
  if (at > due) return 'breached';
  const window = due - start;
  // A window of zero or less (due at or before receipt) has no fraction to speak of: it is at
  // risk from the start until it breaches.
  if (window <= 0) return 'at_risk';
  return at - start >= atRiskFraction * window ? 'at_risk' : 'on_track';
}

/** Milliseconds from `now` until dueAt; negative once the SLA is breached. */
export function remainingMs(dueAt: InstantLike, now: InstantLike): number {
  return millis(dueAt, 'dueAt') - millis(now, 'now');
}
