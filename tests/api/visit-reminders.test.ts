import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSummaryDto } from '../../shared/domain/outbox';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { offsetClock } from '../support/offset-clock';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { roleUsernames, useTestEnvironment, valueOf } from '../support/test-runtime';

// The clock starts on Monday 7 December 2026, 16:00 UTC (11:00 in New York) and only moves when a
// test moves it: each test books days after the one before and walks the clock up to its times.

describe('the reminder before a visit, through a real SMTP server', () => {
  const env = useTestEnvironment();
  const clock = offsetClock();
  let f: ApiFixture;
  let smtp: SmtpTestServer;
  let cookie: string;
  let clientId: string;
  let contactId: string;
  let newYorkSiteId: string;
  let amsterdamSiteId: string;
  let technicianId: string;
  const admin = () => ({ cookie });
  const contactMail = 'ann@northwind.example';

  /** Sends what is due now and answers what arrived meanwhile. */
  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await f.server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before);
  }
  const reminders = (mails: ReceivedMail[]) => mails.filter((m) => m.subject.startsWith('Reminder:'));

  /** Moves the clock to `iso` (never back) and logs in again: the session would have lapsed. */
  async function advanceTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - clock.now().getTime();
    expect(ms, `the clock is already past ${iso}`).toBeGreaterThan(0);
    clock.advance(ms);
    cookie = await f.server.login(roleUsernames.admin);
  }

  async function ticketAt(siteId: string) {
    return valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: clock.now().toISOString(),
          clientId,
          contactId,
          siteId,
          description: 'Card reader at the front desk rejects every card',
          priority: 'medium',
        },
        admin(),
      ),
    );
  }

  async function book(ticketId: string, startsAt: string) {
    return valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId,
          technicianId,
          startsAt,
          durationMinutes: 60,
          override: { reason: 'Test: outside the shift on purpose' },
        },
        admin(),
      ),
    );
  }

  async function remindersOf(ticketId: string): Promise<OutboxSummaryDto[]> {
    const list = valueOf(await f.server.call('outbox.list', { ticketId }, admin()));
    return list.messages.filter((m) => m.kind === 'visit-reminder');
  }

  beforeAll(async () => {
    f = await startApiFixture(env, { clock, outboxIntervalMs: false });
    cookie = f.cookies.admin;
    smtp = await startSmtpTestServer(env);
    valueOf(await f.server.call('mail.saveSettings', smtp.settings(), admin()));
    clientId = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, admin())).id;
    contactId = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId, name: 'Ann Dodsworth', phone: '+1 212 555 0100', email: contactMail },
        admin(),
      ),
    ).id;
    const site = (name: string, timeZone: string) =>
      f.server.call('sites.create', { clientId, name, address: `1 ${name} Street`, timeZone }, admin());
    newYorkSiteId = valueOf(await site('Head office', 'America/New_York')).id;
    amsterdamSiteId = valueOf(await site('Amsterdam office', 'Europe/Amsterdam')).id;
    technicianId = valueOf(
      await f.server.call(
        'technicians.save',
        { name: 'Terry Adams', timeZone: 'America/New_York', skills: [], certifications: [] },
        admin(),
      ),
    ).id;
    await deliver();
  });

  it('reminds the contact 24 hours before the visit, not a minute sooner', async () => {
    const ticket = await ticketAt(newYorkSiteId);
    // Wednesday 9 December, 10:00 in New York: the reminder is due Tuesday 10:00 (15:00 UTC).
    await book(ticket.id, '2026-12-09T15:00:00Z');
    expect(reminders(await deliver())).toEqual([]);
    const [queued] = await remindersOf(ticket.id);
    expect(queued).toMatchObject({ status: 'queued', nextAttemptAt: '2026-12-08T15:00:00.000Z' });

    await advanceTo('2026-12-08T14:59:00Z');
    expect(reminders(await deliver())).toEqual([]);
    await advanceTo('2026-12-08T15:00:30Z');
    const [reminder, ...more] = reminders(await deliver());
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      to: contactMail,
      subject: `Reminder: visit for ${ticket.number} on Wed 9 Dec 2026, 10:00–11:00 EST`,
    });
    expect(reminder?.text).toContain('Dear Ann Dodsworth,');
    expect(reminder?.text).toContain('Technician: Terry');
  });

  it('sends no reminder for a cancelled visit, and the moved one only at its new time', async () => {
    const moving = await ticketAt(newYorkSiteId);
    const cancelling = await ticketAt(newYorkSiteId);
    // Wednesday 16th and Thursday 17th at 10:00 EST; their reminders due 15:00 UTC the day before.
    const toMove = await book(moving.id, '2026-12-16T15:00:00Z');
    const toCancel = await book(cancelling.id, '2026-12-17T15:00:00Z');
    // The first moves to Friday 18th, 10:00 EST: its reminder to Thursday 17th, 15:00 UTC.
    valueOf(
      await f.server.call(
        'visits.update',
        { id: toMove.id, expectedVersion: toMove.version, startsAt: '2026-12-18T15:00:00Z' },
        admin(),
      ),
    );
    valueOf(
      await f.server.call(
        'visits.cancel',
        { id: toCancel.id, expectedVersion: toCancel.version, reason: 'Fixed it themselves' },
        admin(),
      ),
    );
    await deliver();

    // Not needed, with the reason, and not a failure: nothing to retry.
    const moved = await remindersOf(moving.id);
    expect(moved.map((m) => [m.status, m.nextAttemptAt, m.statusNote])).toEqual([
      ['queued', '2026-12-17T15:00:00.000Z', null],
      ['superseded', '2026-12-15T15:00:00.000Z', 'The visit was moved or its crew changed.'],
    ]);
    expect(await remindersOf(cancelling.id)).toMatchObject([
      { status: 'superseded', statusNote: 'The visit was cancelled.', lastError: null },
    ]);
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: cancelling.id }, admin()));
    expect(timeline.find((e) => e.title.includes('Reminder:'))?.detail).toContain(
      'Not needed · The visit was cancelled.',
    );

    // The old times pass: nothing goes.
    await advanceTo('2026-12-16T16:00:00Z');
    expect(reminders(await deliver())).toEqual([]);
    // The new time comes: exactly one reminder, for the new window.
    await advanceTo('2026-12-17T15:00:30Z');
    const sent = reminders(await deliver());
    expect(sent.map((m) => m.subject)).toEqual([
      `Reminder: visit for ${moving.number} on Fri 18 Dec 2026, 10:00–11:00 EST`,
    ]);
    expect(reminders(await deliver())).toEqual([]);
  });

  it('keeps quiet between 21:00 and 07:00 at the site: the reminder goes the evening before', async () => {
    valueOf(await f.server.call('reminders.saveSettings', { leadHours: 2 }, admin()));
    try {
      const ticket = await ticketAt(amsterdamSiteId);
      // Tuesday 22 December, 08:00 in Amsterdam (07:00 UTC): two hours before is 06:00 there, in the
      // quiet hours, so it goes at 20:45 Amsterdam time the evening before (19:45 UTC).
      await book(ticket.id, '2026-12-22T07:00:00Z');
      expect(await remindersOf(ticket.id)).toMatchObject([{ nextAttemptAt: '2026-12-21T19:45:00.000Z' }]);
      await advanceTo('2026-12-21T19:44:00Z');
      expect(reminders(await deliver())).toEqual([]);
      await advanceTo('2026-12-21T19:45:30Z');
      const [reminder] = reminders(await deliver());
      expect(reminder?.subject).toBe(`Reminder: visit for ${ticket.number} on Tue 22 Dec 2026, 08:00–09:00 CET`);
    } finally {
      valueOf(await f.server.call('reminders.saveSettings', { leadHours: 24 }, admin()));
    }
  });

  it('holds a reminder whose retry falls in the quiet hours until 07:00 at the site', async () => {
    const ticket = await ticketAt(amsterdamSiteId);
    // Wednesday 30 December, 10:00 in Amsterdam: due Tuesday 10:00 there (09:00 UTC).
    await book(ticket.id, '2026-12-30T09:00:00Z');
    await deliver();
    smtp.behaviour = { kind: 'refuse', code: 451, message: 'Try again later' };
    await advanceTo('2026-12-29T09:00:30Z');
    expect(await f.server.runtime.outboxSender.drainOnce()).toMatchObject({ retrying: 1 });
    smtp.behaviour = { kind: 'accept' };
    // The server is back only at 22:30 in Amsterdam: the retry waits for the morning.
    await advanceTo('2026-12-29T21:30:00Z');
    expect(await f.server.runtime.outboxSender.drainOnce()).toMatchObject({ deferred: 1, sent: 0 });
    expect(await remindersOf(ticket.id)).toMatchObject([
      { status: 'queued', nextAttemptAt: '2026-12-30T06:00:00.000Z' },
    ]);
    await advanceTo('2026-12-30T06:00:30Z');
    expect(reminders(await deliver()).map((m) => m.subject)).toEqual([
      `Reminder: visit for ${ticket.number} on Wed 30 Dec 2026, 10:00–11:00 CET`,
    ]);
  });

  it('queues no reminder for a visit booked less than the lead time ahead', async () => {
    const ticket = await ticketAt(newYorkSiteId);
    const hour = 3_600_000;
    const inThreeHours = Math.ceil((clock.now().getTime() + 3 * hour) / hour) * hour;
    await book(ticket.id, new Date(inThreeHours).toISOString());
    const mails = await deliver();
    expect(mails.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Visit booked for /));
    expect(reminders(mails)).toEqual([]);
    expect(await remindersOf(ticket.id)).toEqual([]);
  });
});
