import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_BYTES } from '../../electron/core/services/attachments/upload-limits';
import { openEventStream } from '../support/event-stream';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

describe('the HTTP transport', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  it('answers an unknown method with 404 unknown_method, logged in or not', async () => {
    for (const auth of [{}, { cookie: f.cookies.admin }]) {
      const reply = await f.server.callAny('tickets.delete', {}, auth);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect((await f.server.callAny('__proto__', {})).status).toBe(404);
    expect((await f.server.callAny('toString', {})).status).toBe(404);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const reply = await f.server.post('/api/clients.search', '{"query": "tail', {
      auth: { cookie: f.cookies.support_desk },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a body over the limit with 413 and saves nothing', async () => {
    const before = await countRows(f.server.runtime.database);
    const body = JSON.stringify({ ...validInputs['clients.create'](f), name: 'x'.repeat(DEFAULT_BODY_BYTES + 10) });
    const reply = await f.server.post('/api/clients.create', body, { auth: { cookie: f.cookies.admin } });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it.each([
    ['form data', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain'],
    ['no content type', ''],
  ])('refuses %s with 400: methods take JSON only', async (_label, type) => {
    const reply = await f.server.post('/api/auth.status', '{}', { headers: { 'Content-Type': type } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a call from another origin with 403, even with a valid session, and saves nothing', async () => {
    const before = await countRows(f.server.runtime.database);
    const reply = await f.server.post('/api/clients.create', JSON.stringify(validInputs['clients.create'](f)), {
      auth: { cookie: f.cookies.admin },
      headers: { Origin: 'https://evil.example' },
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it('accepts a call from its own origin', async () => {
    const reply = await f.server.post('/api/auth.status', '{}', { headers: { Origin: f.server.url } });
    expect(reply.status).toBe(200);
  });

  it('accepts only POST for methods', async () => {
    const response = await fetch(`${f.server.url}/api/auth.status`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('sends its answers uncached and unframeable', async () => {
    const reply = await f.server.call('auth.status', {});
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the event stream', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  it('refuses a caller without a session with 401', async () => {
    const response = await fetch(`${f.server.url}/api/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('says ready, then tells a logged-in console about a ticket logged elsewhere', async () => {
    const stream = await openEventStream(f.server.url, { cookie: f.cookies.technician });
    env.defer(() => stream.close());
    expect(stream.status).toBe(200);
    expect(await stream.next()).toEqual({ event: 'ready', data: '{}' });

    const ticket = valueOf(
      await f.server.call('tickets.create', validInputs['tickets.create'](f), { cookie: f.cookies.support_desk }),
    );
    const message = await stream.next((m) => m.data.includes(ticket.id));
    expect(message.event).toBe('message');
    expect(JSON.parse(message.data)).toEqual({
      type: 'ticket.created',
      ticketId: ticket.id,
      number: ticket.number,
      clientId: f.clientId,
    });
  });

  it('ends the stream of a console that logged out, before telling it anything more', async () => {
    const cookie = await f.server.login('supervisor');
    const stream = await openEventStream(f.server.url, { cookie });
    env.defer(() => stream.close());
    expect(await stream.next()).toEqual({ event: 'ready', data: '{}' });
    expect((await f.server.call('auth.logout', {}, { cookie })).status).toBe(200);
    await f.server.call('clients.create', { name: 'After Logout Ltd' }, { cookie: f.cookies.support_desk });
    await expect(stream.next()).rejects.toThrow('the event stream ended');
  });

  it('keeps the stream for a console that logged in with an API token', async () => {
    const { token } = valueOf(
      await f.server.call(
        'auth.createApiToken',
        { userId: f.deskUserId, name: 'wallboard' },
        { cookie: f.cookies.admin },
      ),
    );
    const stream = await openEventStream(f.server.url, { token });
    env.defer(() => stream.close());
    expect(await stream.next()).toEqual({ event: 'ready', data: '{}' });
    const client = valueOf(
      await f.server.call('clients.create', { name: 'Streamed Ltd' }, { cookie: f.cookies.support_desk }),
    );
    const message = await stream.next((m) => m.data.includes(client.id));
    expect(JSON.parse(message.data)).toEqual({ type: 'directory.changed', clientId: client.id });
  });
});
