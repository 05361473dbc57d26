import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import { openStatuses } from '../../shared/domain/ticket';
import { defaultTravelSettings } from '../../shared/domain/travel';
import type { VisitDto } from '../../shared/domain/visit';
import { findDueForEscalation } from '../../electron/core/repositories/escalation.repository';
import { offlineLeg } from '../../electron/core/services/travel/offline-travel';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf, type Reply } from '../support/test-runtime';
import { testIso, testNowMs } from '../support/test-clock';

const MINUTE = 60_000;
const HOME = { lat: 47.61, lng: -122.33 };
const SITE = { lat: 47.66, lng: -122.3 };
const la = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'America/Los_Angeles' }).toUTC().toISO() ?? '';
const ago = (minutes: number) => testIso(-minutes * MINUTE);

describe('visit status and the technician day over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let dispatcher: { cookie: string };
  let technician: { cookie: string };
  let desk: { cookie: string };
  let siteId: string;
  let bareSiteId: string;
  const events: DispatchEvent[] = [];
  // Each booking takes an hour of its own, so the test's visits never clash.
  let slot = 0;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    dispatcher = { cookie: f.cookies.dispatcher };
    technician = { cookie: f.cookies.technician };
    desk = { cookie: f.cookies.support_desk };
    f.server.recordEvents(events);
    const users = valueOf(await f.server.call('users.list', {}, admin));
    valueOf(
      await f.server.call(
        'technicians.save',
        {
          id: f.ownTechnicianId,
          name: 'Toni Field',
          userId: users.find((u) => u.username === 'technician')?.id ?? null,
          timeZone: 'America/Los_Angeles',
          homeLatitude: HOME.lat,
          homeLongitude: HOME.lng,
          skills: [],
          certifications: [],
        },
        admin,
      ),
    );
    const site = (name: string, coordinates: boolean) =>
      f.server.call(
        'sites.create',
        {
          clientId: f.clientId,
          name,
          address: `${name}, 4 Lake Ave`,
          accessRequirements: 'Badge at the gatehouse; escort to the server room',
          ...(coordinates ? { latitude: SITE.lat, longitude: SITE.lng } : {}),
        },
        admin,
      );
    siteId = valueOf(await site('North plant', true)).id;
    bareSiteId = valueOf(await site('Unmapped annex', false)).id;
  });

  async function ticket(change: Partial<ApiInput<'tickets.create'>> = {}) {
    return valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: ago(60),
          clientId: f.clientId,
          contactId: f.contactId,
          siteId,
          description: 'Label printer on line 3 prints blank labels',
          priority: 'medium',
          ...change,
        },
        admin,
      ),
    );
  }

  async function book(ticketId: string, change: Partial<ApiInput<'visits.create'>> = {}): Promise<VisitDto> {
    return valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId,
          technicianId: f.ownTechnicianId,
          startsAt: new Date(Date.parse('2027-07-01T00:00:00Z') + ++slot * 3 * 60 * MINUTE).toISOString(),
          durationMinutes: 60,
          override: { reason: 'Test booking outside any shift' },
          ...change,
        },
        dispatcher,
      ),
    );
  }

  const setStatus = (input: ApiInput<'visits.setStatus'>, auth: { cookie: string } = technician) =>
    f.server.call('visits.setStatus', input, auth);

  /** Calls and checks that nothing was written and the refusal names `path`. */
  async function refused(reply: Promise<Reply<unknown>>, code: string, path?: string) {
    const before = await countRows(f.server.runtime.database);
    const answer = await reply;
    expect(answer.body).toMatchObject({ ok: false, error: { code } });
    if (path && !answer.body.ok) expect(answer.body.error.issues?.map((i) => i.path)).toContainEqual([path]);
    expect(await countRows(f.server.runtime.database), 'rows after the refusal').toEqual(before);
    return answer;
  }

  it('walks a visit en route (ETA from the travel model), on site and completed, and the ticket follows', async () => {
    const t = await ticket({ receivedAt: ago(90) });
    const visit = await book(t.id);
    events.length = 0;

    const setOff = ago(20);
    const enRoute = valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'en_route', at: setOff }));
    const leg = offlineLeg(HOME, SITE, defaultTravelSettings);
    const expectedEta = new Date(Date.parse(setOff) + Math.ceil(leg.minutes) * MINUTE).toISOString();
    expect(enRoute).toMatchObject({
      status: 'en_route',
      version: 2,
      progress: { enRouteAt: setOff, etaAt: expectedEta, arrivedAt: null },
    });
    expect(enRoute.statusHistory).toMatchObject([
      { fromStatus: 'scheduled', toStatus: 'en_route', at: setOff, etaAt: expectedEta, onBehalf: false },
    ]);
    expect(enRoute.statusHistory[0]?.recordedBy.name).toBe('Toni Technician');
    expect(valueOf(await f.server.call('tickets.get', { id: t.id }, admin))).toMatchObject({
      status: 'in_progress',
      firstArrivalAt: null,
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'visit.changed',
        visitId: visit.id,
        change: 'status',
        technicianIds: [f.ownTechnicianId],
      }),
    );
    expect(events).toContainEqual(expect.objectContaining({ type: 'ticket.updated', ticketId: t.id }));

    const arrived = ago(5);
    const onSite = valueOf(
      await setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site', at: arrived, note: 'Met the shift lead' }),
    );
    expect(onSite).toMatchObject({ status: 'on_site', progress: { arrivedAt: arrived, note: 'Met the shift lead' } });
    expect(valueOf(await f.server.call('tickets.get', { id: t.id }, admin)).firstArrivalAt).toBe(arrived);
    const toni = valueOf(await f.server.call('technicians.list', {}, admin)).find((x) => x.id === f.ownTechnicianId);
    expect(toni?.lastPosition).toMatchObject({ latitude: SITE.lat, longitude: SITE.lng, at: arrived });

    const done = valueOf(await setStatus({ id: visit.id, expectedVersion: 3, status: 'completed' }));
    expect(done).toMatchObject({ status: 'completed', version: 4, startsAt: visit.startsAt, endsAt: visit.endsAt });
    expect(done.progress.finishedAt).not.toBeNull();
    expect(done.statusHistory.map((c) => c.toStatus)).toEqual(['en_route', 'on_site', 'completed']);
    // Completing is not resolving: the closure gate decides that.
    expect(valueOf(await f.server.call('tickets.get', { id: t.id }, admin)).status).toBe('in_progress');
  });

  it('lets a crew arrive without having set off, and refuses every other jump, writing nothing', async () => {
    const visit = await book((await ticket()).id);
    await refused(setStatus({ id: visit.id, expectedVersion: 1, status: 'completed' }), 'invalid_input', 'status');
    await refused(
      setStatus({ id: visit.id, expectedVersion: 1, status: 'incomplete', reason: 'needs_parts' }),
      'invalid_input',
      'status',
    );
    valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'on_site' }));
    await refused(setStatus({ id: visit.id, expectedVersion: 2, status: 'en_route' }), 'invalid_input', 'status');
    await refused(setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site' }), 'invalid_input', 'status');
    valueOf(await setStatus({ id: visit.id, expectedVersion: 2, status: 'completed' }));
    for (const status of ['en_route', 'on_site', 'completed'] as const) {
      await refused(setStatus({ id: visit.id, expectedVersion: 3, status }), 'invalid_input', 'status');
    }

    const cancelled = await book((await ticket()).id);
    valueOf(
      await f.server.call(
        'visits.cancel',
        { id: cancelled.id, expectedVersion: 1, reason: 'Client closed' },
        dispatcher,
      ),
    );
    await refused(setStatus({ id: cancelled.id, expectedVersion: 2, status: 'en_route' }), 'invalid_input', 'status');
  });

  it("refuses a technician on someone else's visit and the support desk, writing nothing", async () => {
    const t = await ticket();
    const theirs = valueOf(
      await f.server.call(
        'visits.create',
        { ticketId: t.id, technicianId: f.technicianId, startsAt: '2027-08-02T16:00:00Z', durationMinutes: 60 },
        dispatcher,
      ),
    );
    await refused(setStatus({ id: theirs.id, expectedVersion: 1, status: 'on_site' }), 'forbidden');
    await refused(setStatus({ id: theirs.id, expectedVersion: 1, status: 'on_site' }, desk), 'forbidden');
    await refused(f.server.call('visits.myDay', { technicianId: f.technicianId }, technician), 'forbidden');
    await refused(f.server.call('visits.myDay', {}, desk), 'forbidden');

    // On the crew as a helper is on the crew.
    const helped = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: t.id,
          technicianId: f.technicianId,
          helperIds: [f.ownTechnicianId],
          startsAt: '2027-08-03T16:00:00Z',
          durationMinutes: 60,
          override: { reason: 'Helper has no shift on file' },
        },
        dispatcher,
      ),
    );
    const arrived = valueOf(await setStatus({ id: helped.id, expectedVersion: 1, status: 'on_site' }));
    expect(arrived.statusHistory[0]).toMatchObject({ onBehalf: false });
  });

  it("records a dispatcher's change as on behalf of the crew, with the time from the phone call", async () => {
    const visit = await book((await ticket()).id);
    const called = ago(15);
    const eta = ago(-25);
    const enRoute = valueOf(
      await setStatus({ id: visit.id, expectedVersion: 1, status: 'en_route', at: called, etaAt: eta }, dispatcher),
    );
    expect(enRoute.progress).toMatchObject({ enRouteAt: called, etaAt: eta });
    expect(enRoute.statusHistory[0]).toMatchObject({ onBehalf: true, recordedBy: { name: 'Dev Dispatcher' } });
    const own = valueOf(await setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site' }));
    expect(own.statusHistory.map((c) => c.onBehalf)).toEqual([true, false]);
  });

  it('answers stale for an old version, and refuses times in the future, before the previous change, or an ETA before setting off', async () => {
    const visit = await book((await ticket({ receivedAt: ago(120) })).id);
    valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'en_route', at: ago(30), etaAt: ago(-10) }));
    const stale = await refused(setStatus({ id: visit.id, expectedVersion: 1, status: 'on_site' }), 'stale');
    expect(stale.status).toBe(409);
    await refused(
      setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site', at: ago(-10) }),
      'invalid_input',
      'at',
    );
    await refused(
      setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site', at: ago(31) }),
      'invalid_input',
      'at',
    );
    const other = await book((await ticket({ receivedAt: ago(120) })).id);
    await refused(
      setStatus({ id: other.id, expectedVersion: 1, status: 'en_route', at: ago(10), etaAt: ago(11) }),
      'invalid_input',
      'etaAt',
    );
    await refused(
      setStatus({ id: other.id, expectedVersion: 1, status: 'en_route', at: ago(180) }),
      'invalid_input',
      'at',
    );
    // A clock a little ahead of the server's is tolerated.
    valueOf(await setStatus({ id: visit.id, expectedVersion: 2, status: 'on_site', at: ago(-2) }));
  });

  it('refuses an incomplete visit without a reason; with one it puts the ticket on hold and frees the crew', async () => {
    const t = await ticket();
    // Under way now: began 30 minutes ago, booked until 50 minutes from now.
    const visit = await book(t.id, { startsAt: ago(30), durationMinutes: 80 });
    valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'on_site', at: ago(25) }));
    await refused(
      f.server.call('visits.setStatus', { id: visit.id, expectedVersion: 2, status: 'incomplete' }, technician),
      'invalid_input',
      'reason',
    );
    const ended = valueOf(
      await setStatus({
        id: visit.id,
        expectedVersion: 2,
        status: 'incomplete',
        reason: 'needs_parts',
        note: 'Print head cracked; ordered PH-220',
      }),
    );
    expect(ended).toMatchObject({
      status: 'incomplete',
      progress: { incompleteReason: 'needs_parts', note: 'Print head cracked; ordered PH-220' },
      endsAt: visit.endsAt,
    });
    expect(valueOf(await f.server.call('tickets.get', { id: t.id }, admin)).status).toBe('on_hold');
    // The rest of the booked time is free again: another visit fits in it.
    const next = await f.server.call(
      'visits.create',
      {
        ticketId: (await ticket()).id,
        technicianId: f.ownTechnicianId,
        startsAt: ago(-15),
        durationMinutes: 30,
        override: { reason: 'Test booking outside any shift' },
      },
      dispatcher,
    );
    expect(next.body, JSON.stringify(next.body)).toMatchObject({ ok: true });
  });

  it('raises a level-1 escalation for the service manager when a visit ends escalated', async () => {
    const t = await ticket();
    const visit = await book(t.id);
    valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'on_site' }));
    valueOf(
      await setStatus({
        id: visit.id,
        expectedVersion: 2,
        status: 'incomplete',
        reason: 'escalated',
        note: 'Client refuses access to the cabinet',
      }),
    );
    const escalations = valueOf(await f.server.call('escalations.list', { open: true, ticketId: t.id }, admin));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ level: 1, kind: 'manual', createdBy: 'Toni Technician' });
    expect(escalations[0]?.reason).toMatch(/Client refuses access to the cabinet/);
    expect(events).toContainEqual(expect.objectContaining({ type: 'escalation.created', ticketId: t.id }));
  });

  it('records the first arrival once, stops the SLA watcher, and shows the SLA met or missed', async () => {
    // Received three days ago as critical: long overdue.
    const late = await ticket({ receivedAt: ago(3 * 1440), priority: 'critical' });
    const db = f.server.runtime.database.db;
    const due = () => findDueForEscalation(db, 'breached', testIso(), openStatuses);
    expect((await due()).map((d) => d.id)).toContain(late.id);
    const first = await book(late.id);
    const second = await book(late.id);
    const arrived = ago(10);
    valueOf(await setStatus({ id: first.id, expectedVersion: 1, status: 'on_site', at: arrived }));
    valueOf(await setStatus({ id: second.id, expectedVersion: 1, status: 'on_site', at: ago(5) }, dispatcher));
    const missed = valueOf(await f.server.call('tickets.get', { id: late.id }, admin));
    expect(missed.firstArrivalAt).toBe(arrived);
    expect(Date.parse(missed.firstArrivalAt ?? '')).toBeGreaterThan(Date.parse(missed.slaDueAt ?? ''));
    expect((await due()).map((d) => d.id)).not.toContain(late.id);

    const timely = await ticket({ priority: 'low' });
    const visit = await book(timely.id);
    valueOf(await setStatus({ id: visit.id, expectedVersion: 1, status: 'on_site' }));
    const met = valueOf(await f.server.call('tickets.get', { id: timely.id }, admin));
    expect(Date.parse(met.firstArrivalAt ?? '')).toBeLessThanOrEqual(Date.parse(met.slaDueAt ?? ''));
  });

  it("shows a technician their day in order with what they need, and a dispatcher anyone's", async () => {
    // Toni arrives somewhere mapped now: that fresh position, not home, is where the day's trips start.
    valueOf(await setStatus({ id: (await book((await ticket()).id)).id, expectedVersion: 1, status: 'on_site' }));
    const date = '2027-09-06';
    const t1 = await ticket({ description: 'Second job of the day' });
    const t2 = await ticket({ description: 'First job of the day', siteId: bareSiteId });
    const later = await book(t1.id, { startsAt: la(date, '13:00') });
    const earlier = await book(t2.id, { startsAt: la(date, '09:00') });
    const day = valueOf(await f.server.call('visits.myDay', { date }, technician));
    expect(day.technician).toMatchObject({
      id: f.ownTechnicianId,
      name: 'Toni Field',
      timeZone: 'America/Los_Angeles',
    });
    expect(day.visits.map((v) => v.id)).toEqual([earlier.id, later.id]);
    const [first, second] = day.visits;
    expect(first).toMatchObject({
      description: 'First job of the day',
      contact: { name: 'Kim Abercrombie', phone: '206-555-0112' },
      siteAccessRequirements: 'Badge at the gatehouse; escort to the server room',
      // No coordinates for the annex: the planned start stands in.
      suggestedEtaAt: earlier.startsAt,
      travelMinutes: null,
    });
    // The annex has no coordinates, so the trip starts where Toni is: at the plant already, a
    // minute away (an arrival is always after setting off).
    expect(second?.travelMinutes).toBe(1);
    expect(Date.parse(second?.suggestedEtaAt ?? '') - testNowMs()).toBeLessThanOrEqual(MINUTE);

    const asDispatcher = valueOf(
      await f.server.call('visits.myDay', { date, technicianId: f.ownTechnicianId }, dispatcher),
    );
    expect(asDispatcher.visits.map((v) => v.id)).toEqual([earlier.id, later.id]);
    const nobody = valueOf(await f.server.call('visits.myDay', {}, dispatcher));
    expect(nobody).toMatchObject({ technician: null, visits: [] });
    const today = valueOf(await f.server.call('visits.myDay', {}, technician));
    expect(today.date).toBe(DateTime.fromMillis(testNowMs(), { zone: 'America/Los_Angeles' }).toISODate());
  });
});
