import type { UserDto } from '../../../../shared/domain/directory';

/** A user's state in words, as the users screen shows it. */
export function userStateLabel(user: UserDto): string {
  if (!user.active) return 'Disabled';
  if (user.mustChangePassword) return 'Must set a new password';
  return 'Active';
}
