import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketDto } from '../../shared/domain/ticket';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { documentVisit } from '../support/closure-scenario';
import { offsetClock, type OffsetClock } from '../support/offset-clock';
import { rawRequest } from '../support/raw-http';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { testIso } from '../support/test-clock';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

const DAY = 86_400_000;
const contactMail = 'olga@fabrikam.example';

/** The feedback link in a received feedback request. */
function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/feedback\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no feedback link in "${mail.text}"`);
  return match[0];
}

async function getPage(link: string) {
  const response = await fetch(link);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

async function postForm(link: string, form: Record<string, string>) {
  const response = await fetch(link, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(link).origin },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, html: await response.text() };
}

describe('the feedback request after closure and the public feedback page', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let smtp: SmtpTestServer;
  let clock: OffsetClock;
  let clientId: string;
  let contactId: string;
  let siteId: string;
  const admin = () => ({ cookie: f.cookies.admin });

  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await f.server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before);
  }

  /** A ticket of the client with a contact who has an e-mail address, visited and documented. */
  async function documented(): Promise<TicketDto> {
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId,
          contactId,
          siteId,
          description: 'Label printer on line 3 jams on every roll',
          priority: 'high',
        },
        admin(),
      ),
    );
    return (await documentVisit(f, null, ticket)).ticket;
  }

  async function close(ticketId: string): Promise<TicketDto> {
    const current = valueOf(await f.server.call('tickets.get', { id: ticketId }, admin()));
    return valueOf(
      await f.server.call(
        'tickets.close',
        { ticketId, expectedVersion: current.version, resolutionSummary: 'Replaced the platen roller' },
        admin(),
      ),
    );
  }

  /** Closes a documented ticket and answers the feedback request e-mail it sent. */
  async function closedWithRequest(): Promise<{ ticket: TicketDto; mail: ReceivedMail; link: string }> {
    const ticket = await documented();
    await deliver();
    await close(ticket.id);
    const mails = (await deliver()).filter((m) => m.subject.includes('How did we do?'));
    expect(mails).toHaveLength(1);
    const mail = mails[0] as ReceivedMail;
    return { ticket, mail, link: linkIn(mail) };
  }

  beforeAll(async () => {
    clock = offsetClock();
    f = await startApiFixture(env, {
      clock,
      outboxIntervalMs: false,
      // This suite opens the page far more often than a client would; the limit has its own test.
      feedbackRateLimit: { burst: 1000, perMinute: 1000 },
    });
    smtp = await startSmtpTestServer(env);
    valueOf(await f.server.call('mail.saveSettings', smtp.settings(), admin()));
    clientId = valueOf(await f.server.call('clients.create', { name: 'Fabrikam Foods' }, admin())).id;
    contactId = valueOf(
      await f.server.call('contacts.create', { clientId, name: 'Olga Ivanova', email: contactMail }, admin()),
    ).id;
    siteId = valueOf(
      await f.server.call('sites.create', { clientId, name: 'Bakery', address: '1 Flour Lane, Tacoma' }, admin()),
    ).id;
  });

  it('queues exactly one feedback e-mail on closing, whose link opens the page without a login', async () => {
    const { ticket, mail, link } = await closedWithRequest();
    expect(mail.to).toBe(contactMail);
    expect(mail.subject).toBe(`How did we do? ${ticket.number}`);
    expect(link.startsWith(`${f.server.url}/feedback/`)).toBe(true);
    // 256 random bits, base64url: not guessable, and not stored as such.
    expect(link.split('/feedback/')[1]).toHaveLength(43);
    const messages = valueOf(await f.server.call('outbox.list', { ticketId: ticket.id, limit: 50 }, admin()));
    expect(messages.messages.filter((m) => m.kind === 'feedback-request')).toHaveLength(1);

    const page = await getPage(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.html).toContain(ticket.number);
    expect(page.html).toContain('Label printer on line 3 jams on every roll');
    expect(page.html).not.toContain('<script');
    const request = valueOf(await f.server.call('feedback.forTicket', { ticketId: ticket.id }, admin())).request;
    expect(request).toMatchObject({ used: false });
    expect(Date.parse(request?.expiresAt ?? '') - Date.parse(request?.sentFor ?? '')).toBe(30 * DAY);
  });

  it('records the score once through the link; the used link then says so with 410 and writes nothing', async () => {
    const { ticket, link } = await closedWithRequest();
    const sent = await postForm(link, { score: '5', comment: 'Fast & friendly <thanks>' });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('Thank you for your feedback');
    expect(sent.html).toContain('5 out of 5');

    const got = valueOf(await f.server.call('feedback.forTicket', { ticketId: ticket.id }, admin()));
    expect(got.feedback).toHaveLength(1);
    expect(got.feedback[0]).toMatchObject({
      score: 5,
      comment: 'Fast & friendly <thanks>',
      source: 'link',
      recordedBy: null,
      problemBack: false,
      newTicketId: null,
    });
    expect(got.request?.used).toBe(true);

    const before = await countRows(f.server.runtime.database);
    const again = await postForm(link, { score: '1' });
    expect(again.status).toBe(410);
    expect(again.html).toContain('This feedback link has been used');
    const reopened = await getPage(link);
    expect(reopened.status).toBe(410);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it('asks again for a ticket reopened and closed again, with a new link; the first one no longer opens', async () => {
    const { ticket, link: first } = await closedWithRequest();
    valueOf(await f.server.call('tickets.reopen', { ticketId: ticket.id, reason: 'The jam came back' }, admin()));
    expect((await getPage(first)).status).toBe(410);
    await documentVisit(f, null, valueOf(await f.server.call('tickets.get', { id: ticket.id }, admin())));
    await deliver();
    await close(ticket.id);
    const second = (await deliver()).filter((m) => m.subject.includes('How did we do?'));
    expect(second).toHaveLength(1);
    const link = linkIn(second[0] as ReceivedMail);
    expect(link).not.toBe(first);
    expect((await getPage(link)).status).toBe(200);
  });

  it('answers an unknown or malformed token with a polite 404 page', async () => {
    for (const token of ['A'.repeat(43), 'nope', '..%2F..%2Fetc%2Fpasswd', '']) {
      const page = await getPage(`${f.server.url}/feedback/${token}`);
      expect(page.status, token).toBe(404);
      expect(page.html).toContain('This feedback link is not valid');
      expect(page.html).not.toMatch(/Error|at .*\.ts/);
    }
    const posted = await postForm(`${f.server.url}/feedback/${'B'.repeat(43)}`, { score: '3' });
    expect(posted.status).toBe(404);
  });

  it('refuses a bad form with 400, saying which answer to check, and writes nothing', async () => {
    const { ticket, link } = await closedWithRequest();
    const before = await countRows(f.server.runtime.database);
    const forms: Record<string, string>[] = [
      { score: '9' },
      { comment: 'no score' },
      { score: '3', admin: 'true' },
      { score: '2.5' },
    ];
    for (const form of forms) {
      const sent = await postForm(link, form);
      expect(sent.status, JSON.stringify(form)).toBe(400);
      expect(sent.html).toContain('Please check your answer');
    }
    const huge = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `score=3&comment=${'x'.repeat(40_000)}`,
    });
    expect(huge.status).toBe(413);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
    expect((await getPage(link)).status).toBe(200);
    expect(valueOf(await f.server.call('feedback.forTicket', { ticketId: ticket.id }, admin())).feedback).toEqual([]);
  });

  it('escalates a score of 1 or 2 to the client service manager, in the same write', async () => {
    const { ticket, link } = await closedWithRequest();
    expect((await postForm(link, { score: '2', comment: 'Took three visits' })).status).toBe(200);
    const escalations = valueOf(await f.server.call('escalations.list', { open: true, ticketId: ticket.id }, admin()));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({
      level: 1,
      kind: 'low_feedback',
      reason: 'Client scored the service 2 out of 5: Took three visits',
      createdBy: null,
    });

    // A good score by phone escalates nothing more.
    valueOf(
      await f.server.call('feedback.record', { ticketId: ticket.id, score: 4 }, { cookie: f.cookies.support_desk }),
    );
    expect(valueOf(await f.server.call('escalations.list', { open: true, ticketId: ticket.id }, admin()))).toHaveLength(
      1,
    );
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, admin()));
    expect(timeline.map((e) => e.title)).toEqual(
      expect.arrayContaining(['Feedback: 2 out of 5 (feedback page)', 'Feedback: 4 out of 5 (by phone)']),
    );
  });

  it('logs a linked ticket for the desk when the client says on the page that the problem is back', async () => {
    const { ticket, link } = await closedWithRequest();
    const sent = await postForm(link, { score: '3', comment: 'Jams again since Monday', problemBack: 'on' });
    expect(sent.status).toBe(200);
    const feedback = valueOf(await f.server.call('feedback.forTicket', { ticketId: ticket.id }, admin())).feedback[0];
    expect(feedback?.problemBack).toBe(true);
    expect(sent.html).toContain(feedback?.newTicketNumber ?? 'missing');
    const created = valueOf(await f.server.call('tickets.get', { id: feedback?.newTicketId ?? '' }, admin()));
    expect(created).toMatchObject({
      channel: 'portal',
      status: 'new',
      priority: ticket.priority,
      client: { id: clientId },
      site: { id: siteId },
      contact: { id: contactId },
    });
    expect(created.description).toContain('Jams again since Monday');
    expect(created.links).toEqual([expect.objectContaining({ ticketId: ticket.id })]);
    const closedNow = valueOf(await f.server.call('tickets.get', { id: ticket.id }, admin()));
    expect(closedNow.status).toBe('closed');
    expect(closedNow.links).toEqual([expect.objectContaining({ ticketId: created.id })]);
  });

  it('lets the desk record feedback given by phone, with the problem back, and nothing for a bad input', async () => {
    const { ticket } = await closedWithRequest();
    const desk = { cookie: f.cookies.support_desk };
    const saved = valueOf(
      await f.server.call(
        'feedback.record',
        { ticketId: ticket.id, score: 1, comment: 'Still jams', problemBack: true },
        desk,
      ),
    );
    expect(saved).toMatchObject({ score: 1, source: 'phone', recordedBy: 'Dana Desk', problemBack: true });
    const created = valueOf(await f.server.call('tickets.get', { id: saved.newTicketId ?? '' }, admin()));
    expect(created.channel).toBe('phone');
    expect(created.loggedBy.displayName).toBe('Dana Desk');
    const escalations = valueOf(await f.server.call('escalations.list', { open: true, ticketId: ticket.id }, admin()));
    expect(escalations.map((e) => e.kind)).toEqual(['low_feedback']);

    const before = await countRows(f.server.runtime.database);
    const refused = await f.server.call('feedback.record', { ticketId: ticket.id, score: 7, problemBack: true }, desk);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['score'] }] } });
    const technician = await f.server.call(
      'feedback.record',
      { ticketId: ticket.id, score: 5 },
      { cookie: f.cookies.technician },
    );
    expect(technician.status).toBe(403);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it('starts links with the public address an admin sets, and defaults to the server', async () => {
    expect(valueOf(await f.server.call('feedback.settings', {}, admin()))).toEqual({
      publicBaseUrl: null,
      effectiveBaseUrl: f.server.url,
    });
    const saved = valueOf(
      await f.server.call(
        'feedback.saveSettings',
        { publicBaseUrl: 'https://help.fabrikam.example/dispatch/' },
        admin(),
      ),
    );
    expect(saved).toEqual({
      publicBaseUrl: 'https://help.fabrikam.example/dispatch',
      effectiveBaseUrl: 'https://help.fabrikam.example/dispatch',
    });
    const { link } = await closedWithRequest();
    expect(link).toMatch(/^https:\/\/help\.fabrikam\.example\/dispatch\/feedback\/[A-Za-z0-9_-]{43}$/);
    valueOf(await f.server.call('feedback.saveSettings', { publicBaseUrl: null }, admin()));
  });

  it('answers to its own names only: a rebinding Host gets 403 and no page', async () => {
    const { link } = await closedWithRequest();
    const path = new URL(link).pathname;
    const refused = await rawRequest(f.server.url, { path, headers: { Host: 'attacker.example' } });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('How did we do?');
    const allowed = await rawRequest(f.server.url, { path, headers: { Host: new URL(f.server.url).host } });
    expect(allowed.status).toBe(200);
  });

  it('takes the form a browser posts with Origin: null (no-referrer), and refuses a foreign origin', async () => {
    const { link } = await closedWithRequest();
    const path = new URL(link).pathname;
    const post = (origin: string) =>
      rawRequest(f.server.url, {
        method: 'POST',
        path,
        headers: {
          Host: new URL(f.server.url).host,
          Origin: origin,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'score=4',
      });
    const before = await countRows(f.server.runtime.database);
    expect((await post('https://attacker.example')).status).toBe(403);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
    const accepted = await post('null');
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('Thank you for your feedback');
  });

  // Last: it moves the server's clock a month on.
  it('says a link has expired 30 days after the closing, with 410, and records nothing', async () => {
    const { ticket, link } = await closedWithRequest();
    clock.advance(31 * DAY);
    const page = await getPage(link);
    expect(page.status).toBe(410);
    expect(page.html).toContain('This feedback link has expired');
    const before = await countRows(f.server.runtime.database);
    expect((await postForm(link, { score: '5' })).status).toBe(410);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
    // A month on, the sessions have lapsed too.
    const cookie = await f.server.login('admin');
    expect(valueOf(await f.server.call('feedback.forTicket', { ticketId: ticket.id }, { cookie })).feedback).toEqual(
      [],
    );
  });
});

describe('the feedback page rate limit', () => {
  const env = useTestEnvironment();

  it('answers 429 politely, with Retry-After, once an address has used up its requests', async () => {
    const runtime = await env.runtime();
    const { startHttpServer } = await import('../../electron/http/http-server');
    const server = await startHttpServer({
      core: runtime.core,
      staticDir: null,
      host: '127.0.0.1',
      port: 0,
      feedbackRateLimit: { burst: 3, perMinute: 1 },
    });
    env.defer(() => server.close());
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/feedback/${'C'.repeat(43)}`)).status);
    expect(statuses).toEqual([404, 404, 404]);
    const limited = await fetch(`${server.url}/feedback/${'C'.repeat(43)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.text()).toContain('Please try again shortly');
    // The API is not limited by the page's bucket.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
