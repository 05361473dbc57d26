import { beforeAll, describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { ClientDto, SiteDto } from '../../shared/domain/directory';
import type { Role } from '../../shared/domain/roles';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

describe('the client directory over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  const events: DispatchEvent[] = [];
  let client: ClientDto;
  let site: SiteDto;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    f.server.recordEvents(events);
    client = valueOf(
      await f.server.call(
        'clients.create',
        { name: 'Lucerne Bakeries', phone: '+1 503 555 0100', email: 'it@lucerne.example' },
        admin,
      ),
    );
    await f.server.call('contacts.create', { clientId: client.id, name: 'Ola Nordmann' }, admin);
    site = valueOf(
      await f.server.call(
        'sites.create',
        {
          clientId: client.id,
          name: 'Bakery',
          address: '12 Mill St, Seattle',
          latitude: 47.62,
          longitude: -122.35,
          timeZone: 'America/Los_Angeles',
        },
        admin,
      ),
    );
    await f.server.call(
      'sites.create',
      { clientId: client.id, name: 'Warehouse', address: '40 Dock Rd, Portland' },
      admin,
    );
  });

  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const sitesOf = async (clientId: string) => valueOf(await f.server.call('sites.list', { clientId }, admin));
  const siteNow = async (id: string) => (await sitesOf(client.id)).find((s) => s.id === id);
  const clientNow = async (id: string) =>
    valueOf(await f.server.call('clients.list', { query: '', limit: 200 }, admin)).clients.find((c) => c.id === id);
  const auditRows = (entity: string, entityId: string) =>
    f.server.runtime.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .execute();
  const siteInput = (s: SiteDto) => ({
    id: s.id,
    expectedRevision: s.revision,
    name: s.name,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    accessRequirements: s.accessRequirements,
    accessHours: s.accessHours,
    timeZone: s.timeZone,
  });

  /** A refused call: no table gains a row, the site and client read the same, no event leaves. */
  async function refusedWithoutWriting<T>(call: () => Promise<T>): Promise<T> {
    const rows = await countRows(f.server.runtime.database);
    const sites = await sitesOf(client.id);
    const listed = await clientNow(client.id);
    const eventCount = events.length;
    const reply = await call();
    expect(await countRows(f.server.runtime.database)).toEqual(rows);
    expect(await sitesOf(client.id)).toEqual(sites);
    expect(await clientNow(client.id)).toEqual(listed);
    expect(events.slice(eventCount)).toEqual([]);
    return reply;
  }

  describe('clients.list', () => {
    it('lists clients by name with their site and contact counts, to every staff role', async () => {
      for (const role of ['support_desk', 'dispatcher', 'technician', 'service_manager', 'supervisor'] as const) {
        const page = valueOf(await f.server.call('clients.list', { query: 'lucerne' }, as(role)));
        expect(page.total).toBe(1);
        expect(page.clients).toEqual([{ ...client, siteCount: 2, contactCount: 1 }]);
      }
    });

    it('finds a client by part of its phone number or e-mail, and lists everyone without a query', async () => {
      const byPhone = valueOf(await f.server.call('clients.list', { query: '503-555' }, admin));
      expect(byPhone.clients.map((c) => c.name)).toEqual(['Lucerne Bakeries']);
      const byEmail = valueOf(await f.server.call('clients.list', { query: '@LUCERNE' }, admin));
      expect(byEmail.clients.map((c) => c.name)).toEqual(['Lucerne Bakeries']);
      const all = valueOf(await f.server.call('clients.list', {}, admin));
      const names = all.clients.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(names).toEqual(expect.arrayContaining(['Lucerne Bakeries', 'Tailspin Toys', 'Wide World Importers']));
      expect(all.total).toBe(all.clients.length);
    });

    it('pages through the directory: every client once, the total on every page', async () => {
      const all = valueOf(await f.server.call('clients.list', { limit: 200 }, admin));
      const seen: string[] = [];
      for (let offset = 0; offset < all.total; offset += 2) {
        const page = valueOf(await f.server.call('clients.list', { limit: 2, offset }, admin));
        expect(page.total).toBe(all.total);
        expect(page.clients.length).toBeLessThanOrEqual(2);
        seen.push(...page.clients.map((c) => c.id));
      }
      expect(seen).toEqual(all.clients.map((c) => c.id));
      const past = valueOf(await f.server.call('clients.list', { limit: 2, offset: all.total }, admin));
      expect(past).toEqual({ clients: [], total: all.total });
    });
  });

  describe('clients.update', () => {
    it('lets an admin correct a client: a new revision, an audit row with before and after, and an event', async () => {
      events.length = 0;
      const updated = valueOf(
        await f.server.call(
          'clients.update',
          {
            id: client.id,
            expectedRevision: client.revision,
            name: 'Lucerne Fine Bakeries',
            phone: '+1 503 555 0199',
            email: null,
            timeZone: 'America/Los_Angeles',
          },
          admin,
        ),
      );
      expect(updated).toMatchObject({
        id: client.id,
        name: 'Lucerne Fine Bakeries',
        phone: '+1 503 555 0199',
        email: null,
        timeZone: 'America/Los_Angeles',
      });
      expect(updated.revision).not.toBe(client.revision);
      const [audit] = await auditRows('client', client.id).then((rows) => rows.filter((r) => r.before !== null));
      expect(audit).toMatchObject({ method: 'clients.update' });
      expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ name: 'Lucerne Bakeries' });
      expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ name: 'Lucerne Fine Bakeries' });
      expect(events).toEqual([{ type: 'directory.changed', clientId: client.id }]);
      // The caller search reads the new phone number's digits.
      const found = valueOf(await f.server.call('clients.search', { query: '5550199' }, admin));
      expect(found.map((m) => m.client.name)).toContain('Lucerne Fine Bakeries');
      client = updated;
    });

    it('lets the desk and dispatchers correct a client too', async () => {
      for (const role of ['support_desk', 'dispatcher'] as const) {
        const name = `Lucerne Fine Bakeries (${role})`;
        client = valueOf(
          await f.server.call(
            'clients.update',
            { id: client.id, expectedRevision: client.revision, name, phone: client.phone, timeZone: client.timeZone },
            as(role),
          ),
        );
        expect(client.name).toBe(name);
      }
    });

    it.each(['technician', 'service_manager', 'supervisor'] as const)(
      'refuses a %s with forbidden and changes nothing',
      async (role) => {
        const reply = await refusedWithoutWriting(() =>
          f.server.call(
            'clients.update',
            { id: client.id, expectedRevision: client.revision, name: 'Renamed' },
            as(role),
          ),
        );
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      },
    );

    it('refuses an update based on an older read with stale, naming expectedRevision, and changes nothing', async () => {
      const first = valueOf(
        await f.server.call(
          'clients.update',
          { id: client.id, expectedRevision: client.revision, name: 'Lucerne', phone: client.phone },
          admin,
        ),
      );
      const reply = await refusedWithoutWriting(() =>
        f.server.call(
          'clients.update',
          { id: client.id, expectedRevision: client.revision, name: 'Someone else’s edit', phone: client.phone },
          admin,
        ),
      );
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'stale', issues: [{ path: ['expectedRevision'] }] },
      });
      expect((await clientNow(client.id))?.name).toBe('Lucerne');
      client = first;
    });
  });

  describe('sites.update', () => {
    it('sets access requirements and weekly access hours in the site zone, audits and publishes site.changed', async () => {
      events.length = 0;
      const hours = { mon: [['07:00', '11:30'] as [string, string], ['13:00', '16:00'] as [string, string]], sat: [] };
      const updated = valueOf(
        await f.server.call(
          'sites.update',
          {
            ...siteInput(site),
            name: 'Bakery (north gate)',
            accessRequirements: 'Badge at the north gate; escort to the ovens',
            accessHours: hours,
          },
          admin,
        ),
      );
      expect(updated).toMatchObject({
        id: site.id,
        clientId: client.id,
        name: 'Bakery (north gate)',
        accessRequirements: 'Badge at the north gate; escort to the ovens',
        accessHours: hours,
        timeZone: 'America/Los_Angeles',
      });
      expect(updated.revision).not.toBe(site.revision);
      expect(await siteNow(site.id)).toEqual(updated);
      const audits = await auditRows('site', site.id);
      expect(audits.filter((a) => a.method === 'sites.update')).toHaveLength(1);
      expect(events).toEqual([{ type: 'site.changed', siteId: site.id, clientId: client.id }]);
      site = updated;
    });

    it('moves the site and clears its coordinates, requirements and hours with null', async () => {
      const moved = valueOf(
        await f.server.call('sites.update', { ...siteInput(site), latitude: -33.87, longitude: 151.21 }, admin),
      );
      expect(moved).toMatchObject({ latitude: -33.87, longitude: 151.21 });
      const cleared = valueOf(
        await f.server.call(
          'sites.update',
          { ...siteInput(moved), latitude: null, longitude: null, accessRequirements: '  ', accessHours: null },
          admin,
        ),
      );
      expect(cleared).toMatchObject({ latitude: null, longitude: null, accessRequirements: null, accessHours: null });
      site = valueOf(
        await f.server.call(
          'sites.update',
          { ...siteInput(cleared), latitude: 47.62, longitude: -122.35 },
          as('dispatcher'),
        ),
      );
    });

    it('holds the ranking to the new access hours: nobody starts before the site opens', async () => {
      const ticket = valueOf(
        await f.server.call(
          'tickets.create',
          {
            channel: 'phone',
            receivedAt: testIso(-60_000),
            clientId: client.id,
            siteId: site.id,
            description: 'Oven controller offline',
            priority: 'low',
          },
          admin,
        ),
      );
      // 2027-02-02 is a Tuesday; the fixture's technician works 08:00–16:30 in Los Angeles.
      const startOf = async () => {
        const ranking = valueOf(
          await f.server.call('dispatch.recommend', { ticketId: ticket.id, day: '2027-02-02' }, admin),
        );
        return ranking.ranked.find((r) => r.technicianId === f.technicianId)?.parts.earliestStart;
      };
      const unrestricted = await startOf();
      expect(unrestricted !== undefined && unrestricted < '2027-02-02T21:00:00.000Z').toBe(true);
      site = valueOf(
        await f.server.call('sites.update', { ...siteInput(site), accessHours: { tue: [['13:00', '16:00']] } }, admin),
      );
      // 13:00 in Los Angeles in February is 21:00 UTC.
      expect(await startOf()).toBe('2027-02-02T21:00:00.000Z');
    });

    it.each(['technician', 'service_manager', 'supervisor'] as const)(
      'refuses a %s with forbidden and changes nothing',
      async (role) => {
        const reply = await refusedWithoutWriting(() =>
          f.server.call('sites.update', { ...siteInput(site), accessHours: null }, as(role)),
        );
        expect(reply.status).toBe(403);
      },
    );

    it.each([
      ['a latitude of 91', { latitude: 91, longitude: 10 }, ['latitude']],
      ['a longitude without a latitude', { latitude: null, longitude: 10 }, ['latitude']],
      [
        'access hours ending before they start',
        { accessHours: { fri: [['16:00', '09:00']] } },
        ['accessHours', 'fri', 0, 1],
      ],
      ['access hours closed every day', { accessHours: {} }, ['accessHours']],
      ['an empty name', { name: '' }, ['name']],
      ['an unknown site', { id: '9b2f0a52-4a8e-4a0e-9d39-3f1f3a8e2b11' }, ['id']],
    ] as const)('refuses %s with invalid_input at its field and changes nothing', async (_label, change, path) => {
      const reply = await refusedWithoutWriting(() =>
        f.server.call('sites.update', { ...siteInput(site), ...change }, admin),
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path }] } });
    });

    it('refuses an edit based on an older read with stale and keeps the other edit', async () => {
      const theirs = valueOf(
        await f.server.call(
          'sites.update',
          { ...siteInput(site), accessRequirements: 'Ring the bell' },
          as('support_desk'),
        ),
      );
      const reply = await refusedWithoutWriting(() =>
        f.server.call('sites.update', { ...siteInput(site), accessRequirements: 'No badge needed' }, admin),
      );
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'stale', issues: [{ path: ['expectedRevision'] }] },
      });
      expect((await siteNow(site.id))?.accessRequirements).toBe('Ring the bell');
      site = theirs;
    });

    it('refuses a site of another client’s revision: revisions are per record', async () => {
      const other = (await sitesOf(client.id)).find((s) => s.id !== site.id);
      if (!other) throw new Error('the second site is missing');
      const reply = await refusedWithoutWriting(() =>
        f.server.call('sites.update', { ...siteInput(other), expectedRevision: site.revision }, admin),
      );
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'stale' } });
    });
  });

  describe('technicians publish their changes', () => {
    it('technicians.save, time off and its removal each publish technician.changed', async () => {
      const [technician] = valueOf(await f.server.call('technicians.list', {}, admin)).filter(
        (t) => t.id === f.technicianId,
      );
      if (!technician) throw new Error('the fixture technician is missing');
      events.length = 0;
      valueOf(
        await f.server.call(
          'technicians.save',
          {
            id: technician.id,
            name: 'Terry Field-Hill',
            team: technician.team,
            timeZone: technician.timeZone,
            shiftPattern: technician.shiftPattern,
            maxVisitsPerDay: technician.maxVisitsPerDay,
            skills: technician.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
            certifications: technician.certifications,
          },
          admin,
        ),
      );
      expect(events).toEqual([{ type: 'technician.changed', technicianId: technician.id }]);
      const absence = valueOf(
        await f.server.call(
          'technicians.addAvailability',
          {
            technicianId: technician.id,
            kind: 'sick',
            startsAt: '2027-03-01T00:00:00Z',
            endsAt: '2027-03-02T00:00:00Z',
          },
          admin,
        ),
      );
      await f.server.call('technicians.removeAvailability', { id: absence.id }, admin);
      expect(events).toEqual([
        { type: 'technician.changed', technicianId: technician.id },
        { type: 'technician.changed', technicianId: technician.id },
        { type: 'technician.changed', technicianId: technician.id },
      ]);
    });

    it('a refused technicians.save publishes nothing', async () => {
      events.length = 0;
      const reply = await f.server.call(
        'technicians.save',
        { id: f.technicianId, name: 'Nobody', timeZone: 'Mars/Base', shiftPattern: {}, maxVisitsPerDay: 3, skills: [] },
        admin,
      );
      expect(reply.status).toBe(400);
      expect(events).toEqual([]);
    });
  });
});
