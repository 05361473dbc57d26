// Issue 16 §1: repeated failed sign-ins for one user name or from one address are slowed down,
// then locked for a while; the user is told so in words, and an admin can unlock.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../electron/core/runtime';
import type { Result } from '../../shared/errors';
import { callerFor, type CoreCaller } from '../support/core-caller';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';

const SECOND = 1000;

describe('sign-in throttling', () => {
  const env = useTestEnvironment();
  const clock = manualClock('2031-05-01T08:00:00Z');
  let runtime: Runtime;
  let admin: CoreCaller;

  beforeAll(async () => {
    runtime = await env.runtime({ demo: 'basic', clock });
    const { session } = await runtime.core.invoke('auth.login', { username: 'admin', password: 'demo' }, {});
    if (!session || session === 'ended') throw new Error('no admin session');
    admin = callerFor(runtime, { sessionToken: session.token });
  });

  async function login(username: string, password: string, address = '10.0.0.7'): Promise<Result<unknown>> {
    return (await runtime.core.invoke('auth.login', { username, password }, { address })).result;
  }

  const messageOf = (result: Result<unknown>) => (result.ok ? 'signed in' : result.error.message);

  const auditRows = (entity: string) =>
    runtime.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', entity).execute();

  it('slows a user name down after 3 failures, doubling the wait, then locks it for 15 minutes', async () => {
    for (let i = 0; i < 3; i++) expect(messageOf(await login('desk', 'wrong'))).toBe('Wrong username or password.');
    // Even the right password waits: it is not looked at.
    expect(messageOf(await login('desk', 'demo'))).toBe(
      'Too many failed sign-ins for this user name: wait 1 second before trying again.',
    );
    clock.advance(1 * SECOND);
    expect(messageOf(await login('desk', 'wrong'))).toBe('Wrong username or password.');
    expect(messageOf(await login('desk', 'demo'))).toMatch(/wait 2 seconds/);
    for (let failures = 5; failures <= 10; failures++) {
      clock.advance(60 * SECOND);
      expect(messageOf(await login('desk', 'wrong'))).toBe('Wrong username or password.');
    }
    expect(messageOf(await login('desk', 'demo'))).toBe(
      'Too many failed sign-ins for this user name: signing in is locked for 15 minutes. An admin can unlock it sooner.',
    );
    const locks = await auditRows('sign_in_lock');
    expect(locks.map((r) => r.entity_id)).toContain('user:desk');

    clock.advance(15 * 60 * SECOND);
    expect(messageOf(await login('desk', 'demo'))).toBe('signed in');
  });

  it('lists a lock for the admin, who unlocks it at once; the unlock is audited', async () => {
    clock.advance(60 * 60 * SECOND);
    valueOf(
      await admin.invoke('signIn.saveSettings', { delayAfterFailures: 1, lockAfterFailures: 2, lockMinutes: 60 }),
    );
    // From this machine, so only the user name counts.
    await login('technician', 'wrong', '127.0.0.1');
    clock.advance(5 * SECOND);
    await login('technician', 'wrong', '127.0.0.1');
    expect(messageOf(await login('technician', 'demo', '127.0.0.1'))).toMatch(/locked for 60 minutes/);
    const locks = valueOf(await admin.invoke('signIn.locks', {}));
    expect(locks).toContainEqual(expect.objectContaining({ kind: 'user', name: 'technician', failures: 2 }));

    valueOf(await admin.invoke('signIn.unlock', { kind: 'user', name: 'technician' }));
    expect(messageOf(await login('technician', 'demo', '127.0.0.1'))).toBe('signed in');
    const unlock = (await auditRows('sign_in_lock')).filter((r) => r.entity_id === 'user:technician');
    expect(unlock.map((r) => r.after)).toContain(null);
  });

  it('counts failures from one address across user names, and never a loopback address', async () => {
    clock.advance(2 * 60 * 60 * SECOND);
    valueOf(
      await admin.invoke('signIn.saveSettings', { delayAfterFailures: 3, lockAfterFailures: 4, lockMinutes: 10 }),
    );
    for (const name of ['amy', 'bob', 'cy', 'dee']) {
      clock.advance(60 * SECOND);
      await login(name, 'guess', '203.0.113.9');
    }
    expect(messageOf(await login('manager', 'demo', '203.0.113.9'))).toBe(
      'Too many failed sign-ins from this computer: signing in is locked for 10 minutes. An admin can unlock it sooner.',
    );
    expect(messageOf(await login('manager', 'demo', '198.51.100.4'))).toBe('signed in');

    for (const name of ['eve', 'fay', 'gus', 'hal', 'ike']) {
      clock.advance(60 * SECOND);
      await login(name, 'guess', '127.0.0.1');
    }
    expect(messageOf(await login('supervisor', 'demo', '127.0.0.1'))).toBe('signed in');
  });

  it('tells the same words over HTTP, with 401', async () => {
    clock.advance(60 * 60 * SECOND);
    valueOf(
      await admin.invoke('signIn.saveSettings', { delayAfterFailures: 1, lockAfterFailures: 5, lockMinutes: 10 }),
    );
    const server = await env.server(runtime);
    await server.call('auth.login', { username: 'dispatcher', password: 'wrong' });
    const reply = await server.call('auth.login', { username: 'dispatcher', password: 'demo' });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/wait 1 second/) as unknown },
    });
  });
});
