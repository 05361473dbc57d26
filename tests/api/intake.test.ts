import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { useTestEnvironment, valueOf, type Auth } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

describe('intake over HTTP, from the caller to the queue', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: Auth;
  let desk: Auth;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    desk = { cookie: f.cookies.support_desk };
  });

  it('lets the admin add a user who can then log in with their role', async () => {
    const created = valueOf(
      await f.server.call(
        'users.create',
        { username: 'jo.tech', displayName: 'Jo Tech', role: 'technician', password: 'long-enough-1' },
        admin,
      ),
    );
    expect(created).toMatchObject({ username: 'jo.tech', displayName: 'Jo Tech', role: 'technician', active: true });
    const listed = valueOf(await f.server.call('users.list', {}, admin));
    expect(listed).toContainEqual(created);
    expect(listed.map((u) => u.username)).toEqual([...listed.map((u) => u.username)].sort());
    const cookie = await f.server.login('jo.tech', 'long-enough-1');
    // The same user, now with the sign-in just made.
    expect(valueOf(await f.server.call('auth.status', {}, { cookie })).user).toEqual({
      ...created,
      lastSignInAt: expect.any(String) as unknown,
    });
  });

  it('refuses a second user with the same username with 409 conflict', async () => {
    const reply = await f.server.call(
      'users.create',
      { username: 'desk', displayName: 'Another Desk', role: 'support_desk', password: 'long-enough-1' },
      admin,
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['username'] }] } });
  });

  it('creates a client the desk then finds by name and by phone number', async () => {
    const client = valueOf(
      await f.server.call(
        'clients.create',
        {
          name: 'Margie Travel',
          phone: '+1 (425) 555-0199',
          email: 'desk@margie.example',
          timeZone: 'America/Los_Angeles',
        },
        desk,
      ),
    );
    expect(client).toMatchObject({
      name: 'Margie Travel',
      phone: '+1 (425) 555-0199',
      timeZone: 'America/Los_Angeles',
    });
    for (const query of ['margie', '4255550199', '555-0199']) {
      const found = valueOf(await f.server.call('clients.search', { query }, desk));
      expect(found, query).toContainEqual({ kind: 'client', client, contact: null });
    }
  });

  it("adds contacts to a client and lists them by name, each with the client's id", async () => {
    for (const name of ['Zoe Zimmer', 'Adam Aalto']) {
      valueOf(await f.server.call('contacts.create', { clientId: f.otherClientId, name, email: '' }, desk));
    }
    const contacts = valueOf(await f.server.call('contacts.list', { clientId: f.otherClientId }, desk));
    expect(contacts.map((c) => c.name)).toEqual(['Adam Aalto', 'Hanna Moos', 'Zoe Zimmer']);
    expect(contacts.every((c) => c.clientId === f.otherClientId && c.email === null)).toBe(true);
  });

  it('adds a site with coordinates and lists it', async () => {
    const site = valueOf(
      await f.server.call(
        'sites.create',
        {
          clientId: f.clientId,
          name: 'Airport hangar',
          address: '7277 Perimeter Rd S, Seattle',
          latitude: 47.53,
          longitude: -122.3,
          accessRequirements: 'Airside pass',
          accessHours: { mon: [['06:00', '10:00']], tue: [['06:00', '10:00']] },
          timeZone: 'America/Los_Angeles',
        },
        desk,
      ),
    );
    expect(site).toMatchObject({
      latitude: 47.53,
      longitude: -122.3,
      accessRequirements: 'Airside pass',
      accessHours: { mon: [['06:00', '10:00']], tue: [['06:00', '10:00']] },
    });
    const sites = valueOf(await f.server.call('sites.list', { clientId: f.clientId }, desk));
    expect(sites.map((s) => s.name)).toEqual(['Airport hangar', 'Plant 2']);
  });

  it('refuses a site with a latitude but no longitude', async () => {
    const reply = await f.server.call(
      'sites.create',
      { clientId: f.clientId, name: 'Half a pin', address: '1 Unknown Rd', latitude: 47.6 },
      desk,
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['longitude'] }] },
    });
  });

  it('logs a ticket that reads back the same, with its caller, site and who logged it', async () => {
    const input: ApiInput<'tickets.create'> = {
      channel: 'email',
      externalRef: 'MAIL-778',
      receivedAt: '2026-01-05T14:03:00+01:00',
      clientId: f.clientId,
      contactId: f.contactId,
      siteId: f.siteId,
      category: 'Hardware',
      asset: 'PLC-7',
      description: '  Conveyor stops every few minutes  ',
      priority: 'critical',
    };
    const ticket = valueOf(await f.server.call('tickets.create', input, desk));
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^T-\d{4}-\d{6}$/) as unknown,
      channel: 'email',
      externalRef: 'MAIL-778',
      receivedAt: '2026-01-05T13:03:00.000Z',
      loggedBy: { displayName: 'Dana Desk' },
      client: { id: f.clientId, name: 'Tailspin Toys' },
      contact: { id: f.contactId, name: 'Kim Abercrombie', phone: '206-555-0112' },
      site: { id: f.siteId, name: 'Plant 2' },
      description: 'Conveyor stops every few minutes',
      priority: 'critical',
      status: 'new',
    });
    expect(valueOf(await f.server.call('tickets.get', { id: ticket.id }, { cookie: f.cookies.technician }))).toEqual(
      ticket,
    );
  });

  it('answers 404 not_found for a ticket that does not exist', async () => {
    const reply = await f.server.call('tickets.get', { id: '00000000-0000-4000-8000-000000000000' }, desk);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('orders the queue by what to do next: least time left, then priority, then age', async () => {
    const clientId = valueOf(await f.server.call('clients.create', { name: 'Queue Order Inc' }, desk)).id;
    const log = async (receivedAt: string, description: string, priority: 'critical' | 'low') =>
      valueOf(
        await f.server.call('tickets.create', { channel: 'phone', receivedAt, clientId, description, priority }, desk),
      );
    // Sunday: the three Low tickets share a due time (the close of the fifth business day after
    // Monday), so age decides among them; the Critical one is due two hours after receipt.
    await log('2026-02-01T10:00:00Z', 'middle', 'low');
    await log('2026-02-01T12:00:00Z', 'newest', 'low');
    await log('2026-02-01T08:00:00Z', 'oldest', 'low');
    await log('2026-02-01T13:00:00Z', 'critical', 'critical');

    const mine = valueOf(await f.server.call('tickets.queue', { clientId }, desk));
    expect(mine.map((r) => r.summary)).toEqual(['critical', 'oldest', 'middle', 'newest']);
    expect(mine.every((r) => r.clientName === 'Queue Order Inc' && r.status === 'new')).toBe(true);

    const all = valueOf(await f.server.call('tickets.queue', {}, desk));
    expect(all.length).toBeGreaterThan(mine.length);
    const dues = all.map((r) => r.slaDueAt ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(valueOf(await f.server.call('tickets.queue', { clientId, statuses: ['closed'] }, desk))).toEqual([]);
  });

  it("puts each queue row's site on the map when the site has coordinates", async () => {
    const clientId = valueOf(await f.server.call('clients.create', { name: 'Map Row Ltd' }, desk)).id;
    const mapped = valueOf(
      await f.server.call(
        'sites.create',
        { clientId, name: 'Pier 9', address: '9 Pier St', latitude: 40.7, longitude: -74.01 },
        desk,
      ),
    );
    const unmapped = valueOf(
      await f.server.call('sites.create', { clientId, name: 'Annex', address: '1 Back Rd' }, desk),
    );
    const log = async (siteId: string | undefined, description: string) =>
      valueOf(
        await f.server.call(
          'tickets.create',
          { channel: 'phone', receivedAt: '2026-02-03T09:00:00Z', clientId, siteId, description, priority: 'low' },
          desk,
        ),
      );
    await log(mapped.id, 'at the pier');
    await log(unmapped.id, 'at the annex');
    await log(undefined, 'no site');

    const rows = valueOf(await f.server.call('tickets.queue', { clientId }, desk));
    const location = (summary: string) => rows.find((r) => r.summary === summary)?.siteLocation;
    expect(location('at the pier')).toEqual({ latitude: 40.7, longitude: -74.01 });
    expect(location('at the annex')).toBeNull();
    expect(location('no site')).toBeNull();
  });

  it('cuts the queue summary to 140 characters', async () => {
    const description = 'A'.repeat(300);
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'portal',
          receivedAt: '2026-02-02T09:00:00Z',
          clientId: f.otherClientId,
          description,
          priority: 'low',
        },
        desk,
      ),
    );
    const row = valueOf(await f.server.call('tickets.queue', { clientId: f.otherClientId }, desk)).find(
      (r) => r.id === ticket.id,
    );
    expect(row?.summary).toBe('A'.repeat(140));
  });
});

