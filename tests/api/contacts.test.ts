import { beforeAll, describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../shared/api/events';
import type { ClientDto, ContactDto } from '../../shared/domain/directory';
import type { Role } from '../../shared/domain/roles';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

describe('editing and retiring contacts over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  const events: DispatchEvent[] = [];
  let client: ClientDto;
  let ola: ContactDto;
  let per: ContactDto;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    f.server.recordEvents(events);
    client = valueOf(await f.server.call('clients.create', { name: 'Lucerne Bakeries' }, admin));
    ola = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId: client.id, name: 'Ola Nordmann', phone: '+1 503 555 0140', role: 'Office manager' },
        admin,
      ),
    );
    per = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId: client.id, name: 'Per Kvist', phone: '+1 503 555 0177', email: 'per@lucerne.example' },
        admin,
      ),
    );
  });

  const as = (role: Role) => ({ cookie: f.cookies[role] });
  const contactsOf = async (includeInactive: boolean) =>
    valueOf(await f.server.call('contacts.list', { clientId: client.id, includeInactive }, admin));
  const contactNow = async (id: string) => (await contactsOf(true)).find((c) => c.id === id);
  const auditRows = (entityId: string) =>
    f.server.runtime.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'contact')
      .where('entity_id', '=', entityId)
      .orderBy('at')
      .execute();
  const editOf = (c: ContactDto) => ({
    id: c.id,
    expectedRevision: c.revision,
    name: c.name,
    phone: c.phone,
    email: c.email,
    role: c.role,
  });
  const ticketFor = (contactId: string) => ({
    channel: 'phone' as const,
    receivedAt: testIso(-60_000),
    clientId: client.id,
    contactId,
    description: 'Proving oven thermostat reads 0 °C',
    priority: 'medium' as const,
  });

  /** A call that changes nothing: no table gains a row, every contact reads the same, no event leaves. */
  async function changesNothing<T>(call: () => Promise<T>): Promise<T> {
    const rows = await countRows(f.server.runtime.database);
    const contacts = await contactsOf(true);
    const eventCount = events.length;
    const reply = await call();
    expect(await countRows(f.server.runtime.database)).toEqual(rows);
    expect(await contactsOf(true)).toEqual(contacts);
    expect(events.slice(eventCount)).toEqual([]);
    return reply;
  }

  describe('contacts.update', () => {
    it('lets an admin correct name, phone, e-mail and role: a new revision, an audit row, and an event', async () => {
      events.length = 0;
      const updated = valueOf(
        await f.server.call(
          'contacts.update',
          {
            ...editOf(ola),
            name: 'Ola Nordmann-Berg',
            phone: '+1 503 555 0199',
            email: 'ola@lucerne.example',
            role: 'Facilities lead',
          },
          admin,
        ),
      );
      expect(updated).toMatchObject({
        id: ola.id,
        clientId: client.id,
        name: 'Ola Nordmann-Berg',
        phone: '+1 503 555 0199',
        email: 'ola@lucerne.example',
        role: 'Facilities lead',
        active: true,
      });
      expect(updated.revision).not.toBe(ola.revision);
      expect(await contactNow(ola.id)).toEqual(updated);
      const audits = (await auditRows(ola.id)).filter((a) => a.method === 'contacts.update');
      expect(audits).toHaveLength(1);
      expect(JSON.parse(audits[0]?.before ?? '{}')).toMatchObject({ name: 'Ola Nordmann', role: 'Office manager' });
      expect(JSON.parse(audits[0]?.after ?? '{}')).toMatchObject({
        name: 'Ola Nordmann-Berg',
        role: 'Facilities lead',
      });
      expect(events).toEqual([{ type: 'directory.changed', clientId: client.id }]);
      // The caller search reads the new phone number's digits.
      const found = valueOf(await f.server.call('clients.search', { query: '5550199' }, admin));
      expect(found.find((m) => m.contact?.id === ola.id)?.contact).toEqual(updated);
      ola = updated;
    });

    it('clears phone, e-mail and role with null or blanks', async () => {
      const cleared = valueOf(
        await f.server.call('contacts.update', { ...editOf(per), phone: null, email: '', role: '  ' }, admin),
      );
      expect(cleared).toMatchObject({ name: 'Per Kvist', phone: null, email: null, role: null });
      per = valueOf(
        await f.server.call(
          'contacts.update',
          { ...editOf(cleared), phone: '+1 503 555 0177', email: 'per@lucerne.example' },
          admin,
        ),
      );
    });

    it('lets the desk and dispatchers correct a contact too', async () => {
      for (const role of ['support_desk', 'dispatcher'] as const) {
        ola = valueOf(
          await f.server.call('contacts.update', { ...editOf(ola), role: `Facilities (${role})` }, as(role)),
        );
        expect(ola.role).toBe(`Facilities (${role})`);
      }
    });

    it.each(['technician', 'service_manager', 'supervisor'] as const)(
      'refuses a %s with forbidden and changes nothing',
      async (role) => {
        const reply = await changesNothing(() =>
          f.server.call('contacts.update', { ...editOf(ola), name: 'Renamed' }, as(role)),
        );
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      },
    );

    it.each([
      ['an empty name', { name: '  ' }, ['name']],
      ['a name of 121 characters', { name: 'x'.repeat(121) }, ['name']],
      ['a phone number with letters', { phone: 'ask reception' }, ['phone']],
      ['an e-mail without an @', { email: 'ola.lucerne.example' }, ['email']],
      ['a role of 81 characters', { role: 'x'.repeat(81) }, ['role']],
      ['a move to another client', { clientId: '9b2f0a52-4a8e-4a0e-9d39-3f1f3a8e2b11' }, ['clientId']],
      ['an unknown contact', { id: '9b2f0a52-4a8e-4a0e-9d39-3f1f3a8e2b11' }, ['id']],
    ] as const)('refuses %s with invalid_input at its field and changes nothing', async (_label, change, path) => {
      const reply = await changesNothing(() => f.server.call('contacts.update', { ...editOf(ola), ...change }, admin));
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path }] } });
    });

    it('refuses an edit based on an older read with stale and keeps the other edit', async () => {
      const theirs = valueOf(
        await f.server.call('contacts.update', { ...editOf(ola), phone: '+1 503 555 0111' }, as('support_desk')),
      );
      const reply = await changesNothing(() =>
        f.server.call('contacts.update', { ...editOf(ola), email: 'mine@lucerne.example' }, admin),
      );
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'stale', issues: [{ path: ['expectedRevision'] }] },
      });
      expect((await contactNow(ola.id))?.phone).toBe('+1 503 555 0111');
      ola = theirs;
    });

    it('refuses another contact’s revision: revisions are per record', async () => {
      const reply = await changesNothing(() =>
        f.server.call('contacts.update', { ...editOf(per), expectedRevision: ola.revision }, admin),
      );
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'stale' } });
    });
  });

  describe('contacts.setActive', () => {
    let oldTicketId: string;

    beforeAll(async () => {
      oldTicketId = valueOf(await f.server.call('tickets.create', ticketFor(per.id), admin)).id;
    });

    it.each(['technician', 'service_manager', 'supervisor'] as const)(
      'refuses a %s with forbidden and changes nothing',
      async (role) => {
        const reply = await changesNothing(() =>
          f.server.call('contacts.setActive', { id: per.id, expectedRevision: per.revision, active: false }, as(role)),
        );
        expect(reply.status).toBe(403);
      },
    );

    it('refuses a retirement based on an older read with stale and changes nothing', async () => {
      const reply = await changesNothing(() =>
        f.server.call('contacts.setActive', { id: ola.id, expectedRevision: per.revision, active: false }, admin),
      );
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'stale', issues: [{ path: ['expectedRevision'] }] },
      });
    });

    it('retires a contact: audited before and after, directory.changed, and still named on the old ticket', async () => {
      events.length = 0;
      const retired = valueOf(
        await f.server.call(
          'contacts.setActive',
          { id: per.id, expectedRevision: per.revision, active: false },
          as('dispatcher'),
        ),
      );
      expect(retired).toMatchObject({ id: per.id, name: 'Per Kvist', active: false });
      expect(retired.revision).not.toBe(per.revision);
      const [audit] = (await auditRows(per.id)).filter((a) => a.method === 'contacts.setActive');
      expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ active: true });
      expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ active: false });
      expect(events).toEqual([{ type: 'directory.changed', clientId: client.id }]);
      const old = valueOf(await f.server.call('tickets.get', { id: oldTicketId }, admin));
      expect(old.contact).toMatchObject({ id: per.id, name: 'Per Kvist' });
      per = retired;
    });

    it('hides a retired contact from intake: contacts.list and the caller search, unless includeInactive', async () => {
      expect((await contactsOf(false)).map((c) => c.name)).toEqual(['Ola Nordmann-Berg']);
      expect((await contactsOf(true)).map((c) => c.name)).toEqual(['Ola Nordmann-Berg', 'Per Kvist']);
      for (const query of ['Kvist', '5550177']) {
        const found = valueOf(await f.server.call('clients.search', { query }, as('support_desk')));
        expect(found.filter((m) => m.contact?.id === per.id)).toEqual([]);
        const all = valueOf(await f.server.call('clients.search', { query, includeInactive: true }, admin));
        expect(all.find((m) => m.contact?.id === per.id)?.contact).toEqual(per);
      }
    });

    it('counts only the contacts intake may pick in the client directory', async () => {
      const page = valueOf(await f.server.call('clients.list', { query: client.name }, admin));
      expect(page.clients.find((c) => c.id === client.id)?.contactCount).toBe(1);
    });

    it('refuses a new ticket for a retired contact at contactId and logs nothing', async () => {
      const reply = await changesNothing(() => f.server.call('tickets.create', ticketFor(per.id), admin));
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['contactId'] }] },
      });
    });

    it('setting the same state again changes nothing: no audit row, no event', async () => {
      const before = (await auditRows(per.id)).length;
      const reply = await changesNothing(() =>
        f.server.call('contacts.setActive', { id: per.id, expectedRevision: per.revision, active: false }, admin),
      );
      expect(valueOf(reply)).toEqual(per);
      expect(await auditRows(per.id)).toHaveLength(before);
    });

    it('brings a contact back: offered at intake again and accepted on a new ticket', async () => {
      per = valueOf(
        await f.server.call(
          'contacts.setActive',
          { id: per.id, expectedRevision: per.revision, active: true },
          as('support_desk'),
        ),
      );
      expect(per.active).toBe(true);
      expect((await contactsOf(false)).map((c) => c.name)).toEqual(['Ola Nordmann-Berg', 'Per Kvist']);
      const ticket = valueOf(await f.server.call('tickets.create', ticketFor(per.id), admin));
      expect(ticket.contact?.id).toBe(per.id);
    });
  });
});
