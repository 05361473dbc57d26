import { beforeAll, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { BusinessCalendar } from '../../shared/domain/sla';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startRuntime, type Runtime } from '../../electron/core/runtime';
import { setUpIntake, ticketInput, withApiToken, type IntakeFixture } from '../support/core-caller';
import { describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';

const nineToFive: [string, string][] = [['09:00', '17:00']];
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: { country: 'US' },
};

const outage = {
  serviceOutage: true,
  securityRisk: false,
  usersImpacted: 'several',
  userUnableToWork: false,
  intermittentWithWorkaround: false,
  generalQuery: false,
} as const;

describeEachDatabase('SLA clocks and escalations', (kind) => {
  const env = useTestEnvironment();
  // Monday 2026-11-23 10:00 in New York.
  const clock = manualClock('2026-11-23T15:00:00Z');
  let database: DatabaseConfig;
  let runtime: Runtime;
  let fixture: IntakeFixture;

  /**
   * Watchers of several workstations: at the same moment on PostgreSQL. SQLite runtimes in one
   * process would block each other's synchronous busy wait, so there they take turns, as
   * separate processes effectively do.
   */
  async function tickAll(runtimes: Runtime[]): Promise<void> {
    if (kind === 'postgres') await Promise.all(runtimes.map((r) => r.slaWatcher.tick()));
    else for (const r of runtimes) await r.slaWatcher.tick();
  }

  async function freshRuntime(): Promise<Runtime> {
    const started = await startRuntime({ database, clock, slaWatchIntervalMs: false });
    env.defer(() => started.close());
    return started;
  }

  beforeAll(async () => {
    database = await env.database(kind);
    runtime = await freshRuntime();
    const intake = await setUpIntake(runtime);
    fixture = { ...intake, admin: await withApiToken(runtime, intake.admin) };
    await fixture.admin.call('calendars.save', { scope: { kind: 'default' }, name: 'New York', calendar: newYork });
  });

  it('sets a Critical ticket from the intake answers due two hours after it was received', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2026-11-23T14:50:00Z', criteria: outage, priority: null }),
    );
    expect(ticket.priority).toBe('critical');
    expect(ticket.criteria).toEqual(outage);
    expect(ticket.slaDueAt).toBe('2026-11-23T16:50:00.000Z');
    // 75% of the two-hour window.
    expect(ticket.slaAtRiskAt).toBe('2026-11-23T16:20:00.000Z');
  });

  it("uses the client's calendar over the default, and the site's over the client's", async () => {
    clock.set('2026-11-23T15:00:00Z');
    const berlin: BusinessCalendar = { ...newYork, timeZone: 'Europe/Berlin', holidays: { country: 'DE' } };
    const sydney: BusinessCalendar = { ...newYork, timeZone: 'Australia/Sydney', holidays: { country: 'AU' } };
    const input = ticketInput(fixture, { receivedAt: '2026-11-23T15:00:00Z', priority: 'high' });

    const byDefault = await fixture.admin.call('tickets.create', input);
    expect(byDefault.slaDueAt).toBe('2026-11-23T22:00:00.000Z'); // 17:00 New York, same day

    await fixture.admin.call('calendars.save', {
      scope: { kind: 'client', clientId: fixture.clientId },
      name: 'Berlin',
      calendar: berlin,
    });
    const byClient = await fixture.admin.call('tickets.create', input);
    expect(byClient.slaDueAt).toBe('2026-11-24T16:00:00.000Z'); // 16:00 Berlin is past the cut-off: next day 17:00

    await fixture.admin.call('calendars.save', {
      scope: { kind: 'site', siteId: fixture.siteId },
      name: 'Sydney',
      calendar: sydney,
    });
    const bySite = await fixture.admin.call('tickets.create', input);
    const listed = await fixture.admin.call('calendars.list', {});
    expect(listed.map((c) => [c.scope.kind, c.scopeName])).toEqual([
      ['default', 'Everyone without a calendar of their own'],
      ['client', 'Northwind Logistics'],
      ['site', 'Head office (Northwind Logistics)'],
    ]);
    expect(bySite.slaDueAt).toBe('2026-11-24T06:00:00.000Z'); // Tue 02:00 Sydney: before opening, due 17:00 Sydney

    // A ticket logged before the calendars changed keeps its due time until an admin recomputes.
    expect((await fixture.admin.call('tickets.get', { id: byDefault.id })).slaDueAt).toBe(byDefault.slaDueAt);
    await fixture.admin.call('calendars.remove', { scope: { kind: 'site', siteId: fixture.siteId } });
    await fixture.admin.call('calendars.remove', { scope: { kind: 'client', clientId: fixture.clientId } });
    const { updated } = await fixture.admin.call('tickets.recomputeSla', { ids: [byClient.id, bySite.id] });
    expect(updated).toBe(2);
    expect((await fixture.admin.call('tickets.get', { id: bySite.id })).slaDueAt).toBe('2026-11-23T22:00:00.000Z');
  });

  it('keeps a priority override with its reason and moves the due time with it', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2026-11-23T15:00:00Z', priority: 'low' }),
    );
    const overridden = await fixture.admin.call('tickets.overridePriority', {
      id: ticket.id,
      priority: 'critical',
      reason: 'Client CEO cannot present at 14:00',
    });
    expect(overridden.priority).toBe('critical');
    expect(overridden.slaDueAt).toBe('2026-11-23T17:00:00.000Z');
    expect(overridden.priorityOverride).toMatchObject({
      reason: 'Client CEO cannot present at 14:00',
      by: 'Ada Admin',
    });
  });

  it('escalates at risk (level 1) and breached (level 2) exactly once, across a restart and two watchers', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2026-11-23T15:00:00Z', priority: 'critical', description: 'Watched ticket' }),
    );
    const mine = async () => await fixture.admin.call('escalations.list', { open: false, ticketId: ticket.id });
    const pushed: DispatchEvent[] = [];
    const other = await freshRuntime();
    other.core.subscribe((e) => pushed.push(e));

    clock.set('2026-11-23T16:29:59Z'); // just before 75% of two hours
    await runtime.slaWatcher.tick();
    expect(await mine()).toEqual([]);

    clock.set('2026-11-23T16:30:00Z'); // exactly 75%: at risk
    await tickAll([runtime, other, runtime]);
    expect((await mine()).map((e) => [e.level, e.kind])).toEqual([[1, 'at_risk']]);

    // A restart (a new runtime on the same database) neither repeats nor misses an escalation.
    const restarted = await freshRuntime();
    clock.set('2026-11-23T17:00:00Z'); // exactly due: not yet breached
    await restarted.slaWatcher.tick();
    expect(await mine()).toHaveLength(1);
    clock.set('2026-11-23T17:00:01Z');
    await tickAll([restarted, other]);
    expect((await mine()).map((e) => [e.level, e.kind])).toEqual([
      [2, 'breached'],
      [1, 'at_risk'],
    ]);
    await expect
      .poll(() => pushed.filter((e) => e.type === 'escalation.created' && e.ticketId === ticket.id).length)
      .toBe(2);
  });

  it('escalates a ticket found past both points at once with both levels', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, {
        receivedAt: '2026-11-23T15:00:00Z',
        priority: 'critical',
        description: 'Console was closed',
      }),
    );
    clock.set('2026-11-24T15:00:00Z');
    await runtime.slaWatcher.tick();
    const levels = (await fixture.admin.call('escalations.list', { open: true, ticketId: ticket.id })).map(
      (e) => e.level,
    );
    expect(levels).toEqual([2, 1]);
  });

  it('records the first contact with the client once, apart from the response target', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2026-11-23T14:00:00Z' }),
    );
    const contacted = await fixture.admin.call('tickets.recordFirstContact', {
      id: ticket.id,
      at: '2026-11-23T14:20:00Z',
    });
    expect(contacted.firstContactAt).toBe('2026-11-23T14:20:00.000Z');
    // Contact is not arrival: the SLA clock still runs until a technician is on site.
    expect(contacted.firstArrivalAt).toBeNull();
    expect(contacted.slaDueAt).toBe(ticket.slaDueAt);
    const again = await fixture.admin.invoke('tickets.recordFirstContact', {
      id: ticket.id,
      at: '2026-11-23T14:30:00Z',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lets the service manager acknowledge an escalation once, with a note', async () => {
    clock.set('2026-11-23T15:00:00Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2026-11-23T15:00:00Z' }),
    );
    const manual = await fixture.admin.call('escalations.create', {
      ticketId: ticket.id,
      reason: 'Client called twice',
    });
    expect(manual).toMatchObject({ kind: 'manual', level: 1, createdBy: 'Ada Admin', acknowledgedAt: null });
    const acked = await fixture.admin.call('escalations.acknowledge', {
      id: manual.id,
      note: 'Called the client back',
    });
    expect(acked).toMatchObject({ acknowledgementNote: 'Called the client back', acknowledgedBy: 'Ada Admin' });
    const again = await fixture.admin.invoke('escalations.acknowledge', { id: manual.id, note: 'twice' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const open = await fixture.admin.call('escalations.list', { open: true, ticketId: ticket.id });
    expect(open).toEqual([]);
  });
});
