/** How repeated failed sign-ins are slowed down and then locked (Admin › Users). */
export interface SignInSettings {
  /** From this many failures in a row, each attempt must wait: 1 s, then 2, 4, … up to 60 s. */
  delayAfterFailures: number;
  /** At this many failures in a row, the user name or address is locked for lockMinutes. */
  lockAfterFailures: number;
  lockMinutes: number;
}

export const defaultSignInSettings: SignInSettings = { delayAfterFailures: 3, lockAfterFailures: 10, lockMinutes: 15 };

/** What failures are counted against: a user name as typed (lower case), or a network address. */
export type SignInSubject = 'user' | 'address';

/** A user name or address with recent failed sign-ins, delayed or locked. */
export interface SignInThrottleDto {
  kind: SignInSubject;
  name: string;
  failures: number;
  lastFailureAt: string;
  /** Set while locked; null while only delayed. */
  lockedUntil: string | null;
}
