import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import {
  countUsers,
  findUserById,
  findUserByUsername,
  findUserWithHash,
  insertUser,
  setPasswordHash,
} from '../repositories/user.repository';
import { getSetting, insertSetting } from '../repositories/settings.repository';
import {
  deleteCredential,
  deleteSessionsOf,
  insertCredential,
  listApiTokens,
  tokenIdOf,
} from '../repositories/session.repository';
import { newToken } from '../services/credentials';
import { dummyHashPromise, hashPassword, verifyPassword } from '../services/password.service';
import { assertAcceptablePassword } from '../services/password-policy.service';
import {
  clearUserFailures,
  countFailure,
  loadSignInSettings,
  signInRefusal,
  subjectsOf,
} from '../services/sign-in-guard';
import type { Handlers } from './handler-types';

export const SETUP_DONE_KEY = 'setup.completed';
export const DEMO_KEY = 'demo.loaded';

export const authHandlers = {
  'auth.status': async (_input, ctx) => ({
    needsSetup: (await countUsers(ctx.database.db)) === 0,
    user: ctx.caller,
    demo: (await getSetting(ctx.database.db, DEMO_KEY)) === 'true',
  }),

  'auth.setup': async (input, ctx) => {
    assertAcceptablePassword(input.password, input.username, 'password');
    const passwordHash = await hashPassword(input.password);
    return ctx.write(async ({ tx, audit }) => {
      if ((await countUsers(tx)) > 0) throw new ApiFailure('conflict', 'Setup is already done: log in instead.');
      // The key's primary key stops a second workstation that passed the count at the same moment.
      await insertSetting(tx, SETUP_DONE_KEY, ctx.now());
      const user = await insertUser(tx, {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        passwordHash,
        createdAt: ctx.now(),
      });
      await audit({ entity: 'user', entityId: user.id, after: user });
      await ctx.startSession(tx, user.id);
      return user;
    });
  },

  'auth.login': async (input, ctx) => {
    const username = input.username.toLowerCase();
    const subjects = subjectsOf(username, ctx.address);
    const settings = await loadSignInSettings(ctx.database.db);
    const now = ctx.clock.now();
    const refusedSignIn = (reason: string) => ({
      entity: 'sign_in',
      entityId: username,
      after: { outcome: 'refused', reason, username },
    });
    // Delayed or locked: refused before the password is even looked at, and said in words.
    const throttled = await signInRefusal(ctx.database.db, subjects, settings, now.getTime());
    if (throttled) {
      const found = await findUserByUsername(ctx.database.db, username);
      await ctx.write(({ audit }) => audit({ ...refusedSignIn(throttled.reason), entityId: found?.id ?? username }));
      throw new ApiFailure('unauthenticated', throttled.message);
    }
    const found = await findUserByUsername(ctx.database.db, username);
    // Verify against a dummy hash for unknown users so response time does not reveal who exists.
    const valid = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHashPromise));
    if (!found || !valid || !found.active) {
      // The caller hears one message whatever went wrong; the audit log keeps which it was.
      const reason = !found ? 'unknown_user' : !valid ? 'wrong_password' : 'disabled';
      await ctx.write(async (write) => {
        await write.audit({ ...refusedSignIn(reason), entityId: found?.id ?? username });
        // Unknown names count too: a lock must not tell a guesser which names exist.
        await countFailure(write, ctx.database.dialect, subjects, settings, now);
      });
      throw new ApiFailure('unauthenticated', 'Wrong username or password.');
    }
    const { passwordHash: _hash, ...user } = found;
    await ctx.write(async ({ tx }) => {
      await clearUserFailures(tx, username);
      await ctx.startSession(tx, user.id);
    });
    return user;
  },

  'auth.logout': async (_input, ctx) => {
    await ctx.endSession();
    return null;
  },

  'auth.changePassword': async (input, ctx) => {
    const caller = requireCaller(ctx);
    assertAcceptablePassword(input.newPassword, caller.username, 'newPassword');
    const found = await findUserWithHash(ctx.database.db, caller.id);
    if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
      throw new ApiFailure('invalid_input', 'The current password is not right.', [
        { path: ['currentPassword'], message: 'Not your current password' },
      ]);
    }
    if (input.newPassword === input.currentPassword) {
      throw new ApiFailure('invalid_input', 'Choose a password other than the current one.', [
        { path: ['newPassword'], message: 'The same as the current password' },
      ]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    return ctx.write(async ({ tx, audit, publish }) => {
      await setPasswordHash(tx, caller.id, passwordHash, false);
      // Whoever else holds a session of this user (a forgotten workstation, someone who learnt
      // the old password) is signed out; the caller's own session carries on.
      const keep = ctx.credential?.kind === 'session' ? ctx.credential.tokenHash : null;
      const sessionsEnded = await deleteSessionsOf(tx, caller.id, keep);
      const change = found.mustChangePassword ? 'replaced_temporary' : 'changed';
      await audit({ entity: 'password', entityId: caller.id, after: { change, sessionsEnded } });
      await publish({ type: 'user.changed', userId: caller.id });
      const user = await findUserById(tx, caller.id);
      if (!user) throw new Error('the caller vanished while changing their password');
      return user;
    });
  },

  'auth.apiTokens': async (_input, ctx) =>
    (await listApiTokens(ctx.database.db)).map((t) => ({
      id: t.id,
      name: t.name,
      owner: { id: t.userId, username: t.username, displayName: t.displayName, active: t.userActive },
      createdAt: t.createdAt,
      lastUsedAt: t.lastSeenAt === t.createdAt ? null : t.lastSeenAt,
    })),

  'auth.revokeApiToken': async (input, ctx) =>
    ctx.write(async ({ tx, audit }) => {
      const token = (await listApiTokens(tx)).find((t) => t.id === input.id);
      if (!token)
        throw new ApiFailure('invalid_input', 'No such API token.', [{ path: ['id'], message: 'No such token' }]);
      await deleteCredential(tx, token.tokenHash);
      await audit({
        entity: 'api_token',
        entityId: token.id,
        before: { name: token.name, userId: token.userId },
        after: null,
      });
      return null;
    }),

  'auth.createApiToken': async (input, ctx) => {
    return ctx.write(async ({ tx, audit }) => {
      const user = await findUserById(tx, input.userId);
      if (!user)
        throw new ApiFailure('invalid_input', 'No such user.', [{ path: ['userId'], message: 'No such user' }]);
      const { token, hash } = newToken('dt');
      await insertCredential(tx, {
        tokenHash: hash,
        userId: user.id,
        kind: 'api_token',
        name: input.name,
        createdAt: ctx.now(),
        expiresAt: null,
      });
      await audit({
        entity: 'api_token',
        entityId: tokenIdOf(hash),
        after: { name: input.name, userId: user.id, createdBy: requireCaller(ctx).id },
      });
      return { token, name: input.name, userId: user.id };
    });
  },
} satisfies Partial<Handlers>;
