import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { WeeklyHours } from '../../shared/domain/sla';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { isOverlapViolation } from '../../electron/core/db/errors';
import { startRuntime, type Runtime } from '../../electron/core/runtime';
import { callerFor, setUpIntake, ticketInput, withApiToken, type IntakeFixture } from '../support/core-caller';
import { countRows, describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';
import { runWorkstations } from '../support/workstations';

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

describeEachDatabase('visits in the database', (kind) => {
  const env = useTestEnvironment();
  const clock = manualClock('2030-05-01T09:00:00Z');
  let database: DatabaseConfig;
  let runtime: Runtime;
  let fixture: IntakeFixture;
  let apiToken: string;
  let dana: string;
  let fox: string;

  beforeAll(async () => {
    database = await env.database(kind);
    runtime = await env.runtime({ database, clock });
    const intake = await setUpIntake(runtime);
    const admin = await withApiToken(runtime, intake.admin);
    fixture = { ...intake, admin };
    apiToken = admin.credentials.apiToken ?? '';
    const technician = (name: string) =>
      admin.call('technicians.save', {
        name,
        timeZone: 'America/New_York',
        shiftPattern: aroundTheClock,
        skills: [],
        certifications: [],
      });
    dana = (await technician('Dana Scully')).id;
    fox = (await technician('Fox Mulder')).id;
  });

  const newTicket = async () => (await fixture.admin.call('tickets.create', ticketInput(fixture))).id;
  const booking = (
    ticketId: string,
    startsAt: string,
    durationMinutes: number,
    more: Partial<ApiInput<'visits.create'>> = {},
  ): ApiInput<'visits.create'> => ({ ticketId, technicianId: dana, startsAt, durationMinutes, ...more });

  it('lets exactly one of two workstations book the same technician into overlapping times at once', async () => {
    const [first, second] = [await newTicket(), await newTicket()];
    const before = await countRows(runtime.database);
    const reports = await runWorkstations([
      { database, visit: { apiToken, input: booking(first, '2030-06-03T14:00:00Z', 60) } },
      { database, visit: { apiToken, input: booking(second, '2030-06-03T14:30:00Z', 60) } },
    ]);
    const booked = reports.flatMap((r) => r.visitIds);
    const failures = reports.flatMap((r) => r.failures);
    expect(booked).toHaveLength(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.code).toBe('conflict');
    // The loser is told which visit it clashed with.
    expect(failures[0]?.message).toContain(booked[0]);
    expect(failures[0]?.message).toContain('Dana Scully is already booked');

    const after = await countRows(runtime.database);
    expect(after.visits).toBe((before.visits ?? 0) + 1);
    expect(after.visit_crew).toBe((before.visit_crew ?? 0) + 1);
    // Nothing of the refused booking is left on its ticket.
    const [winner] = await fixture.admin.call('visits.list', {
      from: '2030-06-03T00:00:00Z',
      to: '2030-06-04T00:00:00Z',
    });
    const loserTicket = winner?.ticketId === first ? second : first;
    const loser = await fixture.admin.call('tickets.get', { id: loserTicket });
    expect([loser.status, loser.version, loser.scheduledAt]).toEqual(['new', 1, null]);
    expect(await fixture.admin.call('visits.forTicket', { ticketId: loserTicket })).toEqual([]);
  });

  it('refuses an overlapping crew row in the database itself, with no handler checking first', async () => {
    const ticketId = await newTicket();
    const visit = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-04T14:00:00Z', 60));
    const db = runtime.database.db;
    const admin = (await fixture.admin.call('auth.status', {})).user?.id ?? '';
    const insertBehindTheHandlersBack = async (startsAt: string, endsAt: string, active = 1) => {
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('visits')
          .values({
            id,
            ticket_id: ticketId,
            technician_id: dana,
            starts_at: startsAt,
            ends_at: endsAt,
            resolve_from: null,
            resolve_by: null,
            status: active ? 'scheduled' : 'cancelled',
            pinned: 0,
            contact_confirmed: 0,
            contact_name: null,
            contact_method: null,
            location_confirmed: 0,
            access_badge: 0,
            access_escort: 0,
            access_parking: 0,
            access_hours: 0,
            access_notes: null,
            override_reason: null,
            override_rules: null,
            cancel_reason: null,
            version: 1,
            created_at: startsAt,
            created_by: admin,
            updated_at: startsAt,
            updated_by: admin,
          })
          .execute();
        await tx
          .insertInto('visit_crew')
          .values({ visit_id: id, technician_id: dana, role: 'lead', starts_at: startsAt, ends_at: endsAt, active })
          .execute();
      });
      return id;
    };
    const before = await countRows(runtime.database);
    const refused = await insertBehindTheHandlersBack('2030-06-04T14:59:00.000Z', '2030-06-04T16:00:00.000Z').then(
      () => null,
      (error: unknown) => error,
    );
    expect(isOverlapViolation(refused), String(refused)).toBe(true);
    expect(await countRows(runtime.database)).toEqual(before);

    // Touching is not overlapping, and a row that holds no time blocks nothing.
    await insertBehindTheHandlersBack(visit.endsAt, '2030-06-04T16:00:00.000Z');
    await insertBehindTheHandlersBack('2030-06-04T14:30:00.000Z', '2030-06-04T14:45:00.000Z', 0);
  });

  // Only PostgreSQL lets two write transactions be open at once; SQLite's write lock serialises them.
  const onPostgres = kind === 'postgres' ? it : () => undefined;
  onPostgres('makes a second transaction wait for the first and refuses it when the first commits', async () => {
    const [first, second] = [await newTicket(), await newTicket()];
    const other = await startRuntime({ database, clock, slaWatchIntervalMs: false });
    env.defer(() => other.close());
    const elsewhere = callerFor(other, fixture.admin.credentials);
    // Two workstations' transactions, both past their own checks: hold the first open until
    // the second has sent its insert, then let it commit.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted: () => void = () => undefined;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const db = runtime.database.db;
    const visit = await fixture.admin.call('visits.create', booking(first, '2030-06-05T14:00:00Z', 60));
    const firstTx = db.transaction().execute(async (tx) => {
      await tx
        .insertInto('visit_crew')
        .values({
          visit_id: visit.id,
          technician_id: fox,
          role: 'helper',
          starts_at: '2030-06-05T14:00:00.000Z',
          ends_at: '2030-06-05T15:00:00.000Z',
          active: 1,
        })
        .execute();
      inserted();
      await held;
    });
    // The race starts only once the first insert holds its rows: on a busy machine the second
    // booking could otherwise commit first, and the first insert would be the one refused.
    await firstInserted;
    // Fox is free as far as any committed data shows, so the handler's own check passes; only
    // the constraint, waiting on the open transaction, can refuse this booking.
    const racing = elsewhere.invoke('visits.create', {
      ...booking(second, '2030-06-05T14:30:00Z', 60),
      technicianId: fox,
    });
    await waitForLockWait(db);
    release();
    await firstTx;
    const result = await racing;
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(result.ok ? '' : result.error.message).toContain(visit.id);
    expect(await elsewhere.call('visits.forTicket', { ticketId: second })).toEqual([]);
  });

  it('refuses a helper who is booked elsewhere, naming the visit, and writes nothing', async () => {
    const taken = await fixture.admin.call('visits.create', booking(await newTicket(), '2030-06-06T13:00:00Z', 60));
    const ticketId = await newTicket();
    const before = await countRows(runtime.database);
    const result = await fixture.admin.invoke(
      'visits.create',
      booking(ticketId, '2030-06-06T13:30:00Z', 60, { technicianId: fox, helperIds: [dana] }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['helperIds', 0] }] },
    });
    expect(result.ok ? '' : result.error.message).toContain(taken.id);
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('allows a visit that starts the moment the previous one ends, and frees the time of a cancelled one', async () => {
    const ticketId = await newTicket();
    const morning = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-07T13:00:00Z', 60));
    const touching = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-07T14:00:00Z', 60));
    expect(touching.startsAt).toBe(morning.endsAt);

    const cancelled = await fixture.admin.call('visits.cancel', {
      id: morning.id,
      expectedVersion: morning.version,
      reason: 'Client moved the appointment',
    });
    expect([cancelled.status, cancelled.cancelReason]).toEqual(['cancelled', 'Client moved the appointment']);
    const rebooked = await fixture.admin.call(
      'visits.create',
      booking(ticketId, '2030-06-07T13:15:00Z', 45, { technicianId: fox, helperIds: [dana] }),
    );
    expect(rebooked.crew.map((c) => [c.name, c.role])).toEqual([
      ['Fox Mulder', 'lead'],
      ['Dana Scully', 'helper'],
    ]);
  });

  it('answers stale to an edit over a newer change and leaves the visit as the newer change left it', async () => {
    const ticketId = await newTicket();
    const visit = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-10T13:00:00Z', 60));
    const moved = await fixture.admin.call('visits.update', {
      id: visit.id,
      expectedVersion: visit.version,
      startsAt: '2030-06-10T15:00:00Z',
    });
    expect(moved.version).toBe(visit.version + 1);

    const before = await countRows(runtime.database);
    const late = await fixture.admin.invoke('visits.update', {
      id: visit.id,
      expectedVersion: visit.version,
      durationMinutes: 120,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'stale', issues: [{ path: ['expectedVersion'] }] } });
    const lateCancel = await fixture.admin.invoke('visits.cancel', {
      id: visit.id,
      expectedVersion: visit.version,
      reason: 'Too late',
    });
    expect(lateCancel).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await countRows(runtime.database)).toEqual(before);
    const [now] = await fixture.admin.call('visits.forTicket', { ticketId });
    expect(now).toMatchObject({ startsAt: moved.startsAt, durationMinutes: 60, version: moved.version });
  });

  it('lets exactly one of two edits made from the same version at once win; the other answers stale', async () => {
    const ticketId = await newTicket();
    const visit = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-11T13:00:00Z', 60));
    const other = await startRuntime({ database, clock, slaWatchIntervalMs: false });
    env.defer(() => other.close());
    const elsewhere = callerFor(other, fixture.admin.credentials);
    const edit = (caller: typeof elsewhere, startsAt: string) => () =>
      caller.invoke('visits.update', { id: visit.id, expectedVersion: 1, startsAt });
    const [one, two] = [edit(fixture.admin, '2030-06-11T15:00:00Z'), edit(elsewhere, '2030-06-11T17:00:00Z')];
    // SQLite runtimes in one process would block each other's synchronous busy wait: take turns,
    // as separate processes effectively do (the workstation test above races real processes).
    const results = kind === 'postgres' ? await Promise.all([one(), two()]) : [await one(), await two()];
    const won = results.flatMap((r) => (r.ok ? [r.value] : []));
    const lost = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect([won.length, lost]).toEqual([1, ['stale']]);
    const [now] = await fixture.admin.call('visits.forTicket', { ticketId });
    expect(now?.version).toBe(2);
    expect(now?.startsAt).toBe(won[0]?.startsAt);
  });

  it('shows the next visit on the ticket and in the queue, and returns the ticket to new when its last visit is cancelled', async () => {
    const ticketId = await newTicket();
    const later = await fixture.admin.call('visits.create', booking(ticketId, '2030-06-12T16:00:00Z', 60));
    const sooner = await fixture.admin.call(
      'visits.create',
      booking(ticketId, '2030-06-12T13:00:00Z', 60, { technicianId: fox }),
    );
    const ticket = await fixture.admin.call('tickets.get', { id: ticketId });
    expect(ticket).toMatchObject({ status: 'scheduled', scheduledAt: sooner.startsAt, scheduledWith: 'Fox Mulder' });
    expect(ticket.version).toBe(3);
    const row = (await fixture.admin.call('tickets.queue', {})).find((r) => r.id === ticketId);
    expect(row?.scheduledAt).toBe(sooner.startsAt);

    await fixture.admin.call('visits.cancel', { id: sooner.id, expectedVersion: 1, reason: 'Fox is needed elsewhere' });
    expect(await fixture.admin.call('tickets.get', { id: ticketId })).toMatchObject({
      status: 'scheduled',
      scheduledAt: later.startsAt,
      scheduledWith: 'Dana Scully',
    });
    await fixture.admin.call('visits.cancel', { id: later.id, expectedVersion: 1, reason: 'Fixed remotely' });
    expect(await fixture.admin.call('tickets.get', { id: ticketId })).toMatchObject({
      status: 'new',
      scheduledAt: null,
      scheduledWith: null,
    });
  });
});

/** Resolves once some PostgreSQL backend is waiting for a lock (the racing insert has arrived). */
async function waitForLockWait(db: Runtime['database']['db']): Promise<void> {
  const { sql } = await import('kysely');
  for (;;) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
      where wait_event_type = 'Lock' and datname = current_database()`.execute(db);
    if (Number(rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
