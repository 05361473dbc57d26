import { beforeAll, expect, it } from 'vitest';
import type { WeeklyHours } from '../../shared/domain/sla';
import type { Runtime } from '../../electron/core/runtime';
import { setUpIntake, ticketInput, withApiToken, type IntakeFixture } from '../support/core-caller';
import { pngBase64 } from '../support/images';
import { countRows, describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';

const allDay: [string, string][] = [['00:00', '24:00']];
const aroundTheClock: WeeklyHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay };
const MINUTE = 60_000;

describeEachDatabase('closure, review and timeline in the database', (kind) => {
  const env = useTestEnvironment();
  const clock = manualClock('2030-05-01T09:00:00Z');
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
        shiftPattern: aroundTheClock,
        skills: [],
        certifications: [],
      })
    ).id;
  });

  it('closes a documented ticket with its SLA adherence, reviews it, reopens it, and tells it all in the timeline', async () => {
    const { admin } = fixture;
    const earlier = await admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2030-04-01T08:00:00Z' }));
    const ticket = await admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2030-05-01T08:00:00Z' }));
    const visit = await admin.call('visits.create', {
      ticketId: ticket.id,
      technicianId,
      startsAt: '2030-05-01T10:00:00Z',
      durationMinutes: 60,
    });
    const before = await admin.call('tickets.closureCheck', { ticketId: ticket.id });
    expect(before.requirements.filter((r) => !r.met).map((r) => r.key)).toEqual([
      'steps',
      'parts',
      'resolution',
      'visits_settled',
    ]);

    // The crew's day as the admin relays it, each write at an instant of its own (as it is outside a
    // test with a stopped clock): on site 25 minutes before the due time, done 50 minutes later.
    const due = Date.parse(ticket.slaDueAt ?? '');
    clock.set(new Date(due - 25 * MINUTE).toISOString());
    const onSite = await admin.call('visits.setStatus', {
      id: visit.id,
      expectedVersion: visit.version,
      status: 'on_site',
    });
    clock.advance(50 * MINUTE);
    await admin.call('visits.setStatus', { id: visit.id, expectedVersion: onSite.version, status: 'completed' });
    clock.advance(MINUTE);
    await admin.call('parts.save', { sku: 'LC-48', name: 'Line card 48 ports', unit: 'each' });
    await admin.call('workLogs.save', {
      visitId: visit.id,
      expectedVersion: 0,
      actions: 'Replaced the line card',
      steps: [],
      parts: [{ sku: 'LC-48', quantity: 1 }],
      noParts: false,
      outcome: 'resolved',
    });
    clock.advance(MINUTE);
    await admin.call('signOffs.record', {
      visitId: visit.id,
      kind: 'signed',
      signerName: 'Maria Anders',
      signerRole: 'Office manager',
      signaturePngBase64: pngBase64(48),
      resolutionConfirmed: true,
    });
    expect((await admin.call('tickets.closureCheck', { ticketId: ticket.id })).ready).toBe(true);

    clock.advance(MINUTE);
    const current = await admin.call('tickets.get', { id: ticket.id });
    const stale = await admin.invoke('tickets.close', { ticketId: ticket.id, expectedVersion: current.version - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
    const closed = await admin.call('tickets.close', { ticketId: ticket.id, expectedVersion: current.version });
    expect(closed.closure).toMatchObject({ slaOutcome: 'met', slaMinutes: 25, closedAt: clock.now().toISOString() });
    expect((await admin.call('reviews.pending', {})).map((p) => p.ticketId)).toEqual([ticket.id]);

    clock.advance(MINUTE);
    await admin.call('reviews.record', { ticketId: ticket.id, note: 'Good', tags: ['other'], sopFollowed: true });
    const rows = await countRows(runtime.database);
    expect(
      await admin.invoke('reviews.record', { ticketId: ticket.id, note: 'Again', tags: [], sopFollowed: true }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await countRows(runtime.database)).toEqual(rows);
    expect((await admin.call('reviews.completed', {})).map((c) => c.review.note)).toEqual(['Good']);

    clock.advance(MINUTE);
    const later = await admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2030-05-01T09:01:00Z' }));
    await admin.call('tickets.link', { ticketId: later.id, earlierTicketId: ticket.id });
    await admin.call('tickets.link', { ticketId: ticket.id, earlierTicketId: earlier.id });
    expect((await admin.call('tickets.get', { id: ticket.id })).links.map((l) => [l.number, l.direction])).toEqual([
      [earlier.number, 'earlier'],
      [later.number, 'later'],
    ]);

    clock.advance(MINUTE);
    const reopened = await admin.call('tickets.reopen', { ticketId: ticket.id, reason: 'Port flapping again' });
    expect(reopened).toMatchObject({ status: 'new', closedAt: null, closure: { reopenReason: 'Port flapping again' } });
    expect(await admin.call('reviews.pending', {})).toEqual([]);

    const timeline = await admin.call('tickets.timeline', { ticketId: ticket.id });
    expect(timeline.map((e) => e.kind)).toEqual([
      'logged',
      'visit_booked',
      'status',
      // The booking confirmation to the client and the technician's notice.
      'message',
      'message',
      'visit_status',
      'status',
      'visit_status',
      // The completion summary, queued when the last open visit completed.
      'message',
      'work_log',
      'sign_off',
      'closed',
      // The feedback request the closing queued.
      'message',
      'reviewed',
      'linked',
      'linked',
      'reopened',
    ]);
    expect(timeline.at(-1)).toMatchObject({ title: 'Reopened', detail: 'Port flapping again', by: 'Ada Admin' });
  });
});
