import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../shared/api/contract';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import type { Runtime } from '../../electron/core/runtime';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';
import { setUpIntake, ticketInput, withApiToken, type IntakeFixture } from '../support/core-caller';
import { countRows, describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';
import { runWorkstations } from '../support/workstations';
import { TEST_EPOCH } from '../support/test-clock';

function consecutive(year: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatTicketNumber(year, i + 1));
}

describeEachDatabase('tickets in the database', (kind) => {
  const env = useTestEnvironment();
  // One database and one desk for the file. Numbering tests each work in a year of their own,
  // since numbers count per year; the clock is set by each test that depends on it.
  const clock = manualClock('2031-03-02T09:00:00Z');
  let database: DatabaseConfig;
  let runtime: Runtime;
  let fixture: IntakeFixture;

  beforeAll(async () => {
    database = await env.database(kind);
    // No SLA watcher: its escalations (of the long-overdue tickets this file logs) would add audit
    // rows in the middle of the audit-trail counts whenever a tick falls inside one.
    runtime = await env.runtime({ database, clock, slaWatchIntervalMs: false });
    const intake = await setUpIntake(runtime);
    fixture = { ...intake, admin: await withApiToken(runtime, intake.admin) };
  });

  it('gives fifty tickets logged at the same moment fifty consecutive numbers', async () => {
    clock.set('2035-03-02T09:00:00Z');
    const tickets = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fixture.admin.call('tickets.create', ticketInput(fixture, { description: `Request ${i}` })),
      ),
    );
    expect(tickets.map((t) => t.number).sort()).toEqual(consecutive(2035, 50));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(50);
  });

  it('gives two workstations different ticket numbers at the same moment', async () => {
    clock.set(TEST_EPOCH);
    const desk = (await fixture.admin.call('users.list', {})).find((u) => u.username === 'admin');
    const { token } = await fixture.admin.call('auth.createApiToken', { userId: desk?.id ?? '', name: 'workstations' });
    const job = { database, tickets: { apiToken: token, count: 25, input: ticketInput(fixture) } };
    const reports = await runWorkstations([job, job]);
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    // The workstations run on the test clock, so their numbers are its year's (UTC); no other test
    // in this file logs a ticket in that year.
    expect(reports.flatMap((r) => r.numbers).sort()).toEqual(consecutive(new Date(TEST_EPOCH).getUTCFullYear(), 50));
  });

  it('starts the numbers again at 000001 in a new year', async () => {
    clock.set('2037-12-31T23:59:00Z');
    const last = await fixture.admin.call('tickets.create', ticketInput(fixture));
    clock.set('2038-01-01T00:01:00Z');
    const first = await fixture.admin.call('tickets.create', ticketInput(fixture));
    expect([last.number, first.number]).toEqual(['T-2037-000001', 'T-2038-000001']);
  });

  it('returns the same ticket for a repeated channel and external reference, writing nothing the second time', async () => {
    const input = ticketInput(fixture, { channel: 'ticketing_system', externalRef: 'INC-4711' });
    const first = await fixture.admin.call('tickets.create', input);
    const before = await countRows(runtime.database);
    const again = await fixture.admin.call('tickets.create', { ...input, description: 'Delivered twice' });
    expect(again).toEqual(first);
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('treats the same external reference on another channel as another ticket', async () => {
    const byPortal = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { channel: 'portal', externalRef: 'R-1' }),
    );
    const byEmail = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { channel: 'email', externalRef: 'R-1' }),
    );
    expect(byEmail.id).not.toBe(byPortal.id);
  });

  it('answers a repeat delivered at the same moment as the first with the same ticket, and draws no number for it', async () => {
    clock.set('2036-03-02T09:00:00Z');
    const input = ticketInput(fixture, { channel: 'ticketing_system', externalRef: 'INC-RACE' });
    // An integration that times out and retries at once: the same request several times together.
    const results = await Promise.all(Array.from({ length: 8 }, () => fixture.admin.invoke('tickets.create', input)));
    const ids = results.map((r) => (r.ok ? r.value.id : r.error.code));
    expect(new Set(ids).size, JSON.stringify(ids)).toBe(1);
    const next = await fixture.admin.call('tickets.create', ticketInput(fixture));
    expect(next.number).toBe('T-2036-000002');
  });

  it('keeps instants as ISO 8601 UTC strings, whatever offset the caller sent', async () => {
    clock.set('2031-03-02T09:00:00.250Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2031-03-02T10:15:30.5+02:00' }),
    );
    expect(ticket.receivedAt).toBe('2031-03-02T08:15:30.500Z');
    expect(ticket.loggedAt).toBe('2031-03-02T09:00:00.250Z');
    expect(await fixture.admin.call('tickets.get', { id: ticket.id })).toEqual(ticket);
    const row = (await fixture.admin.call('tickets.queue', { clientId: fixture.clientId })).find(
      (r) => r.id === ticket.id,
    );
    expect(row?.receivedAt).toBe('2031-03-02T08:15:30.500Z');
    const stored = await runtime.database.db
      .selectFrom('tickets')
      .select(['received_at', 'logged_at', 'updated_at'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      received_at: '2031-03-02T08:15:30.500Z',
      logged_at: '2031-03-02T09:00:00.250Z',
      updated_at: '2031-03-02T09:00:00.250Z',
    });
  });

  it('compares instants as instants, not as the text the caller sent', async () => {
    clock.set('2031-03-02T09:00:00Z');
    const { id: clientId } = await fixture.admin.call('clients.create', { name: 'Offsets Ltd' });
    const log = (receivedAt: string, description: string) =>
      fixture.admin.call('tickets.create', {
        ...ticketInput(fixture),
        clientId,
        contactId: null,
        siteId: null,
        receivedAt,
        description,
      });
    // 09:00+05:00 is 04:00Z, earlier than 06:00Z although its text sorts later.
    await log('2031-03-01T09:00:00+05:00', 'A');
    await log('2031-03-01T06:00:00Z', 'B');
    await log('2031-03-01T01:00:00-04:00', 'C');
    const inOrder = await runtime.database.db
      .selectFrom('tickets')
      .select('description')
      .where('client_id', '=', clientId)
      .where('received_at', '>', '2031-03-01T04:30:00.000Z')
      .orderBy('received_at')
      .execute();
    expect(inOrder.map((t) => t.description)).toEqual(['C', 'B']);
  });

  describe('the audit trail', () => {
    type WriteCase = {
      [K in MethodName]: { method: K; entity: string; input: (f: IntakeFixture) => ApiInput<K> };
    }[MethodName];
    const writes: WriteCase[] = [
      { method: 'clients.create', entity: 'client', input: () => ({ name: 'Fabrikam Retail' }) },
      { method: 'contacts.create', entity: 'contact', input: (f) => ({ clientId: f.clientId, name: 'Thomas Hardy' }) },
      {
        method: 'sites.create',
        entity: 'site',
        input: (f) => ({ clientId: f.clientId, name: 'Warehouse', address: '1 Port St, Newark' }),
      },
      { method: 'tickets.create', entity: 'ticket', input: (f) => ticketInput(f) },
      {
        method: 'users.create',
        entity: 'user',
        input: () => ({
          username: 'toni',
          displayName: 'Toni Technician',
          role: 'technician',
          password: 'long-enough-pass',
        }),
      },
    ];

    it.each(writes)(
      'writes one audit row with $method: who, which method, which entity and what it became',
      async (write) => {
        clock.set('2031-03-02T09:00:00Z');
        const admin = (await fixture.admin.call('users.list', {})).find((u) => u.username === 'admin');
        const before = await countRows(runtime.database);
        const created = (await fixture.admin.call(write.method, write.input(fixture))) as { id: string };
        const after = await countRows(runtime.database);
        expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
        const audit = await runtime.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('entity_id', '=', created.id)
          .executeTakeFirstOrThrow();
        expect(audit).toMatchObject({
          user_id: admin?.id,
          method: write.method,
          entity: write.entity,
          at: '2031-03-02T09:00:00.000Z',
          before: null,
        });
        const recorded = JSON.parse(audit.after ?? 'null') as Record<string, unknown>;
        expect(recorded).toMatchObject(
          write.method === 'tickets.create' ? { description: 'Core switch down on floor 21' } : { id: created.id },
        );
        expect(JSON.stringify(recorded)).not.toContain('long-enough');
      },
    );
  });
});
