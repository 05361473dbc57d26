import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../electron/core/db/transaction';
import { queueVisitMessages } from '../../electron/core/services/messages/message-queue.service';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { testIso } from '../support/test-clock';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

/** The calendar attached to a received mail, read back with a real iCalendar parser. */
function invitationOf(mail: ReceivedMail) {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`no .ics in "${mail.subject}"`);
  const content: Buffer = attachment.content;
  // ical.js declares its parse result as any: a jCal array.
  const calendar = new ICAL.Component(ICAL.parse(content.toString('utf8')) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    start: { zone: start.zone.tzid, iso: start.toJSDate().toISOString() },
    end: { zone: end.zone.tzid, iso: end.toJSDate().toISOString() },
  };
}

describe('messages to the client and the crew, through a real SMTP server', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let smtp: SmtpTestServer;
  let clientId: string;
  let siteId: string;
  let contact: { id: string; revision: string };
  let technicianId: string;
  let helperId: string;
  const admin = () => ({ cookie: f.cookies.admin });
  const contactMail = 'ann@northwind.example';
  const terryMail = 'terry@dispatch.example';
  const samMail = 'sam@dispatch.example';

  /** Sends what is queued and answers what arrived meanwhile. */
  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await f.server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before);
  }
  const to = (mails: ReceivedMail[], address: string) => mails.filter((m) => m.to.includes(address));

  async function newTicket(extra: Record<string, unknown> = {}) {
    return valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId,
          contactId: contact.id,
          siteId,
          description: 'Receipt printer & scanner offline',
          priority: 'high',
          ...extra,
        },
        admin(),
      ),
    );
  }

  async function book(ticketId: string, startsAt: string, helperIds: string[] = []) {
    return valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId,
          technicianId,
          helperIds,
          startsAt,
          durationMinutes: 60,
          override: { reason: 'Test: outside the shift on purpose' },
        },
        admin(),
      ),
    );
  }

  beforeAll(async () => {
    f = await startApiFixture(env, { outboxIntervalMs: false });
    smtp = await startSmtpTestServer(env);
    valueOf(await f.server.call('mail.saveSettings', smtp.settings(), admin()));
    clientId = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, admin())).id;
    contact = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId, name: 'Ann Dodsworth', phone: '+1 212 555 0100', email: contactMail },
        admin(),
      ),
    );
    siteId = valueOf(
      await f.server.call(
        'sites.create',
        {
          clientId,
          name: 'Head office',
          address: '5 Main St, New York',
          accessRequirements: 'Sign in at reception',
          timeZone: 'America/New_York',
        },
        admin(),
      ),
    ).id;
    const technician = (name: string, email: string) =>
      f.server.call(
        'technicians.save',
        { name, email, timeZone: 'America/New_York', skills: [], certifications: [] },
        admin(),
      );
    technicianId = valueOf(await technician('Terry Adams', terryMail)).id;
    helperId = valueOf(await technician('Sam Lee', samMail)).id;
    await deliver();
  });

  it('acknowledges a new request to its contact, once, however often an integration repeats it', async () => {
    const ticket = await newTicket({ channel: 'email', externalRef: 'MAIL-4711' });
    const again = await newTicket({ channel: 'email', externalRef: 'MAIL-4711' });
    expect(again.id).toBe(ticket.id);
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: contactMail, subject: `We have your request ${ticket.number}` });
    expect(mails[0]?.text).toContain('Priority: High');
    expect(mails[0]?.text).toContain('Receipt printer & scanner offline');
    expect(mails[0]?.text).toMatch(/We aim to respond by \w{3} \d+ \w{3} \d{4}, \d\d:\d\d E[SD]T\./);
  });

  it('confirms a booking with an invitation, updates it on a move, cancels it: one UID, rising SEQUENCE', async () => {
    const ticket = await newTicket();
    await deliver();
    const visit = await book(ticket.id, '2027-03-01T15:00:00Z', [helperId]);
    const booked = await deliver();
    const [confirmation] = to(booked, contactMail);
    expect(confirmation?.subject).toBe(`Visit booked for ${ticket.number}: Mon 1 Mar 2027, 10:00–11:00 EST`);
    const first = invitationOf(confirmation as ReceivedMail);
    expect(first).toMatchObject({
      method: 'REQUEST',
      status: 'CONFIRMED',
      start: { zone: 'UTC', iso: '2027-03-01T15:00:00.000Z' },
      end: { zone: 'UTC', iso: '2027-03-01T16:00:00.000Z' },
    });
    expect(first.uid).toBe(`visit-${visit.id}@dispatch-console`);
    // The crew gets the assignment notice with everything they need, and the same calendar entry.
    const [notice] = to(booked, terryMail);
    expect(notice?.text).toContain('Access: Sign in at reception');
    expect(notice?.text).toContain('Contact: Ann Dodsworth, +1 212 555 0100');
    expect(notice?.text).toContain('Crew: Terry Adams (lead), Sam Lee');
    expect(invitationOf(notice as ReceivedMail)).toMatchObject({ uid: first.uid, sequence: first.sequence });
    expect(to(booked, samMail)[0]?.text).toMatch(/^Hello Sam,/);

    const moved = valueOf(
      await f.server.call(
        'visits.update',
        { id: visit.id, expectedVersion: visit.version, startsAt: '2027-03-02T14:00:00Z', helperIds: [] },
        admin(),
      ),
    );
    const afterMove = await deliver();
    const [update] = to(afterMove, contactMail);
    expect(update?.subject).toBe(`Visit changed for ${ticket.number}: now Tue 2 Mar 2027, 09:00–10:00 EST`);
    const second = invitationOf(update as ReceivedMail);
    expect(second).toMatchObject({ method: 'REQUEST', uid: first.uid, start: { iso: '2027-03-02T14:00:00.000Z' } });
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(to(afterMove, terryMail)[0]?.subject).toMatch(/^Visit changed /);
    // Sam was taken off the visit: his calendar entry is cancelled.
    expect(invitationOf(to(afterMove, samMail)[0] as ReceivedMail)).toMatchObject({ method: 'CANCEL', uid: first.uid });

    valueOf(
      await f.server.call(
        'visits.cancel',
        { id: visit.id, expectedVersion: moved.version, reason: 'Client closed for a holiday' },
        admin(),
      ),
    );
    const afterCancel = await deliver();
    const [cancellation] = to(afterCancel, contactMail);
    expect(cancellation?.text).toContain('Reason: Client closed for a holiday');
    const third = invitationOf(cancellation as ReceivedMail);
    expect(third).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: first.uid });
    expect(third.sequence).toBeGreaterThan(second.sequence);
    expect(invitationOf(to(afterCancel, terryMail)[0] as ReceivedMail).method).toBe('CANCEL');
  });

  it('writes no second message when the same change of a visit is queued again', async () => {
    const ticket = await newTicket();
    const visit = await book(ticket.id, '2027-03-03T15:00:00Z');
    const database = f.server.runtime.database;
    const count = async () =>
      (await database.db.selectFrom('outbox').select('id').where('visit_id', '=', visit.id).execute()).length;
    const queued = await count();
    // The confirmation, the technician's notice and the reminder before the visit.
    expect(queued).toBe(3);
    // A retried transaction, or a second workstation, describing the same booking.
    await inTransaction(database, (tx) => queueVisitMessages(tx, visit.id, { kind: 'booked' }, testIso(0)));
    expect(await count()).toBe(queued);
    await deliver();
  });

  it('sends nothing to a contact who opted out, or of a kind the client turned off; the booking still succeeds', async () => {
    const ticket = await newTicket();
    await deliver();
    valueOf(
      await f.server.call(
        'clients.saveMessagePreferences',
        { clientId, receives: { 'booking-confirmation': false } },
        admin(),
      ),
    );
    await book(ticket.id, '2027-03-04T15:00:00Z');
    let mails = await deliver();
    expect(to(mails, contactMail)).toEqual([]);
    expect(to(mails, terryMail)).toHaveLength(1);
    valueOf(
      await f.server.call(
        'clients.saveMessagePreferences',
        { clientId, receives: { 'booking-confirmation': true } },
        admin(),
      ),
    );

    contact = valueOf(
      await f.server.call(
        'contacts.setMessagesOptOut',
        { id: contact.id, expectedRevision: contact.revision, optOut: true },
        admin(),
      ),
    );
    const quiet = await newTicket();
    await book(quiet.id, '2027-03-05T15:00:00Z');
    mails = await deliver();
    expect(to(mails, contactMail)).toEqual([]);
    expect(to(mails, terryMail)).toHaveLength(1);
    contact = valueOf(
      await f.server.call(
        'contacts.setMessagesOptOut',
        { id: contact.id, expectedRevision: contact.revision, optOut: false },
        admin(),
      ),
    );
  });

  it('tells the contact the technician is on the way with the ETA, then sends the completion summary', async () => {
    const ticket = await newTicket();
    const visit = await book(ticket.id, '2027-03-08T15:00:00Z');
    await deliver();
    const eta = new Date(Date.parse(testIso(0)) + 45 * 60_000);
    eta.setUTCSeconds(0, 0);
    const enRoute = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: visit.version, status: 'en_route', etaAt: eta.toISOString() },
        admin(),
      ),
    );
    const [onTheWay] = to(await deliver(), contactMail);
    expect(onTheWay?.subject).toBe(`Terry is on the way for ${ticket.number}`);
    const local = eta.toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' });
    expect(onTheWay?.text).toContain(`Expected arrival: ${local} E`);

    const onSite = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: enRoute.version, status: 'on_site' },
        admin(),
      ),
    );
    expect(to(await deliver(), contactMail)).toEqual([]);
    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: visit.id,
          expectedVersion: 0,
          actions: 'Replaced the power supply of the receipt printer.',
          steps: ['Tested a print run'],
          parts: [],
          noParts: true,
          outcome: 'resolved',
        },
        admin(),
      ),
    );
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: onSite.version, status: 'completed' },
        admin(),
      ),
    );
    const [summary] = to(await deliver(), contactMail);
    expect(summary?.subject).toBe(`Visit completed for ${ticket.number}`);
    expect(summary?.text).toContain('Replaced the power supply of the receipt printer.\n- Tested a print run');
    expect(summary?.text).toContain('Outcome: Resolved');
    expect(summary?.text).not.toContain('What happens next');
  });

  it('sends no client message when the ticket has no contact with an e-mail address, and books all the same', async () => {
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId,
          siteId,
          description: 'No contact',
          priority: 'low',
        },
        admin(),
      ),
    );
    const visit = await book(ticket.id, '2027-03-09T15:00:00Z');
    expect(visit.status).toBe('scheduled');
    const mails = await deliver();
    expect(mails.map((m) => m.to)).toEqual([terryMail]);
  });
});
