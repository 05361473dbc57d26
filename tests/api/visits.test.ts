import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import type { VisitDto } from '../../shared/domain/visit';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

// Mondays in Los Angeles, where the fixture's technician works Mon and Tue 08:00–16:30; every
// test works on a day of its own.
const la = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'America/Los_Angeles' }).toUTC().toISO() ?? '';

describe('visits over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let dispatcher: { cookie: string };
  const events: DispatchEvent[] = [];
  let helperId: string;
  let ownTechnicianId: string;
  let seattleTicket: string;
  let tacomaTicket: string;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    dispatcher = { cookie: f.cookies.dispatcher };
    f.server.recordEvents(events);
    const save = async (input: ApiInput<'technicians.save'>) =>
      valueOf(await f.server.call('technicians.save', input, admin)).id;
    const shift = {
      mon: [['08:00', '16:30']],
      tue: [['08:00', '16:30']],
    } as ApiInput<'technicians.save'>['shiftPattern'];
    helperId = await save({
      name: 'Hana Helper',
      timeZone: 'America/Los_Angeles',
      shiftPattern: shift,
      skills: [],
      certifications: [],
    });
    // The fixture's technician record linked to the demo technician's login (one login, one record).
    ownTechnicianId = f.ownTechnicianId;
    const site = async (name: string, latitude: number, longitude: number) =>
      valueOf(
        await f.server.call('sites.create', { clientId: f.clientId, name, address: name, latitude, longitude }, admin),
      ).id;
    const ticket = async (siteId: string) =>
      valueOf(
        await f.server.call(
          'tickets.create',
          {
            channel: 'phone',
            receivedAt: testIso(-60_000),
            clientId: f.clientId,
            siteId,
            description: 'Scanner offline at the loading dock',
            priority: 'high',
          },
          admin,
        ),
      ).id;
    seattleTicket = await ticket(await site('Seattle warehouse', 47.61, -122.33));
    tacomaTicket = await ticket(await site('Tacoma depot', 47.25, -122.44));
  });

  const book = (input: Partial<ApiInput<'visits.create'>> & { startsAt: string }) =>
    f.server.call(
      'visits.create',
      { ticketId: f.ticketId, technicianId: f.technicianId, durationMinutes: 60, ...input },
      dispatcher,
    );

  it('books a visit with a helper, schedules the ticket, and tells the crew', async () => {
    const ticketBefore = valueOf(await f.server.call('tickets.get', { id: seattleTicket }, admin));
    events.length = 0;
    const visit = valueOf(
      await book({
        ticketId: seattleTicket,
        helperIds: [helperId],
        startsAt: la('2027-03-01', '09:00'),
        durationMinutes: 90,
        resolveFrom: la('2027-03-01', '10:00'),
        resolveBy: la('2027-03-01', '12:00'),
        pinned: true,
      }),
    );
    expect(visit).toMatchObject({
      ticketId: seattleTicket,
      technicianName: 'Terry Field',
      helperIds: [helperId],
      startsAt: '2027-03-01T17:00:00.000Z',
      endsAt: '2027-03-01T18:30:00.000Z',
      durationMinutes: 90,
      resolveBy: '2027-03-01T20:00:00.000Z',
      status: 'scheduled',
      pinned: true,
      override: null,
      version: 1,
      site: { name: 'Seattle warehouse', latitude: 47.61, longitude: -122.33 },
      checklist: { contact: { confirmed: false }, locationConfirmed: false },
    });
    expect(visit.crew.map((c) => c.role)).toEqual(['lead', 'helper']);
    const ticket = valueOf(await f.server.call('tickets.get', { id: seattleTicket }, admin));
    expect(ticket).toMatchObject({ status: 'scheduled', scheduledAt: visit.startsAt, scheduledWith: 'Terry Field' });
    expect(ticket.version).toBe(ticketBefore.version + 1);
    expect(events).toContainEqual({
      type: 'visit.changed',
      visitId: visit.id,
      ticketId: seattleTicket,
      number: ticket.number,
      change: 'booked',
      technicianIds: [f.technicianId, helperId],
    });
    expect(events).toContainEqual(expect.objectContaining({ type: 'ticket.updated', ticketId: seattleTicket }));

    // Cancelled, to leave the day free for the travel test.
    valueOf(await f.server.call('visits.cancel', { id: visit.id, expectedVersion: 1, reason: 'Test done' }, admin));
  });

  it('refuses a booking outside the shift unless the dispatcher overrides it, and keeps the reason', async () => {
    const early = { startsAt: la('2027-03-08', '07:00'), durationMinutes: 60 };
    const before = await countRows(f.server.runtime.database);
    const refused = await book(early);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: ['override'], message: "Outside Terry Field's shift (08:00–16:30)" }],
      },
    });
    expect(await countRows(f.server.runtime.database)).toEqual(before);

    const sunday = await book({ startsAt: la('2027-03-07', '10:00') });
    expect(sunday.body).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['override'], message: "Outside Terry Field's shift (no shift on Sundays)" }] },
    });

    const kept = valueOf(await book({ ...early, override: { reason: 'Client opens early for us' } }));
    expect(kept.override).toEqual({
      reason: 'Client opens early for us',
      rules: ["Outside Terry Field's shift (08:00–16:30)"],
    });
    const [listed] = valueOf(await f.server.call('visits.forTicket', { ticketId: f.ticketId }, admin)).filter(
      (v) => v.id === kept.id,
    );
    expect(listed?.override?.reason).toBe('Client opens early for us');
  });

  it('refuses a booking during time off unless overridden', async () => {
    valueOf(
      await f.server.call(
        'technicians.addAvailability',
        {
          technicianId: f.technicianId,
          kind: 'time_off',
          startsAt: la('2027-03-15', '00:00'),
          endsAt: la('2027-03-16', '00:00'),
          note: 'Dentist',
        },
        admin,
      ),
    );
    const refused = await book({ startsAt: la('2027-03-15', '10:00') });
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['override'], message: 'Terry Field has time off (Dentist)' }] },
    });
    const kept = valueOf(await book({ startsAt: la('2027-03-15', '10:00'), override: { reason: 'Agreed by phone' } }));
    expect(kept.override?.rules).toEqual(['Terry Field has time off (Dentist)']);
  });

  it('refuses a booking that leaves too little time to travel from the previous visit or to the next', async () => {
    const day = '2027-03-22';
    const seattle = valueOf(await book({ ticketId: seattleTicket, startsAt: la(day, '09:00') }));
    // Seattle to Tacoma: about 40 km as the crow flies, 53 km by the offline estimate, 85 minutes.
    const after = await book({ ticketId: tacomaTicket, startsAt: la(day, '10:15'), durationMinutes: 30 });
    const issuesOf = (reply: typeof after) => (reply.body.ok ? [] : (reply.body.error.issues ?? []));
    expect(after.status).toBe(400);
    expect(issuesOf(after).map((i) => i.path)).toEqual([['override']]);
    expect(issuesOf(after)[0]?.message).toMatch(
      new RegExp(
        `^Travel for Terry Field from the previous visit \\(${seattle.ticketNumber}, ends 10:00\\) takes 8\\d min; only 15 min between them$`,
      ),
    );
    const beforeIt = await book({ ticketId: tacomaTicket, startsAt: la(day, '08:00'), durationMinutes: 30 });
    expect(issuesOf(beforeIt).map((i) => i.path)).toEqual([['override']]);
    expect(issuesOf(beforeIt)[0]?.message).toMatch(
      new RegExp(
        `to the next visit \\(${seattle.ticketNumber}, starts 09:00\\) takes 8\\d min; only 30 min between them$`,
      ),
    );
    // Far enough apart, the same trip is fine.
    const later = valueOf(await book({ ticketId: tacomaTicket, startsAt: la(day, '12:00'), durationMinutes: 30 }));
    expect(later.override).toBeNull();
    valueOf(await f.server.call('visits.cancel', { id: seattle.id, expectedVersion: 1, reason: 'Test done' }, admin));
  });

  it('never lets an override book a technician twice', async () => {
    const first = valueOf(await book({ startsAt: la('2027-03-29', '09:00') }));
    const clash = await book({ startsAt: la('2027-03-29', '09:30'), override: { reason: 'Please' } });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['technicianId'] }] } });
    expect(clash.body.ok ? '' : clash.body.error.message).toContain(first.id);
  });

  it('reschedules and reassigns with the version it read, and answers stale (409) to an older one', async () => {
    const visit = valueOf(await book({ startsAt: la('2027-04-05', '09:00') }));
    const moved = valueOf(
      await f.server.call(
        'visits.update',
        {
          id: visit.id,
          expectedVersion: 1,
          startsAt: la('2027-04-05', '13:00'),
          durationMinutes: 120,
          technicianId: helperId,
          helperIds: [f.technicianId],
        },
        dispatcher,
      ),
    );
    expect(moved).toMatchObject({
      technicianId: helperId,
      technicianName: 'Hana Helper',
      helperIds: [f.technicianId],
      startsAt: la('2027-04-05', '13:00'),
      durationMinutes: 120,
      version: 2,
    });
    const stale = await f.server.call('visits.update', { id: visit.id, expectedVersion: 1, pinned: true }, dispatcher);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'stale' } });

    // A move past the end of the shift needs an override like a booking does.
    const late = await f.server.call(
      'visits.update',
      { id: visit.id, expectedVersion: 2, startsAt: la('2027-04-05', '16:00') },
      dispatcher,
    );
    // Both of the crew finish at 16:30: each rule is named for each of them.
    expect(late.body).toMatchObject({
      ok: false,
      error: {
        issues: [
          { path: ['override'], message: "Outside Hana Helper's shift (08:00–16:30)" },
          { path: ['override'], message: "Outside Terry Field's shift (08:00–16:30)" },
        ],
      },
    });
    const pinned = valueOf(
      await f.server.call('visits.update', { id: visit.id, expectedVersion: 2, pinned: true }, dispatcher),
    );
    expect([pinned.pinned, pinned.version, pinned.startsAt]).toEqual([true, 3, moved.startsAt]);
  });

  it('saves the coordination checklist', async () => {
    const visit = valueOf(await book({ startsAt: la('2027-04-12', '09:00') }));
    const checked = valueOf(
      await f.server.call(
        'visits.updateChecklist',
        {
          id: visit.id,
          expectedVersion: 1,
          contact: { confirmed: true, name: 'Kim Abercrombie', method: 'phone' },
          locationConfirmed: true,
          access: { badge: true, escort: true, parking: false, openingHours: true, notes: 'Escort from gate 3' },
        },
        dispatcher,
      ),
    );
    expect(checked.checklist).toEqual({
      contact: { confirmed: true, name: 'Kim Abercrombie', method: 'phone' },
      locationConfirmed: true,
      access: { badge: true, escort: true, parking: false, openingHours: true, notes: 'Escort from gate 3' },
    });
    expect(checked.version).toBe(2);
  });

  it('cancels with a reason, and refuses to change a cancelled visit', async () => {
    const visit = valueOf(await book({ startsAt: la('2027-04-19', '09:00') }));
    const cancelled = valueOf(
      await f.server.call(
        'visits.cancel',
        { id: visit.id, expectedVersion: 1, reason: 'Client on holiday' },
        dispatcher,
      ),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Client on holiday', version: 2 });
    const again = await f.server.call(
      'visits.update',
      { id: visit.id, expectedVersion: 2, startsAt: la('2027-04-19', '10:00') },
      dispatcher,
    );
    expect(again.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['id'] }] } });
  });

  it('lists the board for a period, and shows a technician only their own visits', async () => {
    const mine = valueOf(await book({ technicianId: ownTechnicianId, startsAt: la('2027-04-26', '09:00') }));
    const theirs = valueOf(await book({ startsAt: la('2027-04-26', '09:00') }));
    const range = { from: la('2027-04-26', '00:00'), to: la('2027-04-27', '00:00') };
    const ids = (visits: VisitDto[]) => visits.map((v) => v.id).sort();

    expect(ids(valueOf(await f.server.call('visits.list', range, dispatcher)))).toEqual([mine.id, theirs.id].sort());
    expect(
      ids(valueOf(await f.server.call('visits.list', { ...range, technicianIds: [f.technicianId] }, dispatcher))),
    ).toEqual([theirs.id]);
    const technician = { cookie: f.cookies.technician };
    expect(ids(valueOf(await f.server.call('visits.list', range, technician)))).toEqual([mine.id]);
    expect(
      valueOf(await f.server.call('visits.list', { ...range, technicianIds: [f.technicianId] }, technician)),
    ).toEqual([]);
  });

  it('lists the visits of a ticket, cancelled ones included, and answers not_found for an unknown ticket', async () => {
    const visits = valueOf(await f.server.call('visits.forTicket', { ticketId: seattleTicket }, admin));
    expect(visits.map((v) => v.status)).toContain('cancelled');
    expect(visits.map((v) => v.startsAt)).toEqual([...visits.map((v) => v.startsAt)].sort());
    const unknown = await f.server.call('visits.forTicket', { ticketId: randomUUID() }, admin);
    expect(unknown.status).toBe(404);
  });

  it('refuses a visit for a closed ticket or an inactive technician and writes nothing', async () => {
    const before = await countRows(f.server.runtime.database);
    const closed = await book({ ticketId: f.closedTicketId, startsAt: la('2027-05-03', '09:00') });
    expect(closed.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['ticketId'] }] },
    });
    expect(closed.body.ok ? '' : closed.body.error.message).toContain('closed');
    const retired = valueOf(
      await f.server.call(
        'technicians.save',
        { name: 'Retired Rita', skills: [], certifications: [], active: false },
        admin,
      ),
    );
    const after = await countRows(f.server.runtime.database);
    const inactive = await book({ technicianId: retired.id, startsAt: la('2027-05-03', '09:00') });
    expect(inactive.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['technicianId'], message: 'Retired Rita is inactive' }] },
    });
    expect(await countRows(f.server.runtime.database)).toEqual(after);
    expect(after.visits).toBe(before.visits);
  });
});
