import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import type { Runtime } from '../../electron/core/runtime';
import { defaultCalendar } from '../../electron/core/services/sla/sla-config.service';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import {
  describeEachDatabase,
  manualClock,
  useTestEnvironment,
  valueOf,
  type ManualClock,
  type TestServer,
} from '../support/test-runtime';

// Issue 15 §1: at the admin's hour, each technician with visits tomorrow and an e-mail address is
// sent tomorrow's schedule as a PDF, once, however many workstations look. The days are Monday 1
// and Tuesday 2 March 2027 in the organisation's zone; the PDF is read back with poppler's pdftotext.

const workDir = mkdtempSync(path.join(tmpdir(), 'schedule-mail-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
function pdfText(mail: ReceivedMail): string {
  const [attachment, ...more] = mail.parsed.attachments;
  expect(more).toEqual([]);
  expect(attachment?.contentType).toBe('application/pdf');
  const file = path.join(workDir, `${mail.messageId.replace(/[^\w]/g, '')}.pdf`);
  writeFileSync(file, attachment?.content ?? Buffer.alloc(0));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describeEachDatabase("tomorrow's schedule by e-mail", (kind) => {
  const env = useTestEnvironment();
  let clock: ManualClock;
  let database: DatabaseConfig;
  let server: TestServer;
  let other: Runtime;
  let smtp: SmtpTestServer;
  let admin: { cookie: string };
  let zone: string;
  /** Tickets booked per technician, in the order they are booked. */
  const booked: Record<'zoe' | 'dmitry' | 'ana' | 'bob', string[]> = { zoe: [], dmitry: [], ana: [], bob: [] };

  const local = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO() ?? '';
  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before).filter((m) => m.eventKey.startsWith('technician-schedule:'));
  }

  beforeAll(async () => {
    clock = manualClock('2027-03-01T09:00:00.000Z');
    database = await env.database(kind);
    server = await env.server(await env.runtime({ database, demo: 'basic', clock }));
    // A second workstation on the same database, with the same clock.
    other = await env.runtime({ database, clock });
    zone = (await defaultCalendar(server.runtime.database.db)).timeZone;
    admin = { cookie: await server.login('admin') };
    smtp = await startSmtpTestServer(env);
    valueOf(await server.call('mail.saveSettings', smtp.settings(), admin));
    const clientId = valueOf(await server.call('clients.create', { name: 'Northwind Traders' }, admin)).id;
    const technician = async (name: string, email: string | null) =>
      valueOf(
        await server.call(
          'technicians.save',
          { name, email, timeZone: zone, homeLatitude: 50.05, homeLongitude: 19.94, skills: [], certifications: [] },
          admin,
        ),
      ).id;
    const people = {
      zoe: await technician('Zoë Łukasiewicz', 'zoe@tailspin.example'),
      dmitry: await technician('Дмитрий Соколов', 'dmitry@tailspin.example'),
      // Visits tomorrow, but no address: nothing to send to.
      ana: await technician('Ana Noaddress', null),
      // An address, but nothing booked tomorrow (only the day after).
      bob: await technician('Bob Dayafter', 'bob@tailspin.example'),
    };
    const book = async (who: keyof typeof people, date: string, time: string, site: string) => {
      const siteId = valueOf(
        await server.call(
          'sites.create',
          { clientId, name: site, address: `${site} 1, Kraków`, latitude: 50.06, longitude: 19.93 },
          admin,
        ),
      ).id;
      const ticket = valueOf(
        await server.call(
          'tickets.create',
          {
            channel: 'phone',
            receivedAt: clock.now().toISOString(),
            clientId,
            siteId,
            description: `Till at ${site} does not print`,
            priority: 'high',
          },
          admin,
        ),
      );
      valueOf(
        await server.call(
          'visits.create',
          {
            ticketId: ticket.id,
            technicianId: people[who],
            startsAt: local(date, time),
            durationMinutes: 60,
            override: { reason: 'Test: no shifts set up' },
          },
          admin,
        ),
      );
      booked[who].push(ticket.number);
    };
    await book('zoe', '2027-03-02', '11:00', 'Wawel depot');
    await book('zoe', '2027-03-02', '08:30', 'Rynek office');
    await book('dmitry', '2027-03-02', '09:00', 'Nowa Huta plant');
    await book('ana', '2027-03-02', '10:00', 'Kazimierz shop');
    await book('bob', '2027-03-03', '10:00', 'Podgórze store');
    // What the bookings themselves send (the technicians' assignment notices) is out of the way.
    await server.runtime.outboxSender.drainOnce();
  });

  it('is off until an admin turns it on: no schedule goes, whatever the hour', async () => {
    expect(valueOf(await server.call('schedules.mailSettings', {}, admin))).toEqual({ enabled: false, hour: 18 });
    clock.set(local('2027-03-01', '23:00'));
    expect(await server.runtime.scheduleMailer.tick()).toEqual({ date: null, queued: 0 });
    expect(await deliver()).toEqual([]);
  });

  it("waits for the admin's hour in the organisation's zone", async () => {
    clock.set(local('2027-03-01', '16:59'));
    admin = { cookie: await server.login('admin') };
    valueOf(await server.call('schedules.saveMailSettings', { enabled: true, hour: 17 }, admin));
    expect(valueOf(await server.call('schedules.mailSettings', {}, admin))).toEqual({ enabled: true, hour: 17 });
    expect(await server.runtime.scheduleMailer.tick()).toEqual({ date: null, queued: 0 });
    expect(await deliver()).toEqual([]);
  });

  it('sends each technician with visits tomorrow and an address their own schedule as a PDF, once across two workstations', async () => {
    clock.set(local('2027-03-01', '17:00'));
    const [mine, theirs] = [server.runtime.scheduleMailer, other.scheduleMailer];
    // On PostgreSQL the two passes run at once. One process cannot hold two SQLite writers at once
    // (better-sqlite3 waits for the lock synchronously), so there the second passes right after.
    const passes =
      kind === 'postgres' ? await Promise.all([mine.tick(), theirs.tick()]) : [await mine.tick(), await theirs.tick()];
    expect(passes.map((p) => p.date)).toEqual(['2027-03-02', '2027-03-02']);
    expect(passes.reduce((sum, p) => sum + p.queued, 0)).toBe(2);

    const mails = await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual(['dmitry@tailspin.example', 'zoe@tailspin.example']);
    const zoe = mails.find((m) => m.to === 'zoe@tailspin.example');
    expect(zoe?.subject).toBe('Your schedule for Tuesday 2 March 2027');
    expect(zoe?.text).toContain('Hello Zoë,');
    // The body lists the visits in time order: the 08:30 one (booked second) first.
    expect(zoe?.text).toMatch(new RegExp(`08:30–09:30 ${booked.zoe[1]}[^]*11:00–12:00 ${booked.zoe[0]}`));
    for (const mail of mails) {
      const who = mail.to.startsWith('zoe') ? 'zoe' : 'dmitry';
      const text = pdfText(mail);
      expect(text).toContain(who === 'zoe' ? 'Zoë Łukasiewicz' : 'Дмитрий Соколов');
      expect(text).toContain('Tuesday 2 March 2027');
      for (const number of booked[who]) expect(text).toContain(number);
      for (const number of [...booked.ana, ...booked.bob, ...booked[who === 'zoe' ? 'dmitry' : 'zoe']])
        expect(text, `${number} is not on ${who}'s schedule`).not.toContain(number);
    }
  });

  it('sends nothing more that day, nor after a restart', async () => {
    clock.set(local('2027-03-01', '21:30'));
    expect((await server.runtime.scheduleMailer.tick()).queued).toBe(0);
    // A restarted workstation has no memory of its pass: the outbox's keys stop the repeat.
    const restarted = await env.runtime({ database, clock });
    expect(await restarted.scheduleMailer.tick()).toEqual({ date: '2027-03-02', queued: 0 });
    expect(await deliver()).toEqual([]);
  });

  it("mails the next day's schedule the next evening: Bob's Wednesday", async () => {
    clock.set(local('2027-03-02', '17:05'));
    expect(await server.runtime.scheduleMailer.tick()).toEqual({ date: '2027-03-03', queued: 1 });
    const [bob, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(bob?.to).toBe('bob@tailspin.example');
    expect(pdfText(bob as ReceivedMail)).toContain(booked.bob[0]);
  });
});
