import { describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../shared/api/contract';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';
import { setUpIntake, ticketInput, type IntakeFixture } from '../support/core-caller';
import { countRows, describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';
import { runWorkstations } from '../support/workstations';

function consecutive(year: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatTicketNumber(year, i + 1));
}

describeEachDatabase('tickets in the database', (kind) => {
  const env = useTestEnvironment();

  async function freshDesk(clockAt = '2031-03-02T09:00:00Z') {
    const clock = manualClock(clockAt);
    const database = await env.database(kind);
    const runtime = await env.runtime({ database, clock });
    const fixture = await setUpIntake(runtime);
    return { clock, database, runtime, fixture };
  }

  it('gives fifty tickets logged at the same moment fifty consecutive numbers', async () => {
    const { fixture } = await freshDesk();
    const tickets = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fixture.admin.call('tickets.create', ticketInput(fixture, { description: `Request ${i}` })),
      ),
    );
    expect(tickets.map((t) => t.number).sort()).toEqual(consecutive(2031, 50));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(50);
  });

  it('gives two workstations different ticket numbers at the same moment', async () => {
    const { database, fixture } = await freshDesk(new Date().toISOString());
    const { token } = await fixture.admin.call('auth.createApiToken', {
      userId: (await fixture.admin.call('users.list', {}))[0]?.id ?? '',
      name: 'workstation test',
    });
    const job = { database, tickets: { apiToken: token, count: 25, input: ticketInput(fixture) } };
    const reports = await runWorkstations([job, job]);
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const numbers = reports.flatMap((r) => r.numbers);
    // The workstations use the real clock, so the year is this year (UTC).
    expect(numbers.sort()).toEqual(consecutive(new Date().getUTCFullYear(), 50));
  });

  it('starts the numbers again at 000001 in a new year', async () => {
    const { clock, fixture } = await freshDesk('2031-12-31T23:59:00Z');
    const last = await fixture.admin.call('tickets.create', ticketInput(fixture));
    clock.set('2032-01-01T00:01:00Z');
    const first = await fixture.admin.call('tickets.create', ticketInput(fixture));
    expect([last.number, first.number]).toEqual(['T-2031-000001', 'T-2032-000001']);
  });

  it('returns the same ticket for a repeated channel and external reference, writing nothing the second time', async () => {
    const { runtime, fixture } = await freshDesk();
    const input = ticketInput(fixture, { channel: 'ticketing_system', externalRef: 'INC-4711' });
    const first = await fixture.admin.call('tickets.create', input);
    const before = await countRows(runtime.database);
    const again = await fixture.admin.call('tickets.create', { ...input, description: 'Delivered twice' });
    expect(again).toEqual(first);
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('treats the same external reference on another channel as another ticket', async () => {
    const { fixture } = await freshDesk();
    const byPortal = await fixture.admin.call('tickets.create', ticketInput(fixture, { channel: 'portal', externalRef: 'R-1' }));
    const byEmail = await fixture.admin.call('tickets.create', ticketInput(fixture, { channel: 'email', externalRef: 'R-1' }));
    expect(byEmail.id).not.toBe(byPortal.id);
  });

  it('answers a repeat delivered at the same moment as the first with the same ticket, and draws no number for it', async () => {
    const { fixture } = await freshDesk();
    const input = ticketInput(fixture, { channel: 'ticketing_system', externalRef: 'INC-RACE' });
    // An integration that times out and retries at once: the same request several times together.
    const results = await Promise.all(Array.from({ length: 8 }, () => fixture.admin.invoke('tickets.create', input)));
    const ids = results.map((r) => (r.ok ? r.value.id : r.error.code));
    expect(new Set(ids).size, JSON.stringify(ids)).toBe(1);
    const next = await fixture.admin.call('tickets.create', ticketInput(fixture));
    expect(next.number).toBe('T-2031-000002');
  });

  it('keeps instants as ISO 8601 UTC strings, whatever offset the caller sent', async () => {
    const { runtime, fixture } = await freshDesk('2031-03-02T09:00:00.250Z');
    const ticket = await fixture.admin.call(
      'tickets.create',
      ticketInput(fixture, { receivedAt: '2031-03-02T10:15:30.5+02:00' }),
    );
    expect(ticket.receivedAt).toBe('2031-03-02T08:15:30.500Z');
    expect(ticket.loggedAt).toBe('2031-03-02T09:00:00.250Z');
    expect(await fixture.admin.call('tickets.get', { id: ticket.id })).toEqual(ticket);
    const [row] = await fixture.admin.call('tickets.queue', { clientId: fixture.clientId });
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

  it('orders the queue newest first by the time the request came in, not by offset text', async () => {
    const { fixture } = await freshDesk();
    // 09:00+05:00 is 04:00Z, earlier than 06:00Z although its text sorts later.
    await fixture.admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2031-03-01T09:00:00+05:00', description: 'A' }));
    await fixture.admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2031-03-01T06:00:00Z', description: 'B' }));
    await fixture.admin.call('tickets.create', ticketInput(fixture, { receivedAt: '2031-03-01T01:00:00-04:00', description: 'C' }));
    const queue = await fixture.admin.call('tickets.queue', {});
    expect(queue.map((r) => r.summary)).toEqual(['B', 'C', 'A']);
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
        input: () => ({ username: 'toni', displayName: 'Toni Technician', role: 'technician', password: 'long-enough' }),
      },
    ];

    it.each(writes)('writes one audit row with $method: who, which method, which entity and what it became', async (write) => {
      const { runtime, fixture } = await freshDesk();
      const admin = (await fixture.admin.call('users.list', {})).find((u) => u.username === 'admin');
      const before = await countRows(runtime.database);
      // The table-driven input is typed per method; TypeScript cannot narrow the union here.
      const created = (await fixture.admin.call(write.method, write.input(fixture) as never)) as { id: string };
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
      expect(recorded).toMatchObject(write.method === 'tickets.create' ? { description: 'Core switch down on floor 21' } : { id: created.id });
      expect(JSON.stringify(recorded)).not.toContain('long-enough');
    });
  });
});
