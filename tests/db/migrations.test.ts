import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connect';
import { migrationsFor } from '../../electron/core/db/migrations/index';
import { countRows, describeEachDatabase, useTestEnvironment } from '../support/test-runtime';
import { runWorkstations } from '../support/workstations';

const applicationTables = [
  'audit_log',
  'change_events',
  'clients',
  'contacts',
  'sessions',
  'settings',
  'sites',
  'skills',
  'technician_skills',
  'technicians',
  'technician_certifications',
  'technician_availability',
  'work_types',
  'calendars',
  'escalations',
  'ticket_counters',
  'tickets',
  'users',
  'visits',
  'visit_crew',
  'outbox',
  'message_templates',
  'client_message_opt_outs',
  'feedback_requests',
  'feedback',
  'visit_projections',
  'ticket_calls',
  'mailboxes',
  'inbound_emails',
];

describeEachDatabase('migrations', (kind) => {
  const env = useTestEnvironment();

  it('builds every table on an empty database and records each migration once', async () => {
    const config = await env.database(kind);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const counts = await countRows(handle);
    for (const table of applicationTables) expect(counts[table], table).toBe(0);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(kind)).sort());
  });

  it('opens an up-to-date database a second time without changing it or its data', async () => {
    const config = await env.database(kind);
    const first = await openDatabase(config);
    await first.db.insertInto('settings').values({ key: 'kept', value: 'across reopen' }).execute();
    const before = await countRows(first);
    await first.close();

    const second = await openDatabase(config);
    env.defer(() => second.close());
    expect(await countRows(second)).toEqual(before);
    const kept = await second.db.selectFrom('settings').select('value').where('key', '=', 'kept').executeTakeFirst();
    expect(kept?.value).toBe('across reopen');
  });

  it('lets two workstations start on the same new database at the same moment', async () => {
    const config = await env.database(kind);
    const reports = await runWorkstations([{ database: config }, { database: config }]);
    expect(reports).toHaveLength(2);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrationsFor(kind)).sort());
  });

  it('keeps a skill certification date through 0003, which makes it a calendar date on both databases', async () => {
    const config = await env.database(kind);
    // Build the schema as 0002 left it, with one certified skill, then let openDatabase finish.
    const early = await openDatabase(config, { migrateTo: '0002-sla' });
    const at = '2026-11-26T00:00:00.000Z';
    await early.db
      .insertInto('technicians')
      .values({
        id: 't1',
        user_id: null,
        name: 'Ines',
        phone: null,
        email: null,
        home_address: null,
        home_latitude: null,
        home_longitude: null,
        last_latitude: null,
        last_longitude: null,
        last_position_at: null,
        active: 1,
        created_at: at,
      })
      .execute();
    await early.db.insertInto('skills').values({ id: 's1', name: 'Network', description: null }).execute();
    await early.db
      .insertInto('technician_skills')
      .values({ technician_id: 't1', skill_id: 's1', level: 3, certified_until: '2027-03-31T00:00:00Z' })
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const row = await handle.db.selectFrom('technician_skills').select('certified_until').executeTakeFirstOrThrow();
    expect(row.certified_until?.slice(0, 10)).toBe('2027-03-31');
    if (kind === 'postgres') expect(row.certified_until).toBe('2027-03-31');
  });

  it('keeps every contact through 0007 as an active contact without a role, on both databases', async () => {
    const config = await env.database(kind);
    const early = await openDatabase(config, { migrateTo: '0006-onsite' });
    const at = '2026-11-26T09:00:00.000Z';
    await early.db
      .insertInto('clients')
      .values({
        id: 'c1',
        name: 'Lucerne',
        phone: null,
        phone_digits: null,
        email: null,
        time_zone: null,
        created_at: at,
      })
      .execute();
    // Typed as 0006 left the table: no role, no active flag yet.
    await (early.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('contacts')
      .values({ id: 'k1', client_id: 'c1', name: 'Ola', phone: null, phone_digits: null, email: null, created_at: at })
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const row = await handle.db.selectFrom('contacts').select(['name', 'role', 'active']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Ola', role: null, active: 1 });
  });

  it('marks every response moment before 0008 as an arrival and leaves earlier closings unknown as first-time fixes', async () => {
    const config = await env.database(kind);
    const early = await openDatabase(config, { migrateTo: '0007-contact-roles' });
    const at = '2026-11-26T09:00:00.000Z';
    // Typed loosely: these are the tables as 0007 left them.
    const db = early.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'dev',
        display_name: 'Dev',
        role: 'dispatcher',
        password_hash: 'x',
        active: 1,
        created_at: at,
      })
      .execute();
    await db
      .insertInto('clients')
      .values({
        id: 'c1',
        name: 'Lucerne',
        phone: null,
        phone_digits: null,
        email: null,
        time_zone: null,
        created_at: at,
      })
      .execute();
    const ticket = (id: string, number: string, firstArrivalAt: string | null, status: string) => ({
      id,
      number,
      channel: 'phone',
      received_at: at,
      logged_at: at,
      logged_by: 'u1',
      client_id: 'c1',
      description: 'Printer jams',
      priority: 'high',
      status,
      updated_at: at,
      first_arrival_at: firstArrivalAt,
    });
    await db
      .insertInto('tickets')
      .values([ticket('t1', 'T-1', '2026-11-26T10:00:00.000Z', 'closed'), ticket('t2', 'T-2', null, 'new')])
      .execute();
    await db
      .insertInto('ticket_closures')
      .values({ id: 'k1', ticket_id: 't1', closed_at: at, closed_by: 'u1', sla_outcome: 'met', sla_minutes: 30 })
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const tickets = await handle.db.selectFrom('tickets').select(['id', 'response_kind']).orderBy('id').execute();
    expect(tickets).toEqual([
      { id: 't1', response_kind: 'on_site' },
      { id: 't2', response_kind: null },
    ]);
    const closure = await handle.db
      .selectFrom('ticket_closures')
      .select(['resolved_remotely', 'first_time_fix'])
      .executeTakeFirstOrThrow();
    expect(closure).toEqual({ resolved_remotely: 0, first_time_fix: null });
  });

  it('leaves a login linked only to its earliest technician through 0012, which makes the link unique', async () => {
    const config = await env.database(kind);
    const early = await openDatabase(config, { migrateTo: '0010-audit-indexes' });
    const db = early.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const user = (id: string, username: string) => ({
      id,
      username,
      display_name: username,
      role: 'technician',
      password_hash: 'x',
      active: 1,
      created_at: '2026-11-01T09:00:00.000Z',
    });
    await db
      .insertInto('users')
      .values([user('u1', 'toni'), user('u2', 'ray')])
      .execute();
    const technician = (id: string, userId: string | null, createdAt: string) => ({
      id,
      user_id: userId,
      name: id,
      active: 1,
      created_at: createdAt,
    });
    // Two records share toni's login (the second made later), ray has one, two have none.
    await db
      .insertInto('technicians')
      .values([
        technician('later', 'u1', '2026-11-20T09:00:00.000Z'),
        technician('first', 'u1', '2026-11-02T09:00:00.000Z'),
        technician('ray', 'u2', '2026-11-03T09:00:00.000Z'),
        technician('free-1', null, '2026-11-04T09:00:00.000Z'),
        technician('free-2', null, '2026-11-05T09:00:00.000Z'),
      ])
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const links = await handle.db.selectFrom('technicians').select(['id', 'user_id']).orderBy('id').execute();
    expect(links).toEqual([
      { id: 'first', user_id: 'u1' },
      { id: 'free-1', user_id: null },
      { id: 'free-2', user_id: null },
      { id: 'later', user_id: null },
      { id: 'ray', user_id: 'u2' },
    ]);
    await expect(
      handle.db.updateTable('technicians').set({ user_id: 'u2' }).where('id', '=', 'later').execute(),
    ).rejects.toThrow();
  });

  it('builds the outbox through 0009 with one row per event key, on both databases', async () => {
    const config = await env.database(kind);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const at = '2026-11-26T09:00:00.000Z';
    const row = {
      id: 'm1',
      event_key: 'test:one',
      kind: 'test',
      ticket_id: null,
      visit_id: null,
      transport: 'email' as const,
      recipient: 'kim@example.com',
      subject: 'Hello',
      body_text: 'Hello',
      body_html: null,
      attachments: '[]',
      status: 'queued' as const,
      next_attempt_at: at,
      claimed_by: null,
      claim_expires_at: null,
      last_error: null,
      created_at: at,
      sent_at: null,
      delivery: null,
    };
    await handle.db.insertInto('outbox').values(row).execute();
    await expect(
      handle.db
        .insertInto('outbox')
        .values({ ...row, id: 'm2' })
        .execute(),
    ).rejects.toThrow();
    const stored = await handle.db
      .selectFrom('outbox')
      .select(['attempts', 'next_attempt_at'])
      .executeTakeFirstOrThrow();
    expect(stored.attempts).toBe(0);
    expect(new Date(stored.next_attempt_at).toISOString()).toBe(at);
  });

  it('builds the mailboxes through 0023 reading from UID 0, and takes each Message-ID in once, on both databases', async () => {
    const config = await env.database(kind);
    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const at = '2026-11-26T09:00:00.000Z';
    await handle.db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'admin',
        display_name: 'Admin',
        role: 'admin',
        password_hash: 'x',
        active: 1,
        must_change_password: 0,
        created_at: at,
      })
      .execute();
    await handle.db
      .insertInto('mailboxes')
      .values({
        id: 'mb1',
        name: 'Support',
        host: 'imap.example',
        port: 993,
        tls: 'tls',
        username: 'support',
        password: 'secret',
        folder: 'INBOX',
        enabled: 1,
        created_by: 'u1',
        created_at: at,
        updated_at: at,
        uid_validity: null,
        lease_holder: null,
        lease_until: null,
        last_polled_at: null,
        last_error: null,
      })
      .execute();
    const mailbox = await handle.db.selectFrom('mailboxes').select('last_uid').executeTakeFirstOrThrow();
    expect(mailbox.last_uid).toBe(0);
    const message = {
      id: 'e1',
      mailbox_id: 'mb1',
      message_id: '<one@client.example>',
      uid: 4_000_000_000,
      received_at: at,
      read_at: at,
      from_address: 'kim@client.example',
      from_name: null,
      subject: 'Help',
      outcome: 'needs-matching' as const,
      ticket_id: null,
      reason: null,
      body_text: 'Help',
      problems: '[]',
      held_attachments: '[]',
      refers_to: '[]',
    };
    await handle.db.insertInto('inbound_emails').values(message).execute();
    await expect(
      handle.db
        .insertInto('inbound_emails')
        .values({ ...message, id: 'e2', uid: 5 })
        .execute(),
    ).rejects.toThrow();
    // UIDs are unsigned 32-bit: above what a 32-bit integer column holds.
    const stored = await handle.db.selectFrom('inbound_emails').select('uid').executeTakeFirstOrThrow();
    expect(stored.uid).toBe(4_000_000_000);
  });

  it('keeps every contact receiving messages through 0011, and one opt-out row per client and kind', async () => {
    const config = await env.database(kind);
    const early = await openDatabase(config, { migrateTo: '0010-audit-indexes' });
    const at = '2026-11-26T09:00:00.000Z';
    await early.db
      .insertInto('clients')
      .values({
        id: 'c1',
        name: 'Lucerne',
        phone: null,
        phone_digits: null,
        email: null,
        time_zone: null,
        created_at: at,
      })
      .execute();
    // Typed as 0010 left the table: no opt-out yet.
    await (early.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('contacts')
      .values({
        id: 'k1',
        client_id: 'c1',
        name: 'Ola',
        phone: null,
        phone_digits: null,
        email: 'o@l.example',
        created_at: at,
      })
      .execute();
    await early.close();

    const handle = await openDatabase(config);
    env.defer(() => handle.close());
    const row = await handle.db.selectFrom('contacts').select(['name', 'messages_opt_out']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Ola', messages_opt_out: 0 });
    const optOut = { client_id: 'c1', kind: 'on-the-way' as const };
    await handle.db.insertInto('client_message_opt_outs').values(optOut).execute();
    await expect(handle.db.insertInto('client_message_opt_outs').values(optOut).execute()).rejects.toThrow();
  });
});

