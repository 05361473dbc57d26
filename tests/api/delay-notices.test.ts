import { beforeAll, expect, it } from 'vitest';
import { defaultTravelSettings, offlineTripMinutes } from '../../shared/domain/travel';
import type { VisitDto } from '../../shared/domain/visit';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import {
  describeEachDatabase,
  manualClock,
  useTestEnvironment,
  valueOf,
  type ManualClock,
  type TestServer,
} from '../support/test-runtime';

// Issue 14 §4.6: a visit overruns, the next visit's projected arrival slips past its start by
// more than the grace, and the client hears the new ETA once; again only when it slips further
// by the grace. New York, Monday 11 January 2027 (EST, UTC−5).

const MINUTE = 60_000;
const siteA = { latitude: 40.7128, longitude: -74.006 };
const siteB = { latitude: 40.7831, longitude: -73.9712 };
// The offline travel model's trip between the two sites, as the projection counts it (whole minutes).
const travel = Math.ceil(
  offlineTripMinutes(
    { lat: siteA.latitude, lng: siteA.longitude },
    { lat: siteB.latitude, lng: siteB.longitude },
    defaultTravelSettings,
  ),
);
const contactMail = 'ann@northwind.example';

describeEachDatabase('delay notices', (kind) => {
  const env = useTestEnvironment();
  let clock: ManualClock;
  let server: TestServer;
  let smtp: SmtpTestServer;
  let admin: { cookie: string };
  let technicianId: string;
  let first: VisitDto;
  let second: VisitDto;
  let database: DatabaseConfig;
  let clientId: string;
  let contactId: string;
  let siteAId: string;

  async function book(siteId: string, startsAt: string): Promise<VisitDto> {
    const ticket = valueOf(
      await server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: '2027-01-11T12:00:00.000Z',
          clientId,
          contactId,
          siteId,
          description: 'Till offline',
          priority: 'high',
        },
        admin,
      ),
    );
    return valueOf(
      await server.call(
        'visits.create',
        {
          ticketId: ticket.id,
          technicianId,
          helperIds: [],
          startsAt,
          durationMinutes: 60,
          override: { reason: 'Test: no shifts set up' },
        },
        admin,
      ),
    );
  }

  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before);
  }
  const delayMails = (mails: ReceivedMail[]) => mails.filter((m) => m.subject.startsWith('Running late'));
  async function visit(id: string): Promise<VisitDto> {
    const visits = valueOf(
      await server.call(
        'visits.list',
        { from: '2027-01-11T00:00:00Z', to: '2027-01-12T12:00:00Z', includeCancelled: true },
        admin,
      ),
    );
    const found = visits.find((v) => v.id === id);
    if (!found) throw new Error(`visit ${id} not listed`);
    return found;
  }

  beforeAll(async () => {
    clock = manualClock('2027-01-11T13:00:00.000Z');
    database = await env.database(kind);
    const runtime = await env.runtime({ database, demo: 'basic', clock });
    server = await env.server(runtime);
    admin = { cookie: await server.login('admin') };
    smtp = await startSmtpTestServer(env);
    valueOf(await server.call('mail.saveSettings', smtp.settings(), admin));
    clientId = valueOf(await server.call('clients.create', { name: 'Northwind Traders' }, admin)).id;
    contactId = valueOf(
      await server.call('contacts.create', { clientId, name: 'Ann Dodsworth', email: contactMail }, admin),
    ).id;
    const site = async (name: string, at: typeof siteA) =>
      valueOf(
        await server.call(
          'sites.create',
          { clientId, name, address: `${name}, New York`, timeZone: 'America/New_York', ...at },
          admin,
        ),
      ).id;
    siteAId = await site('Downtown office', siteA);
    const siteBId = await site('Uptown store', siteB);
    technicianId = valueOf(
      await server.call(
        'technicians.save',
        { name: 'Terry Adams', timeZone: 'America/New_York', skills: [], certifications: [] },
        admin,
      ),
    ).id;
    // 09:00–10:00 and 10:30–11:30 EST.
    first = await book(siteAId, '2027-01-11T14:00:00.000Z');
    second = await book(siteBId, '2027-01-11T15:30:00.000Z');
    await deliver();
  });

  it('projects the day as planned while it runs to plan, and sends nothing', async () => {
    expect(travel).toBeGreaterThan(10);
    expect(await visit(second.id)).toMatchObject({
      projectedArrivalAt: '2027-01-11T15:30:00.000Z',
      projectedLateMinutes: 0,
    });
    clock.set('2027-01-11T14:00:00.000Z');
    first = valueOf(
      await server.call('visits.setStatus', { id: first.id, expectedVersion: first.version, status: 'on_site' }, admin),
    );
    expect(first.projectedArrivalAt).toBeNull();
    expect(await server.runtime.delayWatcher.tick()).toBe(0);
    expect(delayMails(await deliver())).toEqual([]);
  });

  it('sends exactly one delay notice with the new ETA once the overrun pushes the next visit past the grace', async () => {
    // The first visit is still open half an hour past its planned end: it is assumed to end in
    // 5 minutes, and the crew then drives to the second site.
    clock.set('2027-01-11T15:30:00.000Z');
    const expected = new Date(Date.parse('2027-01-11T15:35:00.000Z') + travel * MINUTE);
    expect(await server.runtime.delayWatcher.tick()).toBe(1);
    expect(await server.runtime.delayWatcher.tick()).toBe(0);
    const late = await visit(second.id);
    expect(late.projectedArrivalAt).toBe(expected.toISOString());
    expect(late.projectedLateMinutes).toBe(5 + travel);

    const mails = delayMails(await deliver());
    expect(mails).toHaveLength(1);
    const eta = `${String(expected.getUTCHours() - 5).padStart(2, '0')}:${String(expected.getUTCMinutes()).padStart(2, '0')} EST`;
    expect(mails[0]).toMatchObject({
      to: contactMail,
      subject: `Running late for ${second.ticketNumber}: new arrival time ${eta}`,
    });
    expect(mails[0]?.text).toContain(`Now expected at: ${eta}`);
    expect(mails[0]?.text).toContain('Booked for: Mon 11 Jan 2027, 10:30–11:30 EST');
  });

  it('sends none for a further slip smaller than the grace, and another when it slips by the grace again', async () => {
    clock.advance(14 * MINUTE);
    expect(await server.runtime.delayWatcher.tick()).toBe(0);
    expect(delayMails(await deliver())).toEqual([]);
    expect((await visit(second.id)).projectedLateMinutes).toBe(5 + travel + 14);

    clock.advance(1 * MINUTE);
    expect(await server.runtime.delayWatcher.tick()).toBe(1);
    const mails = delayMails(await deliver());
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(second.ticketNumber);
  });

  it('queues one notice when two workstations tick the same slip at once', async () => {
    const other = await env.runtime({ database, clock });
    clock.advance(15 * MINUTE);
    const watchers = [server.runtime.delayWatcher, other.delayWatcher];
    // On PostgreSQL the two ticks run at once. One process cannot hold two SQLite writers at once
    // (better-sqlite3 waits for the lock synchronously, stalling the other), so there the second
    // workstation ticks right after the first, as it would when it finds the lock taken.
    const decided =
      kind === 'postgres'
        ? await Promise.all(watchers.map((w) => w.tick()))
        : [await server.runtime.delayWatcher.tick(), await other.delayWatcher.tick()];
    expect(decided.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(1);
    expect(delayMails(await deliver())).toHaveLength(1);
  });

  it('follows the ETA the crew gives when they set off', async () => {
    clock.set('2027-01-11T16:45:00.000Z');
    first = valueOf(
      await server.call(
        'visits.setStatus',
        { id: first.id, expectedVersion: first.version, status: 'completed' },
        admin,
      ),
    );
    const waiting = await visit(second.id);
    // Done at 11:45 EST: the crew is expected after the drive.
    expect(waiting.projectedArrivalAt).toBe(
      new Date(Date.parse('2027-01-11T16:45:00.000Z') + travel * MINUTE).toISOString(),
    );
    second = valueOf(
      await server.call(
        'visits.setStatus',
        { id: second.id, expectedVersion: waiting.version, status: 'en_route', etaAt: '2027-01-11T17:20:00.000Z' },
        admin,
      ),
    );
    expect(second).toMatchObject({ projectedArrivalAt: '2027-01-11T17:20:00.000Z', projectedLateMinutes: 110 });
  });

  it('projects a moved visit from its new place in the day, and drops the projection of a cancelled one', async () => {
    // 15:00 EST, after the second visit: on time.
    let third = await book(siteAId, '2027-01-11T20:00:00.000Z');
    expect(third).toMatchObject({ projectedArrivalAt: '2027-01-11T20:00:00.000Z', projectedLateMinutes: 0 });
    // Moved to 12:00 EST, right behind the second visit (12:20 + 60 min + the drive back).
    third = valueOf(
      await server.call(
        'visits.update',
        { id: third.id, expectedVersion: third.version, startsAt: '2027-01-11T17:00:00.000Z' },
        admin,
      ),
    );
    const arrival = Date.parse('2027-01-11T18:20:00.000Z') + travel * MINUTE;
    expect(third.projectedArrivalAt).toBe(new Date(arrival).toISOString());
    expect(third.projectedLateMinutes).toBe(80 + travel);
    // Moved to tomorrow: not part of today's projection.
    third = valueOf(
      await server.call(
        'visits.update',
        { id: third.id, expectedVersion: third.version, startsAt: '2027-01-12T15:00:00.000Z' },
        admin,
      ),
    );
    expect(third).toMatchObject({ projectedArrivalAt: null, projectedLateMinutes: null });
    third = valueOf(
      await server.call(
        'visits.update',
        { id: third.id, expectedVersion: third.version, startsAt: '2027-01-11T20:00:00.000Z' },
        admin,
      ),
    );
    expect(third.projectedArrivalAt).toBe('2027-01-11T20:00:00.000Z');
    third = valueOf(
      await server.call(
        'visits.cancel',
        { id: third.id, expectedVersion: third.version, reason: 'Client closed' },
        admin,
      ),
    );
    expect(third).toMatchObject({ status: 'cancelled', projectedArrivalAt: null, projectedLateMinutes: null });
    const stored = await server.runtime.database.db
      .selectFrom('visit_projections')
      .select('projected_arrival_at')
      .where('visit_id', '=', third.id)
      .executeTakeFirstOrThrow();
    expect(stored.projected_arrival_at).toBeNull();
  });
});
