import { beforeAll, expect, it } from 'vitest';
import { isUniqueViolation } from '../../electron/core/db/errors';
import { insertParts } from '../../electron/core/repositories/part.repository';
import type { Runtime } from '../../electron/core/runtime';
import { setUpAdmin, type CoreCaller } from '../support/core-caller';
import { countRows, describeEachDatabase, useTestEnvironment } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

const allDay: [string, string][] = [['00:00', '24:00']];

describeEachDatabase('the parts catalog and work logs', (kind) => {
  const env = useTestEnvironment();
  let runtime: Runtime;
  let admin: CoreCaller;
  let visitId: string;

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind) });
    admin = await setUpAdmin(runtime);
    const client = await admin.call('clients.create', { name: 'Northwind' });
    const ticket = await admin.call('tickets.create', {
      channel: 'phone',
      receivedAt: testIso(-60_000),
      clientId: client.id,
      description: 'Printer offline',
      priority: 'medium',
    });
    const technician = await admin.call('technicians.save', {
      name: 'Pat Field',
      timeZone: 'UTC',
      shiftPattern: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      skills: [],
      certifications: [],
    });
    visitId = (
      await admin.call('visits.create', {
        ticketId: ticket.id,
        technicianId: technician.id,
        startsAt: testIso(86_400_000),
        durationMinutes: 60,
      })
    ).id;
  });

  it('keeps one part per SKU regardless of case, in the database itself', async () => {
    await insertParts(
      runtime.database.db,
      [{ id: crypto.randomUUID(), sku: 'Tn-1', name: 'Toner', unit: 'each', active: true }],
      testIso(),
    );
    const again = insertParts(
      runtime.database.db,
      [{ id: crypto.randomUUID(), sku: 'TN-1', name: 'Toner again', unit: 'each', active: true }],
      testIso(),
    );
    await expect(again).rejects.toSatisfy(isUniqueViolation);
  });

  it('answers conflict naming sku to one of two saves of the same SKU at the same moment, keeping one part', async () => {
    const results = await Promise.all(
      ['rc-9', 'RC-9'].map((sku) => admin.invoke('parts.save', { sku, name: 'Race part', unit: 'each' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['sku'] }] },
    });
    expect(await admin.call('parts.list', { query: 'rc-9' })).toHaveLength(1);
  });

  it('imports a CSV in one transaction and stores measured quantities exactly', async () => {
    const summary = await admin.call('parts.importCsv', {
      csv: 'sku;name;unit\nCAB-1;"Cable; Cat6";m\nGR-1;Grease;kg\nSW-1;Switch;each\n',
    });
    expect(summary).toMatchObject({ rows: 3, created: 3 });
    const saved = await admin.call('workLogs.save', {
      visitId,
      expectedVersion: 0,
      actions: 'Re-cabled the printer',
      steps: ['Traced the cable', 'Replaced it'],
      parts: [
        { sku: 'cab-1', quantity: 2.5, serialsInstalled: [] },
        { sku: 'GR-1', quantity: 0.75 },
        { sku: 'SW-1', quantity: 2, serialsInstalled: ['S1', 'S2'], serialsRemoved: ['OLD-1'] },
      ],
      noParts: false,
      timeOnSiteMinutes: 35,
      outcome: 'partially_resolved',
    });
    expect(saved.parts.map((p) => [p.sku, p.quantity, p.serialsInstalled, p.serialsRemoved])).toEqual([
      ['CAB-1', 2.5, [], []],
      ['GR-1', 0.75, [], []],
      ['SW-1', 2, ['S1', 'S2'], ['OLD-1']],
    ]);
    expect(await admin.call('workLogs.get', { visitId })).toEqual(saved);
  });

  it('refuses a quantity of zero in the database itself, whatever the caller checked', async () => {
    const [part] = await admin.call('parts.list', { query: 'SW-1' });
    const before = await countRows(runtime.database);
    const insert = runtime.database.db
      .insertInto('visit_parts')
      .values({
        id: crypto.randomUUID(),
        visit_id: visitId,
        part_id: part?.id ?? '',
        position: 9,
        quantity: 0,
        serials_installed: '[]',
        serials_removed: '[]',
      })
      .execute();
    await expect(insert).rejects.toThrow();
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('lets only one of two saves over the same version win; the other answers stale', async () => {
    const { version } = await admin.call('workLogs.get', { visitId });
    const results = await Promise.all(
      ['First editor', 'Second editor'].map((actions) =>
        admin.invoke('workLogs.save', {
          visitId,
          expectedVersion: version,
          actions,
          steps: [],
          parts: [],
          noParts: true,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect((await admin.call('workLogs.get', { visitId })).version).toBe(version + 1);
  });
});