/** Rows of every table 0001 made, in its columns, with values valid under every later rule. */
const at = '2026-11-26T09:00:00.000Z';
const representative: Record<string, Record<string, unknown>[]> = {
  users: [
    {
      id: 'u1',
      username: 'dana',
      display_name: 'Dana',
      role: 'dispatcher',
      password_hash: 'x',
      active: 1,
      created_at: at,
    },
    {
      id: 'u2',
      username: 'toni',
      display_name: 'Toni',
      role: 'technician',
      password_hash: 'y',
      active: 0,
      created_at: at,
    },
  ],
  settings: [{ key: 'upgrade.kept', value: '{"a":1}' }],
  clients: [
    {
      id: 'c1',
      name: 'Lucerne',
      phone: '+41 41 555 01 01',
      phone_digits: '41415550101',
      email: 'desk@lucerne.example',
      time_zone: 'Europe/Zurich',
      created_at: at,
    },
  ],
  contacts: [
    {
      id: 'k1',
      client_id: 'c1',
      name: 'Ola',
      phone: null,
      phone_digits: null,
      email: 'ola@lucerne.example',
      created_at: at,
    },
  ],
  sites: [
    {
      id: 's1',
      client_id: 'c1',
      name: 'Depot',
      address: 'Quai 1, Luzern',
      latitude: 47.05,
      longitude: 8.31,
      access_requirements: 'Badge',
      time_zone: null,
      created_at: at,
    },
  ],
  skills: [{ id: 'sk1', name: 'Network', description: 'Switches' }],
  technicians: [
    {
      id: 't1',
      user_id: 'u2',
      name: 'Toni',
      phone: null,
      email: null,
      home_address: 'Luzern',
      home_latitude: 47.0,
      home_longitude: 8.3,
      last_latitude: null,
      last_longitude: null,
      last_position_at: null,
      active: 1,
      created_at: at,
    },
  ],
  technician_skills: [{ technician_id: 't1', skill_id: 'sk1', level: 4, certified_until: null }],
  ticket_counters: [{ year: 2026, last: 1 }],
  tickets: [
    {
      id: 'tk1',
      number: 'T-2026-000001',
      channel: 'phone',
      external_ref: 'EXT-1',
      received_at: at,
      logged_at: at,
      logged_by: 'u1',
      client_id: 'c1',
      contact_id: 'k1',
      site_id: 's1',
      category: 'Network',
      asset: 'SW-1',
      description: 'Switch down',
      impact: null,
      urgency: null,
      priority: 'high',
      status: 'new',
      sla_due_at: '2026-11-26T13:00:00.000Z',
      updated_at: at,
    },
  ],
  audit_log: [
    {
      id: 'a1',
      at,
      user_id: 'u1',
      method: 'tickets.create',
      entity: 'ticket',
      entity_id: 'tk1',
      before: null,
      after: '{"number":"T-2026-000001"}',
    },
  ],
};
const keys: Record<string, string> = { settings: 'key', ticket_counters: 'year', technician_skills: 'technician_id' };

