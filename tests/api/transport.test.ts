import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_BYTES } from '../../electron/core/services/attachments/upload-limits';
import { openEventStream } from '../support/event-stream';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { rawRequest } from '../support/raw-http';
import { countRows, useTestEnvironment, valueOf, type TestServer } from '../support/test-runtime';

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

  // node:http passes an absolute-form target on as it came; a throw there used to end the process.
  it('answers a request target that is not a URL with 400, and keeps serving', async () => {
    const reply = await rawRequest(f.server.url, { path: 'http://[x/' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await f.server.call('auth.status', {})).status).toBe(200);
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

  it('ends the stream of a console that logged out, telling it only that it is signed out', async () => {
    const cookie = await f.server.login('supervisor');
    const stream = await openEventStream(f.server.url, { cookie });
    env.defer(() => stream.close());
    expect(await stream.next()).toEqual({ event: 'ready', data: '{}' });
    expect((await f.server.call('auth.logout', {}, { cookie })).status).toBe(200);
    await f.server.call('clients.create', { name: 'After Logout Ltd' }, { cookie: f.cookies.support_desk });
    // The console's last word, so it signs out rather than reconnect; the new client is not said.
    expect(await stream.next()).toEqual({ event: 'signed-out', data: '{}' });
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

describe('cookies the console did not set', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  // Cookies are per host, not per port: any other app on 127.0.0.1 can set one the browser sends here.
  it('keeps a console signed in when another local app set a cookie with a bare %', async () => {
    const cookie = `other_app=100%; ${f.cookies.admin}; theme=%E0%A4%A`;
    const reply = await f.server.call('users.list', {}, { cookie });
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
  });

  it('keeps the event stream open beside such a cookie', async () => {
    const stream = await openEventStream(f.server.url, { cookie: `other_app=%; ${f.cookies.technician}` });
    env.defer(() => stream.close());
    expect(stream.status).toBe(200);
    expect(await stream.next()).toEqual({ event: 'ready', data: '{}' });
  });

  it.each([
    ['a bare %', 'dispatch_session=%'],
    ['a broken escape', 'dispatch_session=%E0%A4%A'],
    ['an empty value', 'dispatch_session='],
    ['an unknown token', 'dispatch_session=ds_not-a-real-session'],
  ])('treats a session cookie with %s as not signed in (401, not 500)', async (_label, cookie) => {
    const reply = await f.server.call('users.list', {}, { cookie });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const events = await fetch(`${f.server.url}/api/events`, { headers: { Cookie: cookie } });
    expect(events.status).toBe(401);
    expect(await events.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the names the server answers to (DNS rebinding)', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  /** Started with --allowed-host dispatch.example.lan and a built console of one page. */
  let named: TestServer;
  let port: string;

  beforeAll(async () => {
    f = await startApiFixture(env);
    port = new URL(f.server.url).port;
    const staticDir = env.tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Dispatch Console</title>');
    named = await env.server(f.server.runtime, { staticDir, allowedHosts: ['dispatch.example.lan'] });
  });

  const refusedName: unknown = {
    ok: false,
    error: { code: 'forbidden', message: expect.stringContaining('rebind.example') as unknown },
  };

  it('refuses first-start setup from a page on another name that resolves to 127.0.0.1, creating no admin', async () => {
    const fresh = await env.server(await env.runtime({ demo: false }));
    const freshPort = new URL(fresh.url).port;
    const before = await countRows(fresh.runtime.database);
    const reply = await rawRequest(fresh.url, {
      method: 'POST',
      path: '/api/auth.setup',
      headers: {
        Host: `rebind.example:${freshPort}`,
        Origin: `http://rebind.example:${freshPort}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ username: 'mallory', displayName: 'Mallory', password: 'correct-horse-battery' }),
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(refusedName);
    expect(await countRows(fresh.runtime.database)).toEqual(before);
    expect(valueOf(await fresh.call('auth.status', {}))).toMatchObject({ needsSetup: true });
  });

  it.each([
    ['a method', 'POST', '/api/users.list'],
    ['the event stream', 'GET', '/api/events'],
    ['the login page', 'GET', '/'],
    ['a static file', 'GET', '/assets/index.js'],
  ])('refuses %s under another name with 403, even with a valid session', async (_label, method, pathname) => {
    const reply = await rawRequest(named.url, {
      method,
      path: pathname,
      headers: {
        Host: `rebind.example:${new URL(named.url).port}`,
        Cookie: f.cookies.admin,
        'Content-Type': 'application/json',
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(refusedName);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])(
    'answers a call addressed to %s at its port',
    async (name) => {
      const reply = await rawRequest(f.server.url, {
        method: 'POST',
        path: '/api/users.list',
        headers: { Host: `${name}:${port}`, Cookie: f.cookies.admin, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(reply.status).toBe(200);
    },
  );

  it('refuses a loopback name at another port (a proxy or a page of another local server)', async () => {
    const reply = await rawRequest(f.server.url, {
      method: 'POST',
      path: '/api/auth.status',
      headers: { Host: '127.0.0.1:1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a name the admin allowed, with or without the port, for methods, events and pages', async () => {
    const namedPort = new URL(named.url).port;
    for (const host of [`dispatch.example.lan:${namedPort}`, 'dispatch.example.lan', 'DISPATCH.example.lan']) {
      const headers = { Host: host, Cookie: f.cookies.admin, 'Content-Type': 'application/json' };
      expect(
        (await rawRequest(named.url, { method: 'POST', path: '/api/users.list', headers, body: '{}' })).status,
      ).toBe(200);
      const events = await rawRequest(named.url, { path: '/api/events', headers });
      expect(events.status).toBe(200);
      expect(events.text).toContain('event: ready');
      const page = await rawRequest(named.url, { path: '/', headers: { Host: host } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Dispatch Console');
    }
    // The name is the server's own: another server, started without it, refuses it.
    const other = await rawRequest(f.server.url, {
      method: 'POST',
      path: '/api/auth.status',
      headers: { Host: `dispatch.example.lan:${port}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(other.status).toBe(403);
  });

  it('refuses a call whose Origin is not one of its names, even when the Host is', async () => {
    const reply = await rawRequest(f.server.url, {
      method: 'POST',
      path: '/api/users.list',
      headers: {
        Host: `127.0.0.1:${port}`,
        Origin: `http://rebind.example:${port}`,
        Cookie: f.cookies.admin,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts an Origin of another of its own names (the console opened as localhost)', async () => {
    const reply = await rawRequest(f.server.url, {
      method: 'POST',
      path: '/api/users.list',
      headers: {
        Host: `127.0.0.1:${port}`,
        Origin: `http://localhost:${port}`,
        Cookie: f.cookies.admin,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });
});
