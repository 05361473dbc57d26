import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { sessionCookieOf, useTestEnvironment, valueOf, type TestServer } from '../support/test-runtime';

describe('first start over HTTP', () => {
  const env = useTestEnvironment();
  let server: TestServer;

  beforeAll(async () => {
    server = await env.server(await env.runtime({ demo: false }));
  });

  it('asks for setup on an empty database, creates the first admin and logs them in, once', async () => {
    expect(valueOf(await server.call('auth.status', {}))).toEqual({ needsSetup: true, user: null, demo: false });
    expect((await server.call('tickets.queue', {})).status).toBe(401);

    const setup = await server.call('auth.setup', {
      username: 'ada',
      displayName: 'Ada Admin',
      password: 'correct-horse',
    });
    expect(setup.status).toBe(200);
    expect(valueOf(setup)).toMatchObject({ username: 'ada', displayName: 'Ada Admin', role: 'admin', active: true });
    const cookie = sessionCookieOf(setup.headers);
    expect(cookie).not.toBeNull();
    const status = valueOf(await server.call('auth.status', {}, { cookie: cookie ?? '' }));
    expect(status).toMatchObject({ needsSetup: false, user: { username: 'ada', role: 'admin' } });

    const again = await server.call('auth.setup', { username: 'eve', displayName: 'Eve', password: 'correct-horse' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(sessionCookieOf(again.headers)).toBeNull();
    expect(valueOf(await server.call('users.list', {}, { cookie: cookie ?? '' })).map((u) => u.username)).toEqual([
      'ada',
    ]);
  });
});

describe('sessions and API tokens over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  it('logs in with a session cookie the page cannot read and other sites cannot send', async () => {
    const reply = await f.server.call('auth.login', { username: 'dispatcher', password: 'demo' });
    expect(reply.status).toBe(200);
    expect(valueOf(reply)).toMatchObject({ username: 'dispatcher', role: 'dispatcher' });
    const setCookie = reply.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const attributes = (setCookie[0] ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(attributes.some((a) => a.startsWith('expires='))).toBe(true);
  });

  it('audits every login and logout as a session row, in the same transaction', async () => {
    const sessionAudits = () =>
      f.server.runtime.database.db
        .selectFrom('audit_log')
        .select(['method', 'entity_id', 'before', 'after'])
        .where('entity', '=', 'session')
        .orderBy('at')
        .execute();
    const before = (await sessionAudits()).length;
    const cookie = await f.server.login('supervisor');
    expect((await f.server.call('auth.logout', {}, { cookie })).status).toBe(200);
    const added = (await sessionAudits()).slice(before);
    expect(added.map((a) => a.method)).toEqual(['auth.login', 'auth.logout']);
    // The same session, by a prefix of its hash: the token itself is never written down.
    expect(added[0]?.entity_id).toBe(added[1]?.entity_id);
    expect(JSON.stringify(added)).not.toContain(cookie.split('=')[1] ?? 'no token');
  });

  it('accepts the username in any case', async () => {
    expect((await f.server.call('auth.login', { username: 'Dispatcher', password: 'demo' })).status).toBe(200);
  });

  it.each([
    ['a wrong password', { username: 'desk', password: 'wrong' }],
    ['a user that does not exist', { username: 'nobody', password: 'demo' }],
  ])('refuses %s with 401 and the same message, setting no cookie', async (_label, input) => {
    const reply = await f.server.call('auth.login', input);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Wrong username or password.' },
    });
    expect(reply.headers.getSetCookie()).toEqual([]);
  });

  it.each([
    ['a wrong password', 'Desk', 'wrong_password'],
    ['an unknown user', `Nobody-${randomUUID().slice(0, 8)}`, 'unknown_user'],
  ])(
    'audits a refused sign-in with %s: the account tried and why, never the password',
    async (_l, username, reason) => {
      const password = `not-the-password-${randomUUID()}`;
      const users = valueOf(await f.server.call('users.list', {}, { cookie: f.cookies.admin }));
      const account = users.find((u) => u.username === username.toLowerCase())?.id ?? username.toLowerCase();
      const refusals = () =>
        f.server.runtime.database.db
          .selectFrom('audit_log')
          .select(['method', 'user_id', 'after'])
          .where('entity', '=', 'sign_in')
          .where('entity_id', '=', account)
          .execute();
      const before = await refusals();
      expect((await f.server.call('auth.login', { username, password })).status).toBe(401);
      const after = await refusals();
      expect(after).toHaveLength(before.length + 1);
      // Every refusal for this account reads the same: who tried, and why it failed.
      for (const row of after) {
        expect(row).toMatchObject({ method: 'auth.login', user_id: null });
        expect(JSON.parse(String(row.after))).toEqual({ outcome: 'refused', reason, username: username.toLowerCase() });
      }
      expect(JSON.stringify(after)).not.toContain(password);
    },
  );

  it('logs out: clears the cookie, and the old cookie no longer works', async () => {
    const cookie = await f.server.login('technician');
    expect((await f.server.call('tickets.queue', {}, { cookie })).status).toBe(200);

    const reply = await f.server.call('auth.logout', {}, { cookie });
    expect(reply.status).toBe(200);
    const cleared = reply.headers.getSetCookie()[0] ?? '';
    expect(cleared).toMatch(/^dispatch_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);

    const after = await f.server.call('tickets.queue', {}, { cookie });
    expect(after.status).toBe(401);
    expect(valueOf(await f.server.call('auth.status', {}, { cookie })).user).toBeNull();
  });

  it('gives an integration an API token that acts as its user when sent as Bearer', async () => {
    const created = valueOf(
      await f.server.call(
        'auth.createApiToken',
        { userId: f.deskUserId, name: 'ticketing bridge' },
        { cookie: f.cookies.admin },
      ),
    );
    expect(created).toMatchObject({ name: 'ticketing bridge', userId: f.deskUserId });
    const token = created.token;

    expect(valueOf(await f.server.call('auth.status', {}, { token })).user).toMatchObject({ username: 'desk' });
    expect((await f.server.call('tickets.queue', {}, { token })).status).toBe(200);
    // It has the desk's role and nothing more.
    expect((await f.server.call('users.list', {}, { token })).status).toBe(403);
    // It is not a session: as a cookie it opens nothing.
    expect((await f.server.call('tickets.queue', {}, { cookie: `dispatch_session=${token}` })).status).toBe(401);
  });

  it.each([
    ['a made-up token', 'dt_not-a-real-token'],
    ['a session token sent as Bearer', 'use-session'],
    ['an absurdly long token', `dt_${'x'.repeat(5000)}`],
  ])('refuses %s with 401', async (_label, token) => {
    const bearer = token === 'use-session' ? decodeURIComponent(f.cookies.support_desk.split('=')[1] ?? '') : token;
    const reply = await f.server.call('tickets.queue', {}, { token: bearer });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('never stores a password: users.list and the audit trail carry no hash', async () => {
    const users = valueOf(await f.server.call('users.list', {}, { cookie: f.cookies.admin }));
    expect(JSON.stringify(users)).not.toMatch(/scrypt/i);
    // Whether a password must be changed is said; no password, nor its hash, is.
    for (const user of users) {
      expect(Object.keys(user).filter((key) => /password/i.test(key))).toEqual(['mustChangePassword']);
    }
    const audit = await f.server.runtime.database.db.selectFrom('audit_log').select('after').execute();
    expect(JSON.stringify(audit)).not.toMatch(/scrypt/);
  });
});
