import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH, testIso, testNowMs } from '../support/test-clock';

// Monday 2027-01-11 in Los Angeles: nothing else in the fixture is booked that day.
const DAY = '2027-01-11';
const la = (time: string) => DateTime.fromISO(`${DAY}T${time}`, { zone: 'America/Los_Angeles' }).toUTC().toISO() ?? '';

describe('dispatch engine over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let dispatcher: { cookie: string };
  let expert: string;
  let novice: string;
  let networkTicket: string;
  const events: DispatchEvent[] = [];

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    dispatcher = { cookie: f.cookies.dispatcher };
    f.server.recordEvents(events);
    const save = async (input: Partial<ApiInput<'technicians.save'>> & { name: string }) =>
      valueOf(
        await f.server.call(
          'technicians.save',
          {
            timeZone: 'America/Los_Angeles',
            shiftPattern: {
              mon: [
                ['08:00', '12:00'],
                ['13:00', '17:00'],
              ],
            },
            homeLatitude: 47.6,
            homeLongitude: -122.33,
            skills: [],
            certifications: [],
            ...input,
          },
          admin,
        ),
      ).id;
    expert = await save({ name: 'Ada Expert', skills: [{ skillId: f.skillId, level: 4 }] });
    novice = await save({ name: 'Nick Novice', homeLatitude: 47.62, homeLongitude: -122.35 });
    const site = valueOf(
      await f.server.call(
        'sites.create',
        { clientId: f.clientId, name: 'Pike St office', address: '1 Pike St', latitude: 47.61, longitude: -122.34 },
        admin,
      ),
    );
    networkTicket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId: f.clientId,
          siteId: site.id,
          description: 'Core switch down',
          priority: 'critical',
          workTypeId: f.workTypeId,
        },
        admin,
      ),
    ).id;
  });

  it('ranks the qualified technician with reasons in words and excludes the other with why', async () => {
    const recommendation = valueOf(
      await f.server.call('dispatch.recommend', { ticketId: networkTicket, day: DAY }, dispatcher),
    );
    const ranked = recommendation.ranked.find((r) => r.technicianId === expert);
    expect(ranked?.parts.earliestStart).toBe(
      DateTime.fromISO(ranked?.parts.earliestStart ?? '')
        .toUTC()
        .toISO(),
    );
    expect(Date.parse(ranked?.parts.earliestStart ?? '')).toBeGreaterThanOrEqual(Date.parse(la('08:00')));
    expect(ranked?.reasons.join(' | ')).toMatch(/skill Network L4 ≥ L2/);
    expect(ranked?.reasons.join(' | ')).toMatch(/min drive/);
    const excluded = recommendation.excluded.find((e) => e.technicianId === novice);
    expect(excluded?.reasons.map((r) => r.code)).toEqual(['missing_skill']);
  });

  it('answers not_found for a ticket that does not exist', async () => {
    const reply = await f.server.call('dispatch.recommend', { ticketId: crypto.randomUUID(), day: DAY }, dispatcher);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('proposes a plan without writing, reports progress, and accepts it in one go', async () => {
    const before = await countRows(f.server.runtime.database);
    const runId = crypto.randomUUID();
    const plan = valueOf(
      await f.server.call(
        'dispatch.optimize',
        { runId, from: DAY, to: DAY, timeLimitSeconds: 0.5, technicianIds: [expert, novice] },
        dispatcher,
      ),
    );
    expect(await countRows(f.server.runtime.database)).toEqual(before);
    expect(events.some((e) => e.type === 'dispatch.progress' && e.runId === runId)).toBe(true);
    const critical = plan.visits.find((v) => v.ticketId === networkTicket);
    expect(critical).toMatchObject({ technicianId: expert, change: 'new', priority: 'critical' });
    expect(Date.parse(critical?.endsAt ?? '') - Date.parse(critical?.startsAt ?? '')).toBe(90 * 60_000);
    expect(plan.after.assigned).toBe(plan.visits.length);
    expect(plan.after.assigned + plan.after.unassigned).toBe(plan.before.assigned + plan.before.unassigned);
    for (const visit of plan.visits) {
      expect(Date.parse(visit.startsAt)).toBeGreaterThanOrEqual(Date.parse(la('08:00')));
      expect(Date.parse(visit.endsAt)).toBeLessThanOrEqual(Date.parse(la('17:00')));
    }

    const accepted = valueOf(await f.server.call('dispatch.acceptPlan', { planId: plan.id }, dispatcher));
    expect(accepted).toEqual({ created: plan.visits.length, moved: 0, unchanged: 0 });
    const booked = valueOf(
      await f.server.call(
        'visits.list',
        { from: la('00:00'), to: la('23:59'), technicianIds: [expert, novice] },
        dispatcher,
      ),
    );
    expect(booked.map((v) => v.ticketId).sort()).toEqual(plan.visits.map((v) => v.ticketId).sort());
    const ticket = valueOf(await f.server.call('tickets.get', { id: networkTicket }, dispatcher));
    expect(ticket).toMatchObject({ status: 'scheduled', scheduledAt: critical?.startsAt, scheduledWith: 'Ada Expert' });

    const again = await f.server.call('dispatch.acceptPlan', { planId: plan.id }, dispatcher);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a plan whose ticket was booked meanwhile and writes nothing', async () => {
    const other = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId: f.clientId,
          description: 'Printer jams',
          priority: 'high',
        },
        admin,
      ),
    );
    const nextDay = '2027-01-18';
    const plan = valueOf(
      await f.server.call(
        'dispatch.optimize',
        { from: nextDay, to: nextDay, timeLimitSeconds: 0.3, technicianIds: [novice] },
        dispatcher,
      ),
    );
    const planned = plan.visits.find((v) => v.ticketId === other.id);
    expect(planned).toBeDefined();
    await f.server.call(
      'visits.create',
      { ticketId: other.id, technicianId: expert, startsAt: '2027-01-18T18:00:00Z', durationMinutes: 30 },
      dispatcher,
    );
    expect(valueOf(await f.server.call('tickets.get', { id: other.id }, dispatcher)).scheduledAt).not.toBeNull();
    const before = await countRows(f.server.runtime.database);
    const reply = await f.server.call('dispatch.acceptPlan', { planId: plan.id }, dispatcher);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await countRows(f.server.runtime.database)).toEqual(before);

    expect(valueOf(await f.server.call('dispatch.discardPlan', { planId: plan.id }, dispatcher))).toEqual({
      discarded: true,
    });
  });

  it('moves a booked visit the plan reorders, keeping its id, when the plan is accepted', async () => {
    const day = '2027-02-01';
    const at = (time: string) => DateTime.fromISO(`${day}T${time}`, { zone: 'America/Los_Angeles' }).toUTC().toISO();
    const afternoonOnly = valueOf(
      await f.server.call(
        'sites.create',
        {
          clientId: f.clientId,
          name: 'Loading dock',
          address: '2 Dock Rd',
          latitude: 47.58,
          longitude: -122.32,
          accessHours: { mon: [['13:00', '17:00']] },
          timeZone: 'America/Los_Angeles',
        },
        admin,
      ),
    );
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId: f.clientId,
          siteId: afternoonOnly.id,
          description: 'Dock door controller faulty',
          priority: 'low',
          estimatedMinutes: 60,
        },
        admin,
      ),
    );
    // Booked by hand in the morning, when the site turns out to be closed: the plan must move it.
    const booked = valueOf(
      await f.server.call(
        'visits.create',
        { ticketId: ticket.id, technicianId: novice, startsAt: at('08:00') ?? '', durationMinutes: 60 },
        dispatcher,
      ),
    );
    const plan = valueOf(
      await f.server.call(
        'dispatch.optimize',
        { from: day, to: day, timeLimitSeconds: 0.3, technicianIds: [novice] },
        dispatcher,
      ),
    );
    const moved = plan.visits.find((v) => v.ticketId === ticket.id);
    expect(moved).toMatchObject({ visitId: booked.id, change: 'moved', previous: { startsAt: booked.startsAt } });
    expect(Date.parse(moved?.startsAt ?? '')).toBeGreaterThanOrEqual(Date.parse(at('13:00') ?? ''));

    const outcome = valueOf(await f.server.call('dispatch.acceptPlan', { planId: plan.id }, dispatcher));
    expect(outcome.moved).toBeGreaterThanOrEqual(1);
    const [after] = valueOf(await f.server.call('visits.forTicket', { ticketId: ticket.id }, dispatcher));
    expect(after).toMatchObject({ id: booked.id, startsAt: moved?.startsAt, version: booked.version + 1 });
  });

  it('stops a run when cancelled and still answers with a checked plan', async () => {
    // Tickets of its own: the earlier tests may have booked every open one.
    for (const description of ['Badge reader dead', 'Wi-Fi drops on floor 3', 'Label printer offline']) {
      valueOf(
        await f.server.call(
          'tickets.create',
          {
            channel: 'phone',
            receivedAt: testIso(-60_000),
            clientId: f.clientId,
            description,
            priority: 'medium',
          },
          admin,
        ),
      );
    }
    const runId = crypto.randomUUID();
    let answer: unknown;
    const cancelled = new Promise<void>((resolve) => {
      const stop = f.server.runtime.core.subscribe((e) => {
        if (e.type !== 'dispatch.progress' || e.runId !== runId) return;
        stop();
        void f.server.call('dispatch.cancel', { runId }, dispatcher).then((r) => {
          answer = r.body;
          resolve();
        });
      });
    });
    const began = testNowMs();
    const reply = f.server.call(
      'dispatch.optimize',
      { runId, from: '2027-01-25', to: '2027-01-26', timeLimitSeconds: 120, technicianIds: [expert, novice] },
      dispatcher,
    );
    await cancelled;
    expect(answer).toEqual({ ok: true, value: { cancelled: true } });
    const plan = valueOf(await reply);
    expect(plan.search, JSON.stringify(plan.search)).toMatchObject({ cancelled: true });
    expect(testNowMs() - began).toBeLessThan(60_000);
  });

  it('keeps the ranking weights and travel settings an admin saves', async () => {
    const settings = valueOf(await f.server.call('dispatch.settings', {}, dispatcher));
    const changed = { ...settings, weights: { ...settings.weights, lateness: 20 } };
    valueOf(await f.server.call('dispatch.saveSettings', changed, admin));
    expect(valueOf(await f.server.call('dispatch.settings', {}, dispatcher)).weights.lateness).toBe(20);
    valueOf(await f.server.call('dispatch.saveSettings', settings, admin));
  });
});

describe('a proposed plan on the server clock', () => {
  const env = useTestEnvironment();

  it('is gone an hour after it was proposed, by the core clock', async () => {
    const clock = manualClock(TEST_EPOCH);
    const f = await startApiFixture(env, { clock });
    const dispatcher = { cookie: f.cookies.dispatcher };
    const plan = valueOf(
      await f.server.call(
        'dispatch.optimize',
        { from: DAY, to: DAY, timeLimitSeconds: 0.2, technicianIds: [f.technicianId] },
        dispatcher,
      ),
    );
    clock.advance(61 * 60_000);
    const late = await f.server.call('dispatch.acceptPlan', { planId: plan.id }, dispatcher);
    expect(late.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
