// Issue 16 §1: the admin lists API tokens (name, owner, made, last used) and revokes them; a token
// is shown once, when made, and every token event is in the audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock, useTestEnvironment, valueOf, type TestServer } from '../support/test-runtime';

describe('API tokens kept by the admin, over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock('2031-05-01T08:00:00Z');
  let server: TestServer;
  let admin: { cookie: string };
  let deskId: string;

  beforeAll(async () => {
    server = await env.server(await env.runtime({ demo: 'basic', clock }));
    admin = { cookie: await server.login('admin') };
    deskId = valueOf(await server.call('users.list', {}, admin)).find((u) => u.username === 'desk')?.id ?? '';
  });

  it('lists a token by name, owner, creation and last use, never the token itself', async () => {
    const { token } = valueOf(await server.call('auth.createApiToken', { userId: deskId, name: 'bridge' }, admin));
    const listed = () =>
      server.call('auth.apiTokens', {}, admin).then((r) => valueOf(r).find((t) => t.name === 'bridge'));
    expect(await listed()).toMatchObject({
      owner: { id: deskId, username: 'desk', displayName: 'Dana Desk', active: true },
      createdAt: '2031-05-01T08:00:00.000Z',
      lastUsedAt: null,
    });
    clock.advance(60_000);
    expect((await server.call('tickets.queue', {}, { token })).status).toBe(200);
    expect((await listed())?.lastUsedAt).toBe('2031-05-01T08:01:00.000Z');
    const everything = JSON.stringify(valueOf(await server.call('auth.apiTokens', {}, admin)));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(3, 15));
  });

  it('revokes a token: refused at once, gone from the list, audited by its id', async () => {
    const { token } = valueOf(await server.call('auth.createApiToken', { userId: deskId, name: 'old bridge' }, admin));
    const id = valueOf(await server.call('auth.apiTokens', {}, admin)).find((t) => t.name === 'old bridge')?.id ?? '';
    valueOf(await server.call('auth.revokeApiToken', { id }, admin));
    expect((await server.call('tickets.queue', {}, { token })).status).toBe(401);
    expect(valueOf(await server.call('auth.apiTokens', {}, admin)).map((t) => t.name)).not.toContain('old bridge');
    const audits = await server.runtime.database.db
      .selectFrom('audit_log')
      .select(['method', 'before', 'after'])
      .where('entity', '=', 'api_token')
      .where('entity_id', '=', id)
      .execute();
    expect(audits.map((a) => a.method).sort()).toEqual(['auth.createApiToken', 'auth.revokeApiToken']);
    // Revoked twice: there is nothing left to revoke.
    const again = await server.call('auth.revokeApiToken', { id }, admin);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['id'] }] } });
  });
});
