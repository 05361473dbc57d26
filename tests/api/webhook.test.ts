import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDocument } from '../../shared/domain/webhook';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { testIso } from '../support/test-clock';
import { useTestEnvironment, valueOf, type TestEnvironment } from '../support/test-runtime';

const secret = 'sms-gateway-shared-secret-0123456789';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP gateway on 127.0.0.1 that records each post and answers with the status it is told. */
async function startGateway(env: TestEnvironment) {
  const gateway = { received: [] as Received[], status: 202, port: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      gateway.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(gateway.status, { 'x-message-id': `sms-${gateway.received.length}` });
      response.end(gateway.status < 300 ? 'queued' : 'gateway overloaded');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.port = (server.address() as AddressInfo).port;
  env.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return gateway;
}

/** Checks the signature the way a gateway would: HMAC-SHA256 of "<t>.<body>" with the shared secret. */
function signatureHolds(received: Received): boolean {
  const header = String(received.headers['x-dispatch-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${received.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

describe('the webhook transport, posting to a real HTTP gateway', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let clientId: string;
  const admin = () => ({ cookie: f.cookies.admin });
  const url = () => `http://127.0.0.1:${gateway.port}/hooks/dispatch`;

  async function ticketFor(contact: { phone?: string; email?: string }) {
    const created = valueOf(
      await f.server.call('contacts.create', { clientId, name: 'Ann Dodsworth', ...contact }, admin()),
    );
    return valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId,
          contactId: created.id,
          description: 'Card reader at the front desk is dead',
          priority: 'high',
        },
        admin(),
      ),
    );
  }

  beforeAll(async () => {
    f = await startApiFixture(env);
    gateway = await startGateway(env);
    clientId = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, admin())).id;
  });

  it('needs a secret the first time, keeps it out of every answer, and tests the address on demand', async () => {
    const refused = await f.server.call('webhook.saveSettings', { url: url(), kinds: [] }, admin());
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['secret'] }] } });
    expect(valueOf(await f.server.call('webhook.settings', {}, admin()))).toMatchObject({ configured: false });
    expect(valueOf(await f.server.call('webhook.sendTest', {}, admin()))).toMatchObject({
      delivered: false,
      stage: 'settings',
    });

    const saved = valueOf(
      await f.server.call('webhook.saveSettings', { url: url(), secret, kinds: ['request-acknowledgement'] }, admin()),
    );
    expect(saved).toEqual({
      configured: true,
      url: url(),
      secretSet: true,
      kinds: ['request-acknowledgement'],
      enabled: true,
    });
    // Saved again without a secret: the stored one stays.
    valueOf(await f.server.call('webhook.saveSettings', { url: url(), kinds: ['request-acknowledgement'] }, admin()));
    expect(JSON.stringify(valueOf(await f.server.call('webhook.settings', {}, admin())))).not.toContain(secret);
    expect(valueOf(await f.server.call('outbox.status', {}, admin())).configured.webhook).toBe(true);

    const test = valueOf(await f.server.call('webhook.sendTest', {}, admin()));
    expect(test).toEqual({ delivered: true, response: '202 Accepted: queued' });
    const posted = gateway.received.at(-1);
    if (!posted) throw new Error('the gateway received nothing');
    expect(signatureHolds(posted)).toBe(true);
    expect(JSON.parse(posted.body)).toMatchObject({ kind: 'webhook-test' });
  });

  it('posts the chosen kinds, signed, to a contact reached by phone alone, and keeps exactly what it sent', async () => {
    const before = gateway.received.length;
    const ticket = await ticketFor({ phone: '+1 212 555 0100' });
    const report = await f.server.runtime.outboxSender.drainOnce();
    expect(report).toMatchObject({ sent: 1, retrying: 0 });
    const posts = gateway.received.slice(before);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    if (!post) throw new Error('nothing posted');
    expect(signatureHolds(post)).toBe(true);
    // A body changed on the way no longer matches its signature.
    expect(signatureHolds({ ...post, body: post.body.replace('Ann', 'Eve') })).toBe(false);
    const document = JSON.parse(post.body) as WebhookDocument;
    expect(document).toMatchObject({
      eventKey: `webhook:request-acknowledgement:${ticket.id}`,
      kind: 'request-acknowledgement',
      ticket: { id: ticket.id, number: ticket.number },
      to: { name: 'Ann Dodsworth', phone: '+1 212 555 0100', email: null },
    });
    expect(document.text).toContain(ticket.number);
    expect(post.headers['x-dispatch-event']).toBe(document.eventKey);

    // The ticket keeps the message: its body is the document posted, with the gateway's answer.
    const { messages } = valueOf(await f.server.call('outbox.list', { ticketId: ticket.id }, admin()));
    expect(messages).toHaveLength(1);
    const message = valueOf(await f.server.call('outbox.get', { id: messages[0]?.id ?? '' }, admin()));
    expect(message).toMatchObject({ transport: 'webhook', recipient: '+1 212 555 0100', status: 'sent' });
    expect(message.bodyText).toBe(post.body);
    expect(message.delivery).toMatchObject({
      response: '202 Accepted: queued',
      messageId: `sms-${gateway.received.length}`,
    });
  });

  it('posts nothing for a kind it does not take, and nothing when nobody can be reached', async () => {
    valueOf(await f.server.call('webhook.saveSettings', { url: url(), kinds: ['on-the-way'] }, admin()));
    const reachable = await ticketFor({ phone: '+1 212 555 0101' });
    const unreachable = await ticketFor({});
    for (const ticket of [reachable, unreachable]) {
      const { messages } = valueOf(await f.server.call('outbox.list', { ticketId: ticket.id }, admin()));
      expect(messages).toEqual([]);
    }
  });

  it('turned off it posts nothing and keeps its address; its secret is cleared only while off', async () => {
    const kinds = ['request-acknowledgement'];
    const off = valueOf(await f.server.call('webhook.saveSettings', { url: url(), kinds, enabled: false }, admin()));
    expect(off).toMatchObject({ configured: true, url: url(), secretSet: true, kinds, enabled: false });
    expect(valueOf(await f.server.call('outbox.status', {}, admin())).configured.webhook).toBe(false);
    const quiet = await ticketFor({ phone: '+1 212 555 0103' });
    expect(valueOf(await f.server.call('outbox.list', { ticketId: quiet.id }, admin())).messages).toEqual([]);
    // Off, it can still be tried before it is turned back on.
    expect(valueOf(await f.server.call('webhook.sendTest', {}, admin()))).toMatchObject({ delivered: true });

    const onWithout = await f.server.call('webhook.saveSettings', { url: url(), kinds, secret: null }, admin());
    expect(onWithout.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['secret'], message: 'Required while the webhook is on' }] },
    });
    const cleared = valueOf(
      await f.server.call('webhook.saveSettings', { url: url(), kinds, secret: null, enabled: false }, admin()),
    );
    expect(cleared).toMatchObject({ secretSet: false, enabled: false });
    expect(valueOf(await f.server.call('webhook.sendTest', {}, admin()))).toMatchObject({
      delivered: false,
      stage: 'settings',
    });

    // A new secret and on again: posting resumes.
    valueOf(await f.server.call('webhook.saveSettings', { url: url(), kinds, secret }, admin()));
    const reached = await ticketFor({ phone: '+1 212 555 0104' });
    const { messages } = valueOf(await f.server.call('outbox.list', { ticketId: reached.id }, admin()));
    expect(messages.map((m) => m.transport)).toEqual(['webhook']);
    await f.server.runtime.outboxSender.drainOnce();
  });

  it('retries a refused post and delivers it once when the gateway is back', async () => {
    valueOf(await f.server.call('webhook.saveSettings', { url: url(), kinds: ['request-acknowledgement'] }, admin()));
    // One attempt, so the refusal is "not delivered" at once and can be retried now.
    valueOf(
      await f.server.call(
        'outbox.saveSettings',
        { firstRetryMinutes: 1, maxRetryMinutes: 60, maxAttempts: 1 },
        admin(),
      ),
    );
    gateway.status = 503;
    const ticket = await ticketFor({ phone: '+1 212 555 0102', email: 'ann@northwind.example' });
    const before = gateway.received.length;
    expect(await f.server.runtime.outboxSender.drainOnce()).toMatchObject({ sent: 0, failed: 1 });
    const { messages } = valueOf(await f.server.call('outbox.list', { ticketId: ticket.id }, admin()));
    // The e-mail waits for an SMTP server (none is set up here); the post failed with the answer.
    expect(messages.map((m) => [m.transport, m.status, m.lastError])).toEqual(
      expect.arrayContaining([
        ['email', 'queued', null],
        ['webhook', 'failed', 'message: The webhook answered 503 Service Unavailable: gateway overloaded'],
      ]),
    );
    const failed = messages.find((m) => m.transport === 'webhook');
    if (!failed) throw new Error('no webhook message');

    gateway.status = 200;
    valueOf(await f.server.call('outbox.retry', { id: failed.id }, admin()));
    await f.server.runtime.outboxSender.drainOnce();
    const posts = gateway.received.slice(before);
    expect(posts.map((p) => p.headers['x-dispatch-event'])).toEqual([
      `webhook:request-acknowledgement:${ticket.id}`,
      `webhook:request-acknowledgement:${ticket.id}`,
    ]);
    expect(valueOf(await f.server.call('outbox.get', { id: failed.id }, admin())).status).toBe('sent');
  });
});
