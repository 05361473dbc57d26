import type { UserDto } from '../../../../shared/domain/directory';
import type { SignInThrottleDto } from '../../../../shared/domain/sign-in';
import { formatDateTime } from '../../components/format-time';

/** A user's state in words, as the users screen shows it; `lock`: failed sign-ins on their user name. */
export function userStateLabel(user: UserDto, lock?: SignInThrottleDto): string {
  if (!user.active) return 'Disabled';
  if (lock?.lockedUntil) return `Locked until ${formatDateTime(lock.lockedUntil)}`;
  if (lock) return `Slowed down (${lock.failures} failed sign-ins)`;
  if (user.mustChangePassword) return 'Must set a new password';
  return 'Active';
}
