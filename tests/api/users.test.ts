// Issue 16 §1: the admin keeps users (edit, disable, enable, reset a password), users change their
// own password, and a disabled user is signed out at once, on every workstation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { openEventStream } from '../support/event-stream';
import { startServerProcess } from '../support/server-child';
import { countRows, useTestEnvironment, valueOf, type TestServer } from '../support/test-runtime';

const PASSWORD = 'a-long-enough-passphrase';

describe('users kept by the admin, over HTTP', () => {
  const env = useTestEnvironment();
  let server: TestServer;
  let admin: { cookie: string };
  let unique = 0;

  beforeAll(async () => {
    server = await env.server(await env.runtime({ demo: 'basic' }));
    admin = { cookie: await server.login('admin') };
  });

  async function newUser(role: Role = 'technician') {
    const username = `user${++unique}`;
    const user = valueOf(
      await server.call('users.create', { username, displayName: `User ${unique}`, role, password: PASSWORD }, admin),
    );
    return { user, username, cookie: await server.login(username, PASSWORD) };
  }

  const audits = (entity: string, entityId: string) =>
    server.runtime.database.db
      .selectFrom('audit_log')
      .select(['method', 'user_id', 'before', 'after'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .execute();

  it('renames a user and gives them another role, auditing before and after', async () => {
    const { user, cookie } = await newUser('technician');
    const updated = valueOf(
      await server.call('users.update', { userId: user.id, displayName: 'Toni Field', role: 'dispatcher' }, admin),
    );
    expect(updated).toMatchObject({ id: user.id, displayName: 'Toni Field', role: 'dispatcher', active: true });
    // The new role holds from the user's next call, in the session they already have.
    expect(valueOf(await server.call('auth.status', {}, { cookie })).user?.role).toBe('dispatcher');
    const rows = (await audits('user', user.id)).filter((r) => r.method === 'users.update');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(String(rows[0]?.before))).toMatchObject({ role: 'technician', displayName: 'User 1' });
    expect(JSON.parse(String(rows[0]?.after))).toMatchObject({ role: 'dispatcher', displayName: 'Toni Field' });
  });

  it('lists every user with role, state and last sign-in', async () => {
    const { user } = await newUser('supervisor');
    const listed = valueOf(await server.call('users.list', {}, admin)).find((u) => u.id === user.id);
    expect(listed).toMatchObject({ role: 'supervisor', active: true, mustChangePassword: false });
    expect(listed?.lastSignInAt).toEqual(expect.any(String));
  });

  it('disables a user: their session and API token are refused on the next call, and it is audited', async () => {
    const { user, cookie } = await newUser();
    const { token } = valueOf(await server.call('auth.createApiToken', { userId: user.id, name: 'bridge' }, admin));
    expect((await server.call('tickets.queue', {}, { token })).status).toBe(200);

    const disabled = valueOf(await server.call('users.setActive', { userId: user.id, active: false }, admin));
    expect(disabled.active).toBe(false);
    expect((await server.call('tickets.queue', {}, { cookie })).status).toBe(401);
    expect((await server.call('tickets.queue', {}, { token })).status).toBe(401);
    expect((await server.call('auth.login', { username: user.username, password: PASSWORD })).status).toBe(401);
    const row = (await audits('user', user.id)).find((r) => r.method === 'users.setActive');
    expect(JSON.parse(String(row?.after))).toMatchObject({ active: false, sessionsEnded: 1 });

    // Enabled again: the token works again, the ended session stays ended, signing in works.
    valueOf(await server.call('users.setActive', { userId: user.id, active: true }, admin));
    expect((await server.call('tickets.queue', {}, { token })).status).toBe(200);
    expect((await server.call('tickets.queue', {}, { cookie })).status).toBe(401);
    await server.login(user.username, PASSWORD);
  });

  it("ends a disabled user's event stream with a word that they are signed out", async () => {
    const { user, cookie } = await newUser();
    const stream = await openEventStream(server.url, { cookie });
    env.defer(() => stream.close());
    await stream.next((m) => m.event === 'ready');
    valueOf(await server.call('users.setActive', { userId: user.id, active: false }, admin));
    expect(await stream.next((m) => m.event !== 'message')).toMatchObject({ event: 'signed-out' });
  });

  it('never disables or demotes the last active admin, naming the field and writing nothing', async () => {
    const users = valueOf(await server.call('users.list', {}, admin));
    const self = users.find((u) => u.username === 'admin');
    if (!self) throw new Error('no demo admin');
    for (const [method, input, field] of [
      ['users.setActive', { userId: self.id, active: false }, 'active'],
      ['users.update', { userId: self.id, displayName: self.displayName, role: 'dispatcher' }, 'role'],
    ] as const) {
      const before = await countRows(server.runtime.database);
      const reply = await server.call(method, input, admin);
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: [field] }] } });
      expect(await countRows(server.runtime.database)).toEqual(before);
    }

    // With a second admin, the first may step down; then the second is the last.
    const second = await newUser('admin');
    valueOf(
      await server.call('users.update', { userId: self.id, displayName: self.displayName, role: 'dispatcher' }, admin),
    );
    const refused = await server.call(
      'users.setActive',
      { userId: second.user.id, active: false },
      { cookie: second.cookie },
    );
    expect(refused.status).toBe(409);
    valueOf(
      await server.call(
        'users.update',
        { userId: self.id, displayName: self.displayName, role: 'admin' },
        {
          cookie: second.cookie,
        },
      ),
    );
  });

  it('resets a password: sessions end, the temporary one opens only the way to a new password', async () => {
    const { user, username, cookie } = await newUser();
    const reset = valueOf(await server.call('users.resetPassword', { userId: user.id }, admin));
    expect(reset.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(reset.user.mustChangePassword).toBe(true);
    expect((await server.call('tickets.queue', {}, { cookie })).status).toBe(401);
    expect((await server.call('auth.login', { username, password: PASSWORD })).status).toBe(401);

    const temporary = await server.login(username, reset.temporaryPassword);
    expect(valueOf(await server.call('auth.status', {}, { cookie: temporary })).user?.mustChangePassword).toBe(true);
    const blocked = await server.call('tickets.queue', {}, { cookie: temporary });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(blocked.body.ok ? '' : blocked.body.error.message).toMatch(/new password/);

    const changed = valueOf(
      await server.call(
        'auth.changePassword',
        { currentPassword: reset.temporaryPassword, newPassword: 'my-own-new-passphrase' },
        { cookie: temporary },
      ),
    );
    expect(changed.mustChangePassword).toBe(false);
    expect((await server.call('tickets.queue', {}, { cookie: temporary })).status).toBe(200);
    const changes = (await audits('password', user.id)).map((r) => JSON.parse(String(r.after)) as { change: string });
    expect(changes.map((c) => c.change).sort()).toEqual(['replaced_temporary', 'reset']);
    // The temporary password itself is written nowhere.
    const everything = await server.runtime.database.db.selectFrom('audit_log').select(['after']).execute();
    expect(JSON.stringify(everything)).not.toContain(reset.temporaryPassword);
  });

  it('changes your own password: the wrong current one is refused; your other sessions end, this one stays', async () => {
    const { username, cookie } = await newUser();
    const other = await server.login(username, PASSWORD);
    const wrong = await server.call(
      'auth.changePassword',
      { currentPassword: 'not-my-password', newPassword: 'my-own-new-passphrase' },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ ok: false, error: { issues: [{ path: ['currentPassword'] }] } });

    valueOf(
      await server.call(
        'auth.changePassword',
        { currentPassword: PASSWORD, newPassword: 'my-own-new-passphrase' },
        { cookie },
      ),
    );
    expect((await server.call('tickets.queue', {}, { cookie })).status).toBe(200);
    expect((await server.call('tickets.queue', {}, { cookie: other })).status).toBe(401);
    await server.login(username, 'my-own-new-passphrase');
  });
});

describe('a disabled user on another workstation (a second process on the same database)', () => {
  const env = useTestEnvironment();

  it('refuses their session on the other process at its next call, and ends its event stream', async () => {
    const database = await env.database();
    const here = await env.server(await env.runtime({ database, demo: 'basic' }));
    const { child, url: there } = await startServerProcess(database);
    env.defer(() => child.exitCode === null && child.kill('SIGKILL'));
    const admin = { cookie: await here.login('admin') };
    const desk = valueOf(await here.call('users.list', {}, admin)).find((u) => u.username === 'desk');
    if (!desk) throw new Error('no demo desk user');

    // The desk signs in at the other workstation and listens to its events.
    const login = await fetch(`${there}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'desk', password: 'demo' }),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const queue = () =>
      fetch(`${there}/api/tickets.queue`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: '{}',
      });
    expect((await queue()).status).toBe(200);
    const stream = await openEventStream(there, { cookie });
    env.defer(() => stream.close());
    await stream.next((m) => m.event === 'ready');

    valueOf(await here.call('users.setActive', { userId: desk.id, active: false }, admin));
    expect((await queue()).status).toBe(401);
    expect(await stream.next((m) => m.event !== 'message')).toMatchObject({ event: 'signed-out' });
  });
});
