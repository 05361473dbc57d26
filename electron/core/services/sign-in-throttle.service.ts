import type { SignInSettings, SignInSubject, SignInThrottleDto } from '../../../shared/domain/sign-in';

const MAX_DELAY_SECONDS = 60;

/** What a new sign-in attempt for one user name or address may do now. */
export type ThrottleVerdict =
  { kind: 'open' } | { kind: 'wait'; seconds: number } | { kind: 'locked'; until: string; minutes: number };

/** The wait after `failures` failures in a row: none below the threshold, then 1 s doubling to 60 s. */
export function delaySeconds(failures: number, settings: SignInSettings): number {
  if (failures < settings.delayAfterFailures) return 0;
  return Math.min(2 ** (failures - settings.delayAfterFailures), MAX_DELAY_SECONDS);
}

/**
 * Whether the failures on record still count: not after a lock has run out, nor once lockMinutes
 * have passed since the last failure without a lock (old typos do not add up over weeks).
 */
export function isStale(t: SignInThrottleDto, settings: SignInSettings, nowMs: number): boolean {
  if (t.lockedUntil !== null) return Date.parse(t.lockedUntil) <= nowMs;
  return Date.parse(t.lastFailureAt) + settings.lockMinutes * 60_000 <= nowMs;
}

export function verdictFor(t: SignInThrottleDto | undefined, settings: SignInSettings, nowMs: number): ThrottleVerdict {
  if (!t || t.failures === 0 || isStale(t, settings, nowMs)) return { kind: 'open' };
  if (t.lockedUntil !== null) {
    return { kind: 'locked', until: t.lockedUntil, minutes: Math.ceil((Date.parse(t.lockedUntil) - nowMs) / 60_000) };
  }
  const readyAt = Date.parse(t.lastFailureAt) + delaySeconds(t.failures, settings) * 1000;
  return readyAt > nowMs ? { kind: 'wait', seconds: Math.ceil((readyAt - nowMs) / 1000) } : { kind: 'open' };
}

/** The record after one more failure at `now`: counted afresh when the old ones no longer count. */
export function afterFailure(t: SignInThrottleDto, settings: SignInSettings, now: Date): SignInThrottleDto {
  const nowMs = now.getTime();
  const failures = (isStale(t, settings, nowMs) ? 0 : t.failures) + 1;
  const locks = failures >= settings.lockAfterFailures;
  return {
    ...t,
    failures,
    lastFailureAt: now.toISOString(),
    lockedUntil: locks ? new Date(nowMs + settings.lockMinutes * 60_000).toISOString() : null,
  };
}

/** The refusal in words, for the sign-in page. */
export function verdictMessage(kind: SignInSubject, verdict: Exclude<ThrottleVerdict, { kind: 'open' }>): string {
  const who = kind === 'user' ? 'for this user name' : 'from this computer';
  if (verdict.kind === 'wait') {
    const s = verdict.seconds === 1 ? '1 second' : `${verdict.seconds} seconds`;
    return `Too many failed sign-ins ${who}: wait ${s} before trying again.`;
  }
  const m = verdict.minutes === 1 ? '1 minute' : `${verdict.minutes} minutes`;
  return `Too many failed sign-ins ${who}: signing in is locked for ${m}. An admin can unlock it sooner.`;
}

/** Loopback addresses are one machine's users, not a network guesser: only their user names count. */
export function isCountedAddress(address: string | undefined): address is string {
  if (!address) return false;
  return !(address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}