describeEachDatabase('upgrades from every earlier schema version', (kind) => {
  const env = useTestEnvironment();
  const names = Object.keys(migrationsFor(kind)).sort();

  it.each(names.slice(0, -1))(
    'keeps every row of a database last migrated to %s, and its constraints hold',
    async (last) => {
      const config = await env.database(kind);
      const early = await openDatabase(config, { migrateTo: last });
      // Typed loosely: the tables as that version left them.
      const db = early.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      for (const [table, rows] of Object.entries(representative)) await db.insertInto(table).values(rows).execute();
      await early.close();

      const handle = await openDatabase(config);
      env.defer(() => handle.close());
      const latest = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      for (const [table, rows] of Object.entries(representative)) {
        const columns = Object.keys(rows[0] ?? {});
        const stored = await latest
          .selectFrom(table)
          .select(columns)
          .orderBy(keys[table] ?? 'id')
          .execute();
        expect(stored, table).toEqual(rows);
      }
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
      expect(applied.rows.map((r) => r.name)).toEqual(names);
      if (kind === 'sqlite') {
        expect((await sql`pragma foreign_key_check`.execute(handle.db)).rows).toEqual([]);
        expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db)).rows).toEqual([
          { integrity_check: 'ok' },
        ]);
      }
      const user = representative.users?.[0] ?? {};
      await expect(
        latest
          .insertInto('users')
          .values({ ...user, id: 'u9' })
          .execute(),
        'a second dana',
      ).rejects.toThrow();
      const ticket = representative.tickets?.[0] ?? {};
      await expect(
        latest
          .insertInto('tickets')
          .values({ ...ticket, id: 'tk9', number: 'T-2026-000009', client_id: 'nobody' })
          .execute(),
        'a ticket of a client that does not exist',
      ).rejects.toThrow();
    },
  );

  it('refuses, with a clear message, a database a newer version has migrated, every time it is opened', async () => {
    const config = await env.database(kind);
    const first = await openDatabase(config);
    await first.db.insertInto('settings').values({ key: 'kept', value: 'by the newer version' }).execute();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', ${at})`.execute(first.db);
    await first.close();

    await expect(openDatabase(config)).rejects.toThrow(
      /written by a newer version of Dispatch Console \(its schema has 9999-from-the-future/,
    );

    // Still recorded as newer (nothing was undone), and refused however it is opened.
    await expect(openDatabase(config, { migrateTo: names[0] ?? '' })).rejects.toThrow(/newer version/);
  });
});
