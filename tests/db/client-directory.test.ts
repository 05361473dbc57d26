import { beforeAll, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startRuntime } from '../../electron/core/runtime';
import type { ClientDto, SiteDto } from '../../shared/domain/directory';
import { callerFor, setUpAdmin, type CoreCaller } from '../support/core-caller';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';
import { testClock } from '../support/test-clock';

/** What sites.update takes: the editable fields and the revision they were read at. */
function editable({ clientId: _client, revision, ...fields }: SiteDto) {
  return { ...fields, expectedRevision: revision };
}

describeEachDatabase('the client directory', (kind) => {
  const env = useTestEnvironment();
  let database: DatabaseConfig;
  let admin: CoreCaller;
  let northwind: ClientDto;
  let site: SiteDto;

  beforeAll(async () => {
    database = await env.database(kind);
    const runtime = await env.runtime({ database, slaWatchIntervalMs: false });
    admin = await setUpAdmin(runtime);
    northwind = await admin.call('clients.create', { name: 'Northwind Logistics', phone: '+1 212 555 0100' });
    await admin.call('contacts.create', { clientId: northwind.id, name: 'Maria Anders' });
    site = await admin.call('sites.create', {
      clientId: northwind.id,
      name: 'Head office',
      address: '1 Main St, New York',
      latitude: 40.7128,
      longitude: -74.006,
      accessHours: { mon: [['08:00', '24:00']] },
    });
    await admin.call('sites.create', { clientId: northwind.id, name: 'Depot', address: '9 Dock Rd' });
    for (const name of ['Contoso Clinics', '100% Uptime Ltd', 'Ärzte am Markt', 'Blue Yonder Airlines']) {
      await admin.call('clients.create', { name });
    }
  });

  it('counts sites and contacts per client and the total as numbers, a page at a time', async () => {
    // Where "Ärzte" sorts is the database's collation; every client still comes exactly once.
    const pages = await Promise.all([0, 2, 4].map((offset) => admin.call('clients.list', { limit: 2, offset })));
    const all = pages.flatMap((p) => p.clients);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(new Set(all.map((c) => c.id)).size).toBe(5);
    expect(all.map((c) => c.name).filter((name) => name !== 'Ärzte am Markt')).toEqual([
      '100% Uptime Ltd',
      'Blue Yonder Airlines',
      'Contoso Clinics',
      'Northwind Logistics',
    ]);
    expect(all.find((c) => c.id === northwind.id)).toEqual({ ...northwind, siteCount: 2, contactCount: 1 });
    expect(all.find((c) => c.name === 'Contoso Clinics')).toMatchObject({ siteCount: 0, contactCount: 0 });
  });

  it('matches names in any case and takes LIKE wildcards literally', async () => {
    const names = async (query: string) => (await admin.call('clients.list', { query })).clients.map((c) => c.name);
    expect(await names('ärzte')).toEqual(['Ärzte am Markt']);
    expect(await names('%')).toEqual(['100% Uptime Ltd']);
    expect(await names('212 555')).toEqual(['Northwind Logistics']);
  });

  it('reads back the revision it answered, so a form can save what it was given', async () => {
    const [listed] = (await admin.call('sites.list', { clientId: northwind.id })).filter((s) => s.id === site.id);
    expect(listed).toEqual(site);
    const updated = await admin.call('sites.update', { ...editable(site), latitude: 40.75 });
    expect(updated.latitude).toBe(40.75);
    site = updated;
  });

  it('lets exactly one of two edits from the same revision win; the other answers stale', async () => {
    const other = await startRuntime({ database, clock: testClock, slaWatchIntervalMs: false });
    env.defer(() => other.close());
    const elsewhere = callerFor(other, admin.credentials);
    const edit = (caller: CoreCaller, accessRequirements: string) => () =>
      caller.invoke('sites.update', { ...editable(site), accessRequirements });
    const [one, two] = [edit(admin, 'Badge at reception'), edit(elsewhere, 'Escort from the loading bay')];
    // SQLite runtimes in one process would block each other's synchronous busy wait: take turns,
    // as separate processes effectively do. On PostgreSQL both run at once and the row lock decides.
    const results = kind === 'postgres' ? await Promise.all([one(), two()]) : [await one(), await two()];
    const won = results.flatMap((r) => (r.ok ? [r.value] : []));
    const lost = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect([won.length, lost]).toEqual([1, ['stale']]);
    const [now] = (await admin.call('sites.list', { clientId: northwind.id })).filter((s) => s.id === site.id);
    expect(now?.accessRequirements).toBe(won[0]?.accessRequirements);
  });
});
