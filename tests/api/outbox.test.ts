import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { offsetClock } from '../support/offset-clock';
import { failedMessage, queueMessages, testMessage } from '../support/outbox-messages';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

const MINUTE = 60_000;
const validTicket = (f: ApiFixture) => validInputs['tickets.create'](f);

describe('the outbox over SMTP', () => {
  const env = useTestEnvironment();
  const clock = offsetClock();
  let f: ApiFixture;
  let smtp: SmtpTestServer;
  const admin = () => ({ cookie: f.cookies.admin });
  const dispatcher = () => ({ cookie: f.cookies.dispatcher });
  const database = () => f.server.runtime.database;
  const drain = () => f.server.runtime.outboxSender.drainOnce();

  async function row(id: string) {
    return database().db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function useServer(server: SmtpTestServer) {
    valueOf(await f.server.call('mail.saveSettings', server.settings(), admin()));
  }

  beforeAll(async () => {
    f = await startApiFixture(env, { clock, outboxIntervalMs: false });
    smtp = await startSmtpTestServer(env);
  });

  beforeEach(() => {
    smtp.behaviour = { kind: 'accept' };
  });

  it('queues a message once per event key, however often the same event is queued', async () => {
    const message = testMessage({ ticketId: f.ticketId });
    const first = await queueMessages(database(), [message]);
    const again = await queueMessages(database(), [{ ...message, subject: 'A second copy' }]);
    expect(first.created).toEqual([true]);
    expect(again.created).toEqual([false]);
    const rows = await database()
      .db.selectFrom('outbox')
      .selectAll()
      .where('event_key', '=', message.eventKey)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject).toBe(message.subject);
  });

  it('keeps messages queued, losing no attempt, while no SMTP server is set up, and says so', async () => {
    const { ids } = await queueMessages(database(), [testMessage({ ticketId: f.ticketId })]);
    const id = ids[0] ?? '';
    expect(await drain()).toEqual({ sent: 0, superseded: 0, deferred: 0, retrying: 0, failed: 0, lost: 0 });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });
    const status = valueOf(await f.server.call('outbox.status', {}, dispatcher()));
    expect(status.configured).toEqual({ email: false, webhook: false });
    expect(status.waitingForTransport).toBeGreaterThanOrEqual(1);
    expect(status.warning).toMatch(/waits? for an SMTP server to be set up/);
  });

  it('never returns the SMTP password: only whether one is set; left out keeps it, null clears it', async () => {
    const secret = 'correct-horse-battery-staple';
    const saved = valueOf(
      await f.server.call('mail.saveSettings', { ...smtp.settings(), user: 'dispatch', password: secret }, admin()),
    );
    const read = valueOf(await f.server.call('mail.settings', {}, admin()));
    for (const settings of [saved, read]) {
      expect(settings).toMatchObject({ configured: true, user: 'dispatch', passwordSet: true });
      expect(JSON.stringify(settings)).not.toContain(secret);
      expect(settings).not.toHaveProperty('password');
    }
    const audit = await database().db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain(secret);

    valueOf(await f.server.call('mail.saveSettings', { ...smtp.settings(), user: 'dispatch' }, admin()));
    expect(valueOf(await f.server.call('mail.settings', {}, admin())).passwordSet).toBe(true);
    const kept = await database()
      .db.selectFrom('settings')
      .select('value')
      .where('key', '=', 'mail.settings')
      .executeTakeFirst();
    expect(kept?.value).toContain(secret);

    const cleared = valueOf(await f.server.call('mail.saveSettings', { ...smtp.settings(), password: null }, admin()));
    expect(cleared).toMatchObject({ passwordSet: false, user: null });
  });

  it('delivers each due message exactly once and keeps the server’s answer', async () => {
    await useServer(smtp);
    // Whatever earlier tests left queued goes first, so this test counts only its own.
    await drain();
    const before = smtp.received.length;
    const messages = [1, 2, 3].map(() => testMessage({ ticketId: f.ticketId }));
    const { ids } = await queueMessages(database(), messages);
    const report = await drain();
    expect(report).toEqual({ sent: 3, superseded: 0, deferred: 0, retrying: 0, failed: 0, lost: 0 });
    expect(await drain()).toEqual({ sent: 0, superseded: 0, deferred: 0, retrying: 0, failed: 0, lost: 0 });
    const arrived = smtp.received.slice(before);
    expect(arrived.map((m) => m.eventKey).sort()).toEqual(messages.map((m) => m.eventKey).sort());
    const first = arrived.find((m) => m.eventKey === messages[0]?.eventKey);
    expect(first).toMatchObject({
      to: messages[0]?.recipient,
      subject: messages[0]?.subject,
    });
    expect(first?.from).toMatch(/Tailspin Dispatch"? <dispatch@tailspin\.example>$/);
    expect(first?.text.trim()).toBe(messages[0]?.bodyText);

    const opened = valueOf(await f.server.call('outbox.get', { id: ids[0] ?? '' }, dispatcher()));
    expect(opened).toMatchObject({ status: 'sent', attempts: 1, lastError: null, bodyText: messages[0]?.bodyText });
    expect(opened.delivery).toMatchObject({
      transport: 'email',
      recipient: messages[0]?.recipient,
      messageId: first?.messageId,
    });
    expect(opened.delivery?.response).toMatch(/^250 /);
    expect(opened.sentAt).toBe(opened.delivery?.at);
  });

  it('retries a refused message with doubling waits, then marks it not delivered with the last error', async () => {
    await useServer(smtp);
    valueOf(
      await f.server.call('outbox.saveSettings', { firstRetryMinutes: 1, maxRetryMinutes: 3, maxAttempts: 4 }, admin()),
    );
    await drain();
    smtp.behaviour = { kind: 'refuse', code: 550, message: '550 5.1.1 Mailbox unknown' };
    const { ids } = await queueMessages(database(), [testMessage({ ticketId: f.ticketId })]);
    const id = ids[0] ?? '';
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const failedAt = clock.now().getTime();
      expect(await drain()).toMatchObject({ retrying: 1, failed: 0 });
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'queued', attempts: attempt, claimed_by: null });
      expect(stored.last_error).toMatch(/^recipient: .*550/);
      const wait = Date.parse(stored.next_attempt_at) - failedAt;
      waits.push(Math.round(wait / MINUTE));
      // Not due yet: a drain now leaves it alone.
      expect(await drain()).toMatchObject({ retrying: 0, sent: 0 });
      clock.advance(wait);
    }
    expect(waits).toEqual([1, 2, 3]);
    expect(await drain()).toMatchObject({ retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 4 });
    const failed = valueOf(
      await f.server.call('outbox.list', { ticketId: f.ticketId, status: 'failed' }, dispatcher()),
    );
    expect(failed.messages.map((m) => m.id)).toContain(id);

    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: f.ticketId }, dispatcher()));
    const event = timeline.find((e) => e.outboxMessageId === id);
    expect(event).toMatchObject({ kind: 'message', by: 'Outbox' });
    expect(event?.detail).toMatch(/Not delivered · last error: recipient: .*550/);
    valueOf(
      await f.server.call(
        'outbox.saveSettings',
        { firstRetryMinutes: 1, maxRetryMinutes: 60, maxAttempts: 8 },
        admin(),
      ),
    );
  });

  it('sends a message that was not delivered again at once on "retry now", and audits it', async () => {
    await useServer(smtp);
    const id = await failedMessage(database(), { ticketId: f.ticketId });
    const retried = valueOf(await f.server.call('outbox.retry', { id }, dispatcher()));
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    expect(Date.parse(retried.nextAttemptAt)).toBeLessThanOrEqual(clock.now().getTime());
    await drain();
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(smtp.received.filter((m) => m.messageId.startsWith(`<${id}@`))).toHaveLength(1);
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: f.ticketId }, dispatcher()));
    expect(timeline.find((e) => e.kind === 'message_retry')).toMatchObject({ by: 'Dev Dispatcher' });
    expect(timeline.find((e) => e.outboxMessageId === id)?.detail).toMatch(/^test message · Sent /);

    // A message that was delivered is not sent again, and the refusal writes nothing.
    const rows = await countRows(database());
    const again = await f.server.call('outbox.retry', { id }, dispatcher());
    expect(again.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['id'] }] } });
    expect(await countRows(database())).toEqual(rows);
  });

  it('lists a ticket’s messages a page at a time, none missed when many share one instant', async () => {
    const ticket = valueOf(await f.server.call('tickets.create', { ...validTicket(f) }, admin()));
    const createdAt = clock.now().toISOString();
    const { ids } = await queueMessages(
      database(),
      Array.from({ length: 7 }, () => testMessage({ ticketId: ticket.id, createdAt })),
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const listed = valueOf(
        await f.server.call(
          'outbox.list',
          { ticketId: ticket.id, limit: 3, ...(after ? { after } : {}) },
          dispatcher(),
        ),
      );
      seen.push(...listed.messages.map((m) => m.id));
      if (!listed.next) break;
      after = listed.next;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('takes over a message whose sender died mid-send once its lease lapses, and only then', async () => {
    await useServer(smtp);
    await drain();
    const { ids } = await queueMessages(database(), [testMessage(), testMessage()]);
    const [lapsed, held] = ids;
    const now = clock.now().getTime();
    const claim = (id: string | undefined, until: number) =>
      database()
        .db.updateTable('outbox')
        .set({
          status: 'sending',
          claimed_by: 'workstation-that-died',
          claim_expires_at: new Date(until).toISOString(),
        })
        .where('id', '=', id ?? '')
        .execute();
    await claim(lapsed, now - 1000);
    await claim(held, now + 10 * MINUTE);
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(await row(lapsed ?? '')).toMatchObject({ status: 'sent', claimed_by: null });
    expect(await row(held ?? '')).toMatchObject({ status: 'sending', claimed_by: 'workstation-that-died' });
  });

  it('sends a test message on demand and names what failed when it cannot', async () => {
    await useServer(smtp);
    const sent = valueOf(await f.server.call('mail.sendTest', { to: 'it@tailspin.example' }, admin()));
    expect(sent).toMatchObject({ delivered: true });
    if (!sent.delivered) throw new Error('not delivered');
    expect(sent.response).toMatch(/^250 /);
    expect(smtp.received.find((m) => m.messageId === sent.messageId)).toMatchObject({ to: 'it@tailspin.example' });

    smtp.behaviour = { kind: 'refuse', code: 550, message: '550 5.1.1 No such user' };
    const refused = valueOf(await f.server.call('mail.sendTest', { to: 'nobody@tailspin.example' }, admin()));
    expect(refused).toMatchObject({ delivered: false, stage: 'recipient', responseCode: 550 });

    valueOf(await f.server.call('mail.saveSettings', { ...smtp.settings(), port: 1 }, admin()));
    const unreachable = valueOf(await f.server.call('mail.sendTest', { to: 'it@tailspin.example' }, admin()));
    expect(unreachable).toMatchObject({ delivered: false, stage: 'connection', responseCode: null });
  });
});

describe('a hanging SMTP server', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env, {
      outboxIntervalMs: false,
      // Long enough that the three rounds of calls below (each held under 1 s) end while the sender
      // still waits for a greeting, even on a loaded 2-core machine.
      smtpTimeouts: { connectionMs: 4000, greetingMs: 4000, socketMs: 4000 },
    });
  });

  it('times out, keeps the message for a retry, and never holds up other calls, reads or writes, meanwhile', async () => {
    const smtp = await startSmtpTestServer(env, { kind: 'hang' });
    const admin = { cookie: f.cookies.admin };
    valueOf(await f.server.call('mail.saveSettings', smtp.settings(), admin));
    const { ids } = await queueMessages(f.server.runtime.database, [testMessage({ ticketId: f.ticketId })]);
    const connected = smtp.nextConnection();
    let drained = false;
    const drain = f.server.runtime.outboxSender.drainOnce().finally(() => (drained = true));
    await connected;
    // The sender is now stuck waiting for a greeting; the API answers as usual.
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      valueOf(await f.server.call('tickets.queue', {}, { cookie: f.cookies.dispatcher }));
      valueOf(await f.server.call('outbox.status', {}, { cookie: f.cookies.dispatcher }));
      // A write too: the sender holds no transaction, nor a lock, while it waits on the server.
      valueOf(
        await f.server.call('tickets.create', validInputs['tickets.create'](f), { cookie: f.cookies.dispatcher }),
      );
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(drained).toBe(false);
    expect(await drain).toMatchObject({ retrying: 1, sent: 0 });
    const stored = await f.server.runtime.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', ids[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'queued', attempts: 1 });
    expect(stored.last_error).toMatch(/^timeout: /);

    const test = valueOf(await f.server.call('mail.sendTest', { to: 'it@tailspin.example' }, admin));
    expect(test).toMatchObject({ delivered: false, stage: 'timeout' });
  });
});