describe('what a ticket needs from a technician', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  it('presets duration and skills from the work type, lets stated values win, and lets the dispatcher adjust them', async () => {
    const desk = { cookie: f.cookies.support_desk };
    const workTypes = valueOf(await f.server.call('workTypes.list', {}, desk));
    const workType = workTypes.find((w) => w.id === f.workTypeId);
    expect(workType?.requiredSkills.length).toBeGreaterThan(0);
    const base = {
      channel: 'phone',
      receivedAt: testIso(-60_000),
      clientId: f.clientId,
      siteId: f.siteId,
      description: 'Switch in rack 3 is down',
      priority: 'high',
    } as const;
    const preset = valueOf(await f.server.call('tickets.create', { ...base, workTypeId: f.workTypeId }, desk));
    expect(preset.needs).toEqual({
      workType: { id: f.workTypeId, name: workType?.name },
      estimatedMinutes: workType?.durationMinutes,
      requiredSkills: workType?.requiredSkills.map((s) => ({ ...s, name: expect.any(String) as unknown })),
    });
    const stated = valueOf(
      await f.server.call('tickets.create', { ...base, workTypeId: f.workTypeId, estimatedMinutes: 45 }, desk),
    );
    expect(stated.needs.estimatedMinutes).toBe(45);

    const dispatcher = { cookie: f.cookies.dispatcher };
    const adjusted = valueOf(
      await f.server.call(
        'tickets.setNeeds',
        { id: preset.id, requiredSkills: [{ skillId: f.skillId, minLevel: 4 }], estimatedMinutes: 120 },
        dispatcher,
      ),
    );
    expect(adjusted.needs).toMatchObject({
      workType: null,
      estimatedMinutes: 120,
      requiredSkills: [{ skillId: f.skillId, minLevel: 4 }],
    });
    const history = await f.server.runtime.database.db
      .selectFrom('audit_log')
      .select(['method', 'after'])
      .where('entity_id', '=', preset.id)
      .where('method', '=', 'tickets.setNeeds')
      .execute();
    expect(history).toHaveLength(1);
  });

  it('answers not_found for an unknown ticket and refuses technicians', async () => {
    const dispatcher = { cookie: f.cookies.dispatcher };
    const missing = await f.server.call(
      'tickets.setNeeds',
      { id: crypto.randomUUID(), estimatedMinutes: 30 },
      dispatcher,
    );
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const technician = await f.server.call(
      'tickets.setNeeds',
      { id: f.ticketId, estimatedMinutes: 30 },
      { cookie: f.cookies.technician },
    );
    expect(technician.status).toBe(403);
  });
});
