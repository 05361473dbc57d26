import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/errors';
import { findUserByUsername, insertUser, listUsers } from '../repositories/user.repository';
import { hashPassword } from '../services/password.service';
import type { Handlers } from './handler-types';

export const userHandlers = {
  'users.list': async (_input, ctx) => listUsers(ctx.database.db),

  'users.create': async (input, ctx) => {
    const passwordHash = await hashPassword(input.password);
    return ctx.write(async ({ tx, audit }) => {
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
      return user;
    });
  },
} satisfies Partial<Handlers>;
