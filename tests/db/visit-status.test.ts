import { beforeAll, expect, it } from 'vitest';
import type { WeeklyHours } from '../../shared/domain/sla';
import { defaultTravelSettings } from '../../shared/domain/travel';
import type { Runtime } from '../../electron/core/runtime';
import { offlineLeg } from '../../electron/core/services/travel/offline-travel';
import { setUpIntake, ticketInput, withApiToken, type IntakeFixture } from '../support/core-caller';
import { describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';

const allDay: [string, string][] = [['00:00', '24:00']];
const aroundTheClock: WeeklyHours = {
  mon: allDay,
  tue: allDay,
  wed: allDay,
  thu: allDay,
  fri: allDay,
  sat: allDay,
  sun: allDay,
};
const HOME = { lat: 40.7128, lng: -74.006 };

describeEachDatabase('visit status in the database', (kind) => {
  const env = useTestEnvironment();
  const clock = manualClock('2030-05-06T13:00:00Z');
  let runtime: Runtime;
  let fixture: IntakeFixture;
  let technicianId: string;

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind), clock });
    const intake = await setUpIntake(runtime);
    fixture = { ...intake, admin: await withApiToken(runtime, intake.admin) };
    technicianId = (
      await fixture.admin.call('technicians.save', {
        name: 'Dana Scully',
        timeZone: 'America/New_York',
        homeLatitude: HOME.lat,
        homeLongitude: HOME.lng,
        shiftPattern: aroundTheClock,
        skills: [],
        certifications: [],
      })
    ).id;
  });

  it('walks a visit through the day, stamps the first arrival and frees the rest of the booked time', async () => {
    const { admin } = fixture;
    const ticket = await admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2030-05-06T12:30:00Z' }));
    const visit = await admin.call('visits.create', {
      ticketId: ticket.id,
      technicianId,
      startsAt: '2030-05-06T13:00:00Z',
      durationMinutes: 120,
    });

    clock.set('2030-05-06T13:10:00Z');
    const enRoute = await admin.call('visits.setStatus', { id: visit.id, expectedVersion: 1, status: 'en_route' });
    const minutes = Math.ceil(offlineLeg(HOME, { lat: 40.7484, lng: -73.9857 }, defaultTravelSettings).minutes);
    expect(enRoute.progress.etaAt).toBe(new Date(Date.parse('2030-05-06T13:10:00Z') + minutes * 60_000).toISOString());
    expect(enRoute.statusHistory).toMatchObject([{ toStatus: 'en_route', onBehalf: true }]);

    clock.set('2030-05-06T13:30:00Z');
    await admin.call('visits.setStatus', { id: visit.id, expectedVersion: 2, status: 'on_site' });
    expect((await admin.call('tickets.get', { id: ticket.id })).firstArrivalAt).toBe('2030-05-06T13:30:00.000Z');
    const dana = (await admin.call('technicians.list', {})).find((t) => t.id === technicianId);
    expect(dana?.lastPosition).toMatchObject({
      latitude: 40.7484,
      longitude: -73.9857,
      at: '2030-05-06T13:30:00.000Z',
    });

    clock.set('2030-05-06T14:00:00Z');
    const done = await admin.call('visits.setStatus', { id: visit.id, expectedVersion: 3, status: 'completed' });
    expect(done).toMatchObject({ status: 'completed', endsAt: '2030-05-06T15:00:00.000Z' });
    const crew = await runtime.database.db
      .selectFrom('visit_crew')
      .select(['ends_at', 'active'])
      .where('visit_id', '=', visit.id)
      .executeTakeFirstOrThrow();
    expect(crew).toMatchObject({ ends_at: '2030-05-06T14:00:00.000Z', active: 1 });
    // The freed hour can be booked: the database's no-overlap rule agrees.
    const next = await admin.invoke('visits.create', {
      ticketId: ticket.id,
      technicianId,
      startsAt: '2030-05-06T14:00:00Z',
      durationMinutes: 60,
    });
    expect(next).toMatchObject({ ok: true });
  });

  it('lets exactly one of two simultaneous status changes of the same version through', async () => {
    const { admin } = fixture;
    const ticket = await admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2030-05-06T12:30:00Z' }));
    const visit = await admin.call('visits.create', {
      ticketId: ticket.id,
      technicianId,
      startsAt: '2030-05-07T13:00:00Z',
      durationMinutes: 60,
    });
    const results = await Promise.all([
      admin.invoke('visits.setStatus', { id: visit.id, expectedVersion: 1, status: 'on_site' }),
      admin.invoke('visits.setStatus', { id: visit.id, expectedVersion: 1, status: 'en_route' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'stale' } });
    const history = await runtime.database.db
      .selectFrom('visit_status_changes')
      .select('id')
      .where('visit_id', '=', visit.id)
      .execute();
    expect(history).toHaveLength(1);
  });
});
