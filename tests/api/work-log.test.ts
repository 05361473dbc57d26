import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import { nextFreeMonday, startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf, type Auth } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

describe('work logs over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: Auth;
  let technician: Auth;
  let dispatcher: Auth;
  const events: DispatchEvent[] = [];

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    technician = { cookie: f.cookies.technician };
    dispatcher = { cookie: f.cookies.dispatcher };
    f.server.recordEvents(events);
    for (const part of [
      { sku: 'WL-CAT6', name: 'Patch cable Cat6', unit: 'm' },
      { sku: 'WL-SW-24', name: 'Switch 24 ports PoE', unit: 'each' },
      { sku: 'WL-OLD', name: 'Discontinued fan', unit: 'each', active: false },
    ]) {
      valueOf(await f.server.call('parts.save', part, admin));
    }
  });

  const log = (visitId: string, auth: Auth = admin) => f.server.call('workLogs.get', { visitId }, auth);
  const save = (input: Partial<ApiInput<'workLogs.save'>> & { visitId: string; expectedVersion: number }, auth: Auth) =>
    f.server.call('workLogs.save', { actions: '', steps: [], parts: [], noParts: false, ...input }, auth);

  /** Runs a refused save and checks that no row was added or removed and the log reads as before. */
  async function refusedWithoutWriting(visitId: string, run: () => ReturnType<typeof save>) {
    const rows = await countRows(f.server.runtime.database);
    const before = valueOf(await log(visitId));
    const reply = await run();
    expect(reply.body.ok, JSON.stringify(reply.body)).toBe(false);
    expect(await countRows(f.server.runtime.database)).toEqual(rows);
    expect(valueOf(await log(visitId))).toEqual(before);
    return reply;
  }

  async function bookVisit(): Promise<string> {
    return valueOf(
      await f.server.call(
        'visits.create',
        { ticketId: f.ticketId, technicianId: f.technicianId, startsAt: nextFreeMonday(), durationMinutes: 60 },
        admin,
      ),
    ).id;
  }

  it('reads an empty log at version 0 before anything is recorded, and says who may edit it', async () => {
    const own = valueOf(await log(f.ownVisitId, technician));
    expect(own).toMatchObject({
      visitId: f.ownVisitId,
      ticketId: f.ownTicketId,
      version: 0,
      actions: '',
      steps: [],
      parts: [],
      noParts: false,
      outcome: null,
      timeOnSiteMinutes: null,
      updatedAt: null,
      canEdit: true,
    });
    expect(valueOf(await log(f.visitId, technician)).canEdit).toBe(false);
    expect(valueOf(await log(f.ownVisitId, { cookie: f.cookies.support_desk })).canEdit).toBe(false);
    expect(valueOf(await log(f.ownVisitId, dispatcher)).canEdit).toBe(true);
  });

  it('lets a technician document their own visit: actions, steps, parts with serial numbers, outcome', async () => {
    events.length = 0;
    const saved = valueOf(
      await save(
        {
          visitId: f.ownVisitId,
          expectedVersion: 0,
          actions: 'Replaced the failed access switch and re-patched the uplink.',
          steps: ['Checked the port LEDs', 'Swapped the switch', 'Tested every port'],
          parts: [
            { sku: 'wl-sw-24', quantity: 1, serialsInstalled: [' FOC2231X0AB '], serialsRemoved: ['FOC1901Z9ZZ'] },
            { sku: 'WL-CAT6', quantity: 2.5 },
          ],
          timeOnSiteMinutes: 50,
          outcome: 'resolved',
        },
        technician,
      ),
    );
    expect(saved).toMatchObject({
      version: 1,
      steps: ['Checked the port LEDs', 'Swapped the switch', 'Tested every port'],
      timeOnSiteMinutes: 50,
      outcome: 'resolved',
      updatedBy: 'Toni Technician',
      parts: [
        {
          sku: 'WL-SW-24',
          name: 'Switch 24 ports PoE',
          unit: 'each',
          quantity: 1,
          serialsInstalled: ['FOC2231X0AB'],
          serialsRemoved: ['FOC1901Z9ZZ'],
        },
        { sku: 'WL-CAT6', unit: 'm', quantity: 2.5, serialsInstalled: [], serialsRemoved: [] },
      ],
    });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'ticket.documented',
        ticketId: f.ownTicketId,
        visitId: f.ownVisitId,
        part: 'work_log',
      }),
    );
    const audit = await f.server.runtime.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'work_log')
      .where('entity_id', '=', f.ownVisitId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ticket_id: f.ownTicketId, method: 'workLogs.save' });
  });

  it('answers stale to a save over a newer version, writing nothing', async () => {
    const reply = await refusedWithoutWriting(f.ownVisitId, () =>
      save({ visitId: f.ownVisitId, expectedVersion: 0, actions: 'An older draft', noParts: true }, technician),
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'stale', issues: [{ path: ['expectedVersion'] }] } });
  });

  it('replaces the parts lines as a whole on every save', async () => {
    const saved = valueOf(
      await save(
        {
          visitId: f.ownVisitId,
          expectedVersion: 1,
          actions: 'Only cable in the end.',
          parts: [{ sku: 'WL-CAT6', quantity: 3 }],
        },
        technician,
      ),
    );
    expect(saved.version).toBe(2);
    expect(saved.parts.map((p) => [p.sku, p.quantity])).toEqual([['WL-CAT6', 3]]);
    const rows = await f.server.runtime.database.db
      .selectFrom('visit_parts')
      .select('quantity')
      .where('visit_id', '=', f.ownVisitId)
      .execute();
    expect(rows.map((r) => r.quantity)).toEqual([3]);
  });

  it("refuses a technician on someone else's visit with forbidden, writing nothing", async () => {
    const reply = await refusedWithoutWriting(f.visitId, () =>
      save({ visitId: f.visitId, expectedVersion: 0, actions: 'Not my visit', noParts: true }, technician),
    );
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each(['support_desk', 'service_manager', 'supervisor'] as const)(
    'lets %s read a work log but not write one',
    async (role) => {
      expect(valueOf(await log(f.ownVisitId, { cookie: f.cookies[role] })).version).toBe(2);
      const reply = await refusedWithoutWriting(f.visitId, () =>
        save({ visitId: f.visitId, expectedVersion: 0, noParts: true }, { cookie: f.cookies[role] }),
      );
      expect(reply.status).toBe(403);
    },
  );

  it.each([
    ['a negative quantity', { sku: 'WL-CAT6', quantity: -2 }, ['parts', 0, 'quantity']],
    ['a quantity of zero', { sku: 'WL-CAT6', quantity: 0 }, ['parts', 0, 'quantity']],
    ['1.5 of a part counted in each', { sku: 'WL-SW-24', quantity: 1.5 }, ['parts', 0, 'quantity']],
    ['a SKU not in the catalog', { sku: 'NOPE-404', quantity: 1 }, ['parts', 0, 'sku']],
    ['an inactive SKU', { sku: 'WL-OLD', quantity: 1 }, ['parts', 0, 'sku']],
  ])('refuses %s with invalid_input naming the field, writing nothing', async (_label, line, path) => {
    const reply = await refusedWithoutWriting(f.visitId, () =>
      save({ visitId: f.visitId, expectedVersion: 0, parts: [line] }, dispatcher),
    );
    expect(reply.status).toBe(400);
    const issues = reply.body.ok ? [] : (reply.body.error.issues ?? []);
    expect(issues.map((i) => i.path)).toContainEqual(path);
    if (path[2] === 'sku') expect(issues[0]?.message).toContain(line.sku);
  });

  it('refuses "no parts used" together with parts, writing nothing', async () => {
    const reply = await refusedWithoutWriting(f.visitId, () =>
      save(
        { visitId: f.visitId, expectedVersion: 0, noParts: true, parts: [{ sku: 'WL-CAT6', quantity: 1 }] },
        dispatcher,
      ),
    );
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['noParts'] }] } });
  });

  it('lets a dispatcher record "no parts used" on any visit', async () => {
    const saved = valueOf(
      await save({ visitId: f.visitId, expectedVersion: 0, actions: 'Reset by phone.', noParts: true }, dispatcher),
    );
    expect(saved).toMatchObject({ version: 1, noParts: true, parts: [], updatedBy: 'Dev Dispatcher' });
  });

  it('keeps a part retired after it was recorded valid on that log, and refuses it on another', async () => {
    const visitId = await bookVisit();
    valueOf(await f.server.call('parts.save', { sku: 'WL-RETIRE', name: 'Soon retired PSU', unit: 'each' }, admin));
    valueOf(await save({ visitId, expectedVersion: 0, parts: [{ sku: 'WL-RETIRE', quantity: 1 }] }, admin));
    const part = valueOf(await f.server.call('parts.list', { query: 'WL-RETIRE' }, admin))[0];
    if (!part) throw new Error('the part is missing');
    const { id, sku, name, unit } = part;
    valueOf(await f.server.call('parts.save', { id, sku, name, unit, active: false }, admin));
    const resaved = valueOf(
      await save(
        { visitId, expectedVersion: 1, actions: 'Noted later', parts: [{ sku: 'WL-RETIRE', quantity: 1 }] },
        admin,
      ),
    );
    expect(resaved.version).toBe(2);
    const elsewhere = await refusedWithoutWriting(f.ownVisitId, () =>
      save({ visitId: f.ownVisitId, expectedVersion: 2, parts: [{ sku: 'WL-RETIRE', quantity: 1 }] }, technician),
    );
    expect(elsewhere.body).toMatchObject({ ok: false, error: { issues: [{ path: ['parts', 0, 'sku'] }] } });
  });

  it('refuses to document a cancelled visit, writing nothing', async () => {
    const visitId = await bookVisit();
    valueOf(await f.server.call('visits.cancel', { id: visitId, expectedVersion: 1, reason: 'Client closed' }, admin));
    expect(valueOf(await log(visitId)).canEdit).toBe(false);
    const reply = await refusedWithoutWriting(visitId, () =>
      save({ visitId, expectedVersion: 0, noParts: true }, admin),
    );
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['visitId'] }] } });
  });

  it('answers not_found for a visit that does not exist', async () => {
    const reply = await save({ visitId: crypto.randomUUID(), expectedVersion: 0, noParts: true }, admin);
    expect(reply.status).toBe(404);
    expect((await log(crypto.randomUUID())).status).toBe(404);
  });

  it("suggests the time on site from the visit's arrival to its end, or to now while on site", async () => {
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-180 * 60_000),
          clientId: f.clientId,
          description: 'Scanner at the dock reboots',
          priority: 'medium',
        },
        admin,
      ),
    );
    const visit = valueOf(
      await f.server.call(
        'visits.create',
        { ticketId: ticket.id, technicianId: f.technicianId, startsAt: nextFreeMonday(), durationMinutes: 60 },
        admin,
      ),
    );
    // The dispatcher relays the crew's times as they called them in.
    const arrived = testIso(-142 * 60_000);
    const onSiteVisit = valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: visit.version, status: 'on_site', at: arrived },
        dispatcher,
      ),
    );
    const onSite = valueOf(await log(visit.id)).suggestedTimeOnSiteMinutes ?? 0;
    expect(onSite).toBeGreaterThanOrEqual(142);
    expect(onSite).toBeLessThanOrEqual(143);
    const finished = new Date(Date.parse(arrived) + 95 * 60_000).toISOString();
    valueOf(
      await f.server.call(
        'visits.setStatus',
        { id: visit.id, expectedVersion: onSiteVisit.version, status: 'completed', at: finished },
        dispatcher,
      ),
    );
    expect(valueOf(await log(visit.id))).toMatchObject({ suggestedTimeOnSiteMinutes: 95, timeOnSiteMinutes: null });
  });

  it("lists a ticket's work logs in visit order, leaving out cancelled visits with nothing recorded", async () => {
    const logs = valueOf(await f.server.call('workLogs.forTicket', { ticketId: f.ticketId }, technician));
    const visits = valueOf(await f.server.call('visits.forTicket', { ticketId: f.ticketId }, admin));
    const expected = visits.filter((v) => v.status !== 'cancelled').map((v) => v.id);
    expect(logs.map((l) => l.visitId)).toEqual(expected);
    expect(logs.find((l) => l.visitId === f.visitId)).toMatchObject({ noParts: true, canEdit: false });
    const own = valueOf(await f.server.call('workLogs.forTicket', { ticketId: f.ownTicketId }, technician));
    expect(own.find((l) => l.visitId === f.ownVisitId)).toMatchObject({ version: 2, canEdit: true });
    const unknown = await f.server.call('workLogs.forTicket', { ticketId: crypto.randomUUID() }, admin);
    expect(unknown.status).toBe(404);
  });
});
