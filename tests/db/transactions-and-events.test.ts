import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { Runtime } from '../../electron/core/runtime';
import { inTransaction } from '../../electron/core/db/transaction';
import { insertAudit } from '../../electron/core/repositories/audit.repository';
import { insertClient } from '../../electron/core/repositories/directory.repository';
import { nextTicketSequence } from '../../electron/core/repositories/ticket.repository';
import { callerFor, setUpIntake, ticketInput } from '../support/core-caller';
import { countRows, describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

/** Resolves with the first event that matches; a test awaits the event, never a timer. */
function nextEvent(runtime: Runtime, match: (event: DispatchEvent) => boolean): Promise<DispatchEvent> {
  return new Promise((resolve) => {
    const unsubscribe = runtime.core.subscribe((event) => {
      if (!match(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

/** Every event a runtime delivers from now on, in order. */
function recordEvents(runtime: Runtime): DispatchEvent[] {
  const seen: DispatchEvent[] = [];
  runtime.core.subscribe((event) => seen.push(event));
  return seen;
}

/** Resolves with the first `count` matching events; subscribe before the writes that cause them. */
function collectEvents(
  runtime: Runtime,
  match: (event: DispatchEvent) => boolean,
  count: number,
): Promise<DispatchEvent[]> {
  return new Promise((resolve) => {
    const collected: DispatchEvent[] = [];
    const unsubscribe = runtime.core.subscribe((event) => {
      if (!match(event)) return;
      collected.push(event);
      if (collected.length < count) return;
      unsubscribe();
      resolve(collected);
    });
  });
}

describeEachDatabase('transactions and change events', (kind) => {
  const env = useTestEnvironment();

  it('rolls back a write that fails after its insert, with its audit row and its change event', async () => {
    const runtime = await env.runtime({ database: await env.database(kind) });
    const seen = recordEvents(runtime);
    const { admin, otherClientId } = await setUpIntake(runtime);
    // Let the set-up's own events through first (the last one names the second client).
    if (!seen.some((e) => e.type === 'directory.changed' && e.clientId === otherClientId)) {
      await nextEvent(runtime, (e) => e.type === 'directory.changed' && e.clientId === otherClientId);
    }
    const before = await countRows(runtime.database);
    const doomedId = randomUUID();

    const failing = inTransaction(runtime.database, async (tx) => {
      const at = testIso();
      await insertClient(tx, {
        id: doomedId,
        name: 'Never saved',
        phone: null,
        phone_digits: null,
        email: null,
        time_zone: null,
        created_at: at,
      });
      await nextTicketSequence(tx, 2031);
      await insertAudit(tx, {
        at,
        userId: null,
        method: 'clients.create',
        entity: 'client',
        entityId: doomedId,
        before: null,
        after: { id: doomedId },
      });
      await runtime.events.publish(tx, { type: 'directory.changed', clientId: doomedId });
      throw new Error('the disk is full');
    });
    await expect(failing).rejects.toThrow('the disk is full');
    runtime.events.afterCommit();
    expect(await countRows(runtime.database)).toEqual(before);

    // Events arrive in commit order: once a later write's event is here, the failed one's never will be.
    const markerHeard = nextEvent(runtime, (e) => e.type === 'directory.changed' && e.clientId !== doomedId);
    const marker = await admin.call('clients.create', { name: 'Saved afterwards' });
    expect(await markerHeard).toEqual({ type: 'directory.changed', clientId: marker.id });
    expect(seen.filter((e) => e.type === 'directory.changed' && e.clientId === doomedId)).toEqual([]);
  });

  it('saves nothing when the core refuses a ticket half-way (a contact of another client)', async () => {
    const runtime = await env.runtime({ database: await env.database(kind) });
    const fixture = await setUpIntake(runtime);
    const foreignContact = await fixture.admin.call('contacts.create', {
      clientId: fixture.otherClientId,
      name: 'Priya Raman',
    });
    const before = await countRows(runtime.database);
    const result = await fixture.admin.invoke('tickets.create', ticketInput(fixture, { contactId: foreignContact.id }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['contactId'] }] } });
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('tells a second workstation on the same database about a ticket logged at the first', async () => {
    const database = await env.database(kind);
    const first = await env.runtime({ database });
    const second = await env.runtime({ database });
    const fixture = await setUpIntake(first);
    const heard = nextEvent(second, (e) => e.type === 'ticket.created');
    const heardHere = nextEvent(first, (e) => e.type === 'ticket.created');

    const ticket = await fixture.admin.call('tickets.create', ticketInput(fixture));

    const expected = { type: 'ticket.created', ticketId: ticket.id, number: ticket.number, clientId: fixture.clientId };
    expect(await heard).toEqual(expected);
    expect(await heardHere).toEqual(expected);
    // The second workstation reads the ticket through its own core with the same session.
    const atSecond = callerFor(second, fixture.admin.credentials);
    expect(await atSecond.call('tickets.get', { id: ticket.id })).toEqual(ticket);
  });

  it('delivers the events of several writes in the order they were committed', async () => {
    const database = await env.database(kind);
    const first = await env.runtime({ database });
    const second = await env.runtime({ database });
    const fixture = await setUpIntake(first);
    const heard = collectEvents(second, (e) => e.type === 'ticket.created', 3);
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(await fixture.admin.call('tickets.create', ticketInput(fixture)));
    expect((await heard).map((e) => (e.type === 'ticket.created' ? e.number : ''))).toEqual(
      tickets.map((t) => t.number),
    );
  });
});

describe('change events on SQLite', () => {
  const env = useTestEnvironment();

  // PostgreSQL carries events as NOTIFY and stores none; SQLite keeps them for other processes
  // and prunes them by age, so their time must be the core's.
  it('stamps stored change events with the core clock, not the machine clock', async () => {
    const clock = manualClock('2031-05-06T07:08:09.000Z');
    const runtime = await env.runtime({ clock });
    const fixture = await setUpIntake(runtime);
    await fixture.admin.call('tickets.create', ticketInput(fixture));
    const stamps = await runtime.database.db.selectFrom('change_events').select('at').distinct().execute();
    expect(stamps.map((s) => s.at)).toEqual(['2031-05-06T07:08:09.000Z']);
  });
});
