import { beforeAll, describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { PartDto } from '../../shared/domain/parts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

describe('the parts catalog over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  const events: DispatchEvent[] = [];

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    f.server.recordEvents(events);
  });

  const catalog = async (query?: string) =>
    valueOf(
      await f.server.call('parts.list', { includeInactive: true, limit: 5000, ...(query ? { query } : {}) }, admin),
    );
  const bySku = async (sku: string): Promise<PartDto | undefined> =>
    (await catalog()).find((p) => p.sku.toUpperCase() === sku.toUpperCase());
  const auditRows = (entity: string) =>
    f.server.runtime.database.db.selectFrom('audit_log').selectAll().where('entity', '=', entity).execute();

  /** Runs a refused call and checks that no table gained or lost a row and the catalog is as it was. */
  async function refusedWithoutWriting<T>(call: () => Promise<T>): Promise<T> {
    const rows = await countRows(f.server.runtime.database);
    const parts = await catalog();
    const reply = await call();
    expect(await countRows(f.server.runtime.database)).toEqual(rows);
    expect(await catalog()).toEqual(parts);
    return reply;
  }

  it('lets an admin add a part, audits it and tells every console', async () => {
    events.length = 0;
    const part = valueOf(
      await f.server.call('parts.save', { sku: 'psu-550w', name: 'Power supply 550 W', unit: 'each' }, admin),
    );
    expect(part).toMatchObject({ sku: 'psu-550w', name: 'Power supply 550 W', unit: 'each', active: true });
    const audits = await auditRows('part');
    expect(audits.find((a) => a.entity_id === part.id)).toMatchObject({ method: 'parts.save', before: null });
    await f.server.eventsSettled();
    expect(events).toContainEqual({ type: 'parts.changed' });
  });

  it('refuses a second part whose SKU differs only in case, with conflict naming sku, and writes nothing', async () => {
    const reply = await refusedWithoutWriting(() =>
      f.server.call('parts.save', { sku: 'PSU-550W', name: 'Another PSU', unit: 'each' }, admin),
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['sku'] }] } });
  });

  it('edits a part, deactivates it, and keeps inactive parts out of the default list', async () => {
    const before = await bySku('psu-550w');
    if (!before) throw new Error('the part is missing');
    const saved = valueOf(
      await f.server.call(
        'parts.save',
        { id: before.id, sku: 'PSU-550W', name: 'Power supply 550 W (hot-swap)', unit: 'each', active: false },
        admin,
      ),
    );
    expect(saved).toMatchObject({ id: before.id, sku: 'PSU-550W', active: false });
    const active = valueOf(
      await f.server.call('parts.list', { query: 'power supply' }, { cookie: f.cookies.technician }),
    );
    expect(active.map((p) => p.sku)).not.toContain('PSU-550W');
    expect((await catalog('550 W (hot-swap)')).map((p) => p.sku)).toEqual(['PSU-550W']);
  });

  it('answers not_found for a part id that does not exist, writing nothing', async () => {
    const reply = await refusedWithoutWriting(() =>
      f.server.call('parts.save', { id: crypto.randomUUID(), sku: 'GHOST-1', name: 'Ghost', unit: 'each' }, admin),
    );
    expect(reply.status).toBe(404);
  });

  it('lets every staff role read the catalog, and only an admin change it', async () => {
    for (const role of ['support_desk', 'dispatcher', 'technician', 'service_manager', 'supervisor'] as const) {
      expect((await f.server.call('parts.list', {}, { cookie: f.cookies[role] })).status).toBe(200);
      const save = await refusedWithoutWriting(() =>
        f.server.call('parts.save', { sku: `NOPE-${role}`, name: 'Nope', unit: 'each' }, { cookie: f.cookies[role] }),
      );
      expect(save.status).toBe(403);
      const csv = await refusedWithoutWriting(() =>
        f.server.call('parts.importCsv', { csv: 'sku,name,unit\nNOPE-2,Nope,each' }, { cookie: f.cookies[role] }),
      );
      expect(csv.status).toBe(403);
    }
  });

  describe('CSV import', () => {
    it('previews a file without writing anything', async () => {
      const csv = 'sku,name,unit\nCSV-FAN-80,Case fan 80 mm,each\nCSV-CAT6,Patch cable Cat6,m\n';
      const preview = await refusedWithoutWriting(() => f.server.call('parts.importCsv', { csv, dryRun: true }, admin));
      expect(valueOf(preview)).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, dryRun: true });
    });

    it('creates and updates by SKU regardless of case, with a BOM, semicolons, quoted fields and any header order', async () => {
      valueOf(await f.server.call('parts.save', { sku: 'CSV-TONER-K', name: 'Toner black', unit: 'each' }, admin));
      valueOf(await f.server.call('parts.save', { sku: 'CSV-SAME', name: 'Unchanged part', unit: 'pcs' }, admin));
      await f.server.eventsSettled();
      events.length = 0;
      const csv = [
        '\uFEFFUnit;NAME;Sku;Active',
        'each;"Toner cartridge; black, high yield";csv-toner-k;yes',
        'm;"Fibre patch cable ""LC-LC"" OM4";CSV-LC-OM4;',
        'pcs;Unchanged part;CSV-SAME;',
        '',
        'each;"Retired fan";CSV-OLD-FAN;no',
      ].join('\r\n');
      const preview = valueOf(await f.server.call('parts.importCsv', { csv, dryRun: true }, admin));
      const imported = valueOf(await f.server.call('parts.importCsv', { csv }, admin));
      expect(imported).toEqual({ rows: 4, created: 2, updated: 1, unchanged: 1, dryRun: false });
      expect({ ...preview, dryRun: false }).toEqual(imported);
      expect(await bySku('CSV-TONER-K')).toMatchObject({
        sku: 'csv-toner-k',
        name: 'Toner cartridge; black, high yield',
        active: true,
      });
      expect(await bySku('CSV-LC-OM4')).toMatchObject({
        name: 'Fibre patch cable "LC-LC" OM4',
        unit: 'm',
        active: true,
      });
      expect(await bySku('CSV-OLD-FAN')).toMatchObject({ active: false });
      const audits = (await auditRows('part')).filter((a) => a.method === 'parts.importCsv');
      expect(audits).toHaveLength(3);
      await f.server.eventsSettled();
      expect(events.filter((e) => e.type === 'parts.changed')).toHaveLength(1);
    });

    it('reads a comma-separated file with quoted commas and a column it does not know', async () => {
      const csv = 'SKU,Name,Unit,Price\nCSV-SW-24,"Switch, 24 ports, PoE",each,"1,299.00"\n';
      expect(valueOf(await f.server.call('parts.importCsv', { csv }, admin))).toMatchObject({ created: 1 });
      expect(await bySku('CSV-SW-24')).toMatchObject({ name: 'Switch, 24 ports, PoE', unit: 'each' });
    });

    it('refuses a file with bad lines, one issue per line with its number and column, and imports none of it', async () => {
      const csv = [
        'sku,name,unit,active',
        'CSV-GOOD-1,Good part,each,yes', // line 2: fine, yet not imported
        'CSV-GOOD-2,,each,', // 3: no name
        'csv-good-1,Same SKU again,each,', // 4: duplicate of line 2
        `CSV-LONG,${'n'.repeat(201)},each,`, // 5: name too long
        'CSV SPACE,Space in the SKU,each,', // 6: bad SKU
        'CSV-ACTIVE,Bad flag,each,maybe', // 7: active is not yes or no
        'CSV-NO-UNIT,No unit', // 8: unit missing
      ].join('\n');
      const reply = await refusedWithoutWriting(() => f.server.call('parts.importCsv', { csv }, admin));
      expect(reply.status).toBe(400);
      const issues = reply.body.ok ? [] : (reply.body.error.issues ?? []);
      expect(issues.map((i) => i.path)).toEqual([
        ['csv', 3, 'name'],
        ['csv', 4, 'sku'],
        ['csv', 5, 'name'],
        ['csv', 6, 'sku'],
        ['csv', 7, 'active'],
        ['csv', 8, 'unit'],
      ]);
      expect(issues[1]?.message).toMatch(/line 2/);
      expect(issues.every((i) => i.message.startsWith(`Line ${String(i.path[1])}`))).toBe(true);
    });

    it('refuses a header without the required columns, and a quote left open, naming the line', async () => {
      const header = await refusedWithoutWriting(() =>
        f.server.call('parts.importCsv', { csv: 'code;description\nA;B\n' }, admin),
      );
      expect(header.body).toMatchObject({ ok: false, error: { issues: [{ path: ['csv', 1, 'sku'] }] } });
      const quote = await refusedWithoutWriting(() =>
        f.server.call('parts.importCsv', { csv: 'sku,name,unit\nQ-1,"Open quote,each\n' }, admin),
      );
      expect(quote.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['csv', 2] }] } });
    });

    it('dry-runs a bad file with the same issues as the import would give', async () => {
      const csv = 'sku,name,unit\nDRY-1,,each\n';
      const preview = await refusedWithoutWriting(() => f.server.call('parts.importCsv', { csv, dryRun: true }, admin));
      expect(preview.body).toMatchObject({ ok: false, error: { issues: [{ path: ['csv', 2, 'name'] }] } });
    });
  });
});
