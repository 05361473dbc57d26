import { randomUUID } from 'node:crypto';
import type { UserDto } from '../../../shared/domain/directory';
import { ApiFailure } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { Tx } from '../db/transaction';
import { deleteSessionsOf } from '../repositories/session.repository';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  lockActiveAdminIds,
  setPasswordHash,
  updateUser,
} from '../repositories/user.repository';
import { hashPassword, temporaryPassword } from '../services/password.service';
import { assertAcceptablePassword } from '../services/password-policy.service';
import type { Handlers } from './handler-types';

async function existingUser(tx: Tx, userId: string): Promise<UserDto> {
  const user = await findUserById(tx, userId);
  if (!user) throw new ApiFailure('invalid_input', 'No such user.', [{ path: ['userId'], message: 'No such user' }]);
  return user;
}

/**
 * Refuses a change that would leave no active admin: nobody could then manage users or settings,
 * and the console has no way back in short of editing the database.
 */
async function keepAnAdmin(ctx: HandlerContext, tx: Tx, user: UserDto, field: 'active' | 'role'): Promise<void> {
  if (user.role !== 'admin' || !user.active) return;
  const admins = await lockActiveAdminIds(tx, ctx.database.dialect);
  if (admins.some((id) => id !== user.id)) return;
  const change = field === 'active' ? 'disabled' : 'given another role';
  throw new ApiFailure(
    'conflict',
    `${user.displayName} is the last active admin and cannot be ${change}: make another user an admin first.`,
    [{ path: [field], message: 'The last active admin' }],
  );
}

export const userHandlers = {
  'users.list': async (_input, ctx) => listUsers(ctx.database.db),

  'users.create': async (input, ctx) => {
    assertAcceptablePassword(input.password, input.username, 'password');
    const passwordHash = await hashPassword(input.password);
    return ctx.write(async ({ tx, audit, publish }) => {
      if (await findUserByUsername(tx, input.username)) {
        throw new ApiFailure('conflict', `The username ${input.username} is taken.`, [
          { path: ['username'], message: 'Already taken' },
        ]);
      }
      const user = await insertUser(tx, {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        createdAt: ctx.now(),
      });
      await audit({ entity: 'user', entityId: user.id, after: user });
      await publish({ type: 'user.changed', userId: user.id });
      return user;
    });
  },

  'users.update': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await existingUser(tx, input.userId);
      if (before.displayName === input.displayName && before.role === input.role) return before;
      if (before.role !== input.role) await keepAnAdmin(ctx, tx, before, 'role');
      await updateUser(tx, before.id, { displayName: input.displayName, role: input.role });
      const after = await existingUser(tx, before.id);
      await audit({ entity: 'user', entityId: before.id, before, after });
      await publish({ type: 'user.changed', userId: before.id });
      return after;
    }),

  'users.setActive': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await existingUser(tx, input.userId);
      if (before.active === input.active) return before;
      if (!input.active) await keepAnAdmin(ctx, tx, before, 'active');
      await updateUser(tx, before.id, { active: input.active });
      // Sessions end for good (enabling the user again does not revive them); API tokens are
      // refused while the user is disabled and work again when they are enabled.
      const sessionsEnded = input.active ? 0 : await deleteSessionsOf(tx, before.id);
      const after = await existingUser(tx, before.id);
      await audit({ entity: 'user', entityId: before.id, before, after: { ...after, sessionsEnded } });
      // Every console hears it: the user's own, on any workstation, finds itself signed out.
      await publish({ type: 'user.changed', userId: before.id });
      return after;
    }),

  'users.resetPassword': async (input, ctx) => {
    const temporary = temporaryPassword();
    const passwordHash = await hashPassword(temporary);
    return ctx.write(async ({ tx, audit, publish }) => {
      const user = await existingUser(tx, input.userId);
      await setPasswordHash(tx, user.id, passwordHash, true);
      const sessionsEnded = await deleteSessionsOf(tx, user.id);
      await audit({ entity: 'password', entityId: user.id, after: { change: 'reset', sessionsEnded } });
      await publish({ type: 'user.changed', userId: user.id });
      return { user: await existingUser(tx, user.id), temporaryPassword: temporary };
    });
  },
} satisfies Partial<Handlers>;
