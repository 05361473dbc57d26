import { defaultSignInSettings, type SignInSettings } from '../../../shared/domain/sign-in';
import { signInSettings } from '../../../shared/domain/sign-in.schema';
import type { WriteTx } from '../context';
import type { DialectName } from '../db/dialect';
import type { Tx } from '../db/transaction';
import { getJsonSetting } from '../repositories/sla-config.repository';
import {
  deleteThrottle,
  findThrottle,
  lockThrottle,
  saveThrottle,
  type SignInSubjectKey,
} from '../repositories/sign-in-throttle.repository';
import { afterFailure, isCountedAddress, verdictFor, verdictMessage } from './sign-in-throttle.service';

export const SIGN_IN_SETTINGS_KEY = 'signIn.settings';

export async function loadSignInSettings(db: Tx): Promise<SignInSettings> {
  return (await getJsonSetting(db, SIGN_IN_SETTINGS_KEY, signInSettings)) ?? defaultSignInSettings;
}

/** What one attempt is counted against: the user name typed, and the address it came from (if not this machine). */
export function subjectsOf(username: string, address: string | undefined): SignInSubjectKey[] {
  const subjects: SignInSubjectKey[] = [{ kind: 'user', name: username }];
  if (isCountedAddress(address)) subjects.push({ kind: 'address', name: address });
  return subjects;
}

/** Why this attempt must not even be tried now (delayed or locked), in words; null to go ahead. */
export async function signInRefusal(
  db: Tx,
  subjects: SignInSubjectKey[],
  settings: SignInSettings,
  nowMs: number,
): Promise<{ message: string; reason: 'locked' | 'delayed' } | null> {
  for (const subject of subjects) {
    const verdict = verdictFor(await findThrottle(db, subject), settings, nowMs);
    if (verdict.kind !== 'open') {
      return {
        message: verdictMessage(subject.kind, verdict),
        reason: verdict.kind === 'locked' ? 'locked' : 'delayed',
      };
    }
  }
  return null;
}

/** Counts a failed sign-in against each subject; one that reaches the limit is locked, and that is audited. */
export async function countFailure(
  { tx, audit }: WriteTx,
  dialect: DialectName,
  subjects: SignInSubjectKey[],
  settings: SignInSettings,
  now: Date,
): Promise<void> {
  for (const subject of subjects) {
    const before = await lockThrottle(tx, dialect, subject, now.toISOString());
    const after = afterFailure(before, settings, now);
    await saveThrottle(tx, after);
    if (after.lockedUntil !== null && before.lockedUntil !== after.lockedUntil) {
      await audit({ entity: 'sign_in_lock', entityId: `${subject.kind}:${subject.name}`, after });
    }
  }
}

/** A successful sign-in clears the user name's count (the address keeps its own, for other names). */
export async function clearUserFailures(tx: Tx, username: string): Promise<void> {
  await deleteThrottle(tx, { kind: 'user', name: username });
}
