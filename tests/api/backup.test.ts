// Backups of the embedded database (issue 16 §3): made with SQLite's online backup while the
// console works, checked, listed, pruned; on PostgreSQL the console says they are pg_dump's job.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseConfig } from '../../electron/core/db/connect';
import { migrationsFor } from '../../electron/core/db/migrations/index';
import { startRuntime } from '../../electron/core/runtime';
import { testClock, testIso } from '../support/test-clock';
import { officeHours } from '../support/api-fixture';
import { countRows, manualClock, useTestEnvironment, valueOf, type TestServer } from '../support/test-runtime';

function openBackup(file: string): SqliteDatabase.Database {
  return new SqliteDatabase(file, { readonly: true, fileMustExist: true });
}

describe('backing up the embedded database', () => {
  const env = useTestEnvironment();
  let server: TestServer;
  let admin: { cookie: string };
  let clientId: string;
  let folder: string;

  beforeAll(async () => {
    const runtime = await env.runtime({ demo: 'basic', database: await env.database('sqlite') });
    server = await env.server(runtime);
    admin = { cookie: await server.login('admin') };
    clientId = valueOf(await server.call('clients.create', { name: 'Northwind Traders' }, admin)).id;
    folder = env.tempDir();
    valueOf(await server.call('backup.saveSettings', { folder, scheduleHour: null, keep: 3 }, admin));
  });

  const logTicket = async (description: string, auth = admin) =>
    valueOf(
      await server.call(
        'tickets.create',
        { channel: 'phone', receivedAt: testIso(-60_000), clientId, description, priority: 'low' },
        auth,
      ),
    );

  it('backs up now into the chosen folder: the copy passes integrity_check and holds the data', async () => {
    const ticket = await logTicket('Scanner offline before the backup');
    const made = valueOf(await server.call('backup.run', {}, admin));
    expect(path.dirname(made.path)).toBe(folder);
    expect(made.sizeBytes).toBe(fs.statSync(made.path).size);
    expect(made.sizeBytes).toBeGreaterThan(4096);
    const copy = openBackup(made.path);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // One self-contained file: no WAL beside it to lose when it is copied elsewhere.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('select description from tickets where id = ?').get(ticket.id)).toEqual({
        description: 'Scanner offline before the backup',
      });
    } finally {
      copy.close();
    }
    const listed = valueOf(await server.call('backup.list', {}, admin));
    expect(listed.folderProblem).toBeNull();
    expect(listed.backups[0]).toEqual(made);
  });

  it('keeps only the newest backups, as many as the admin chose, and leaves other files alone', async () => {
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    const made = [];
    for (let i = 0; i < 4; i++) made.push(valueOf(await server.call('backup.run', {}, admin)));
    const listed = valueOf(await server.call('backup.list', {}, admin)).backups;
    expect(listed.map((b) => b.name)).toEqual(
      made
        .slice(1)
        .reverse()
        .map((b) => b.name),
    );
    expect(fs.readdirSync(folder).sort()).toEqual([...made.slice(1).map((b) => b.name), 'notes.txt'].sort());
  });

  it('holds every ticket acknowledged before the backup started, while 4 writers keep logging tickets', async () => {
    // Some 2 MB of history, so the copy takes many steps and the writers get turns between them.
    const filler = 'x'.repeat(20_000);
    const db = server.runtime.database.db;
    for (let i = 0; i < 100; i++)
      await db
        .insertInto('settings')
        .values({ key: `filler.${i}`, value: filler })
        .execute();

    const acknowledged: string[] = [];
    let stop = false;
    const desk = { cookie: await server.login('desk') };
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = 0; !stop; n++) acknowledged.push((await logTicket(`Writer ${w}, ticket ${n}`, desk)).id);
    });
    while (acknowledged.length < 20) await new Promise((resolve) => setImmediate(resolve));

    const beforeStart = [...acknowledged];
    const made = valueOf(await server.call('backup.run', {}, admin));
    const duringBackup = acknowledged.length - beforeStart.length;
    stop = true;
    await Promise.all(writers);

    expect(duringBackup, 'tickets logged while the backup ran').toBeGreaterThan(0);
    const copy = openBackup(made.path);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set((copy.prepare('select id from tickets').all() as { id: string }[]).map((r) => r.id));
      expect(beforeStart.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      copy.close();
    }
  });

  it('says the folder is missing instead of failing, and refuses to back up into it, writing nothing', async () => {
    const gone = env.tempDir();
    valueOf(await server.call('backup.saveSettings', { folder: gone, scheduleHour: 3, keep: 2 }, admin));
    fs.rmSync(gone, { recursive: true });
    const listed = valueOf(await server.call('backup.list', {}, admin));
    expect(listed).toEqual({ backups: [], folderProblem: 'The folder does not exist; create it first.' });
    const before = await countRows(server.runtime.database);
    const reply = await server.call('backup.run', {}, admin);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(reply.body.ok ? '' : reply.body.error.message).toContain(gone);
    expect(await countRows(server.runtime.database)).toEqual(before);
    valueOf(await server.call('backup.saveSettings', { folder, scheduleHour: null, keep: 3 }, admin));
  });

  it('shows the settings and the zone the daily hour is read in', async () => {
    const status = valueOf(await server.call('backup.status', {}, admin));
    expect(status).toMatchObject({
      engine: 'sqlite',
      settings: { folder, scheduleHour: null, keep: 3 },
      lastScheduled: null,
      pendingRestore: null,
    });
    expect(status.timeZone).toMatch(/\//);
  });
});

describe('backups on PostgreSQL', () => {
  const env = useTestEnvironment();

  it('says backups are the database server’s job and makes none', async () => {
    const runtime = await env.runtime({ demo: 'basic', database: await env.database('postgres') });
    const server = await env.server(runtime);
    const admin = { cookie: await server.login('admin') };
    expect(valueOf(await server.call('backup.status', {}, admin))).toMatchObject({ engine: 'postgres' });
    const reply = await server.call('backup.run', {}, admin);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(reply.body.ok ? '' : reply.body.error.message).toContain('pg_dump');
    const folder = env.tempDir();
    const saved = await server.call('backup.saveSettings', { folder, scheduleHour: 1, keep: 2 }, admin);
    expect(saved.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the daily backup', () => {
  const env = useTestEnvironment();

  it('backs up once at the admin’s hour in the organisation’s zone, keeps the last N, and reports a missing folder', async () => {
    // The default calendar's zone is this machine's; the test sets it so the hour means one instant.
    const clock = manualClock('2026-12-07T09:30:00.000Z');
    const runtime = await env.runtime({ demo: 'basic', clock, database: await env.database('sqlite') });
    const server = await env.server(runtime);
    let admin = { cookie: await server.login('admin') };
    valueOf(
      await server.call(
        'calendars.save',
        { scope: { kind: 'default' }, name: 'Head office', calendar: officeHours },
        admin,
      ),
    );
    const folder = env.tempDir();
    valueOf(await server.call('backup.saveSettings', { folder, scheduleHour: 5, keep: 2 }, admin));
    const scheduler = runtime.backupScheduler;

    // 04:30 in New York: yesterday's 05:00 was never backed up, so the first look catches up once.
    expect(await scheduler.tick()).toMatchObject({ ok: true });
    expect(await scheduler.tick()).toBeNull();
    clock.set('2026-12-07T09:59:00.000Z');
    expect(await scheduler.tick()).toBeNull();
    clock.set('2026-12-07T10:00:00.000Z');
    const at5 = await scheduler.tick();
    expect(at5).toMatchObject({ at: '2026-12-07T10:00:00.000Z', ok: true });
    expect(await scheduler.tick()).toBeNull();
    clock.set('2026-12-08T10:01:00.000Z');
    expect(await scheduler.tick()).toMatchObject({ ok: true });

    // A day on the clock ended the admin's session.
    admin = { cookie: await server.login('admin') };
    const backups = valueOf(await server.call('backup.list', {}, admin)).backups;
    expect(backups.map((b) => b.createdAt)).toEqual(['2026-12-08T10:01:00.000Z', '2026-12-07T10:00:00.000Z']);
    const audit = valueOf(await server.call('audit.list', { filter: { entity: 'backup' }, limit: 10 }, admin));
    expect(audit.entries.filter((e) => e.method === 'backup.schedule')).toHaveLength(3);

    fs.rmSync(folder, { recursive: true });
    clock.set('2026-12-09T10:00:00.000Z');
    const failed = await scheduler.tick();
    expect(failed).toMatchObject({ ok: false });
    expect(failed?.message).toContain('does not exist');
    admin = { cookie: await server.login('admin') };
    // Reported once on the Backup screen, not retried every minute until the next day's hour.
    expect(valueOf(await server.call('backup.status', {}, admin)).lastScheduled).toEqual(failed);
    clock.advance(60_000);
    expect(await scheduler.tick()).toBeNull();
  });

  it('makes no backup without an hour or a folder', async () => {
    const runtime = await env.runtime({ demo: 'basic', database: await env.database('sqlite') });
    expect(await runtime.backupScheduler.tick()).toBeNull();
  });
});

describe('restoring a backup', () => {
  const env = useTestEnvironment();

  /** A console on a SQLite file of its own, closed by the test (to restart it) or at the end. */
  async function startConsole(database: DatabaseConfig) {
    const runtime = await startRuntime({
      database,
      demo: 'basic',
      clock: testClock,
      slaWatchIntervalMs: false,
      outboxIntervalMs: false,
      delayWatchIntervalMs: false,
      backupCheckIntervalMs: false,
    });
    let closed = false;
    const close = async () => {
      if (!closed) await runtime.close();
      closed = true;
    };
    env.defer(close);
    const server = await env.server(runtime);
    const admin = { cookie: await server.login('admin') };
    return { runtime, server, admin, close };
  }

  async function logTicket(server: TestServer, admin: { cookie: string }, description: string) {
    const clientId = valueOf(await server.call('clients.create', { name: `Client of ${description}` }, admin)).id;
    const input = { channel: 'phone', receivedAt: testIso(-60_000), clientId, description, priority: 'low' } as const;
    return valueOf(await server.call('tickets.create', input, admin));
  }

  // The tests' own tickets, apart from the demo data's.
  const ours = (list: string[]) => list.filter((d) => d.endsWith('the backup')).sort();
  const descriptions = (db: SqliteDatabase.Database) =>
    ours((db.prepare('select description from tickets').all() as { description: string }[]).map((r) => r.description));

  it('stages the backup, and at the next start keeps the current database aside and runs on the restored one', async () => {
    const database = await env.database('sqlite');
    if (database.kind !== 'sqlite') throw new Error('a SQLite database was asked for');
    const first = await startConsole(database);
    const folder = env.tempDir();
    valueOf(await first.server.call('backup.saveSettings', { folder, scheduleHour: null, keep: 5 }, first.admin));
    await logTicket(first.server, first.admin, 'Before the backup');
    const backup = valueOf(await first.server.call('backup.run', {}, first.admin));
    await logTicket(first.server, first.admin, 'After the backup');

    const staged = valueOf(await first.server.call('backup.restore', { file: backup.path }, first.admin));
    expect(staged.pendingRestore.from).toBe(backup.path);
    const status = valueOf(await first.server.call('backup.status', {}, first.admin));
    expect(status.pendingRestore).toEqual(staged.pendingRestore);
    // Nothing changes under the running console.
    const tickets = await first.runtime.database.db.selectFrom('tickets').select('description').execute();
    expect(ours(tickets.map((t) => t.description))).toEqual(['After the backup', 'Before the backup']);
    await first.close();

    const second = await startConsole(database);
    const now = await second.runtime.database.db.selectFrom('tickets').select('description').execute();
    expect(ours(now.map((t) => t.description))).toEqual(['Before the backup']);
    expect(valueOf(await second.server.call('backup.status', {}, second.admin)).pendingRestore).toBeNull();
    expect(fs.existsSync(`${database.file}.restore-pending`)).toBe(false);

    const keptFolder = path.join(path.dirname(database.file), 'before-restore');
    const kept = fs.readdirSync(keptFolder);
    expect(kept).toHaveLength(1);
    const aside = openBackup(path.join(keptFolder, kept[0] ?? ''));
    try {
      expect(aside.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(descriptions(aside)).toEqual(['After the backup', 'Before the backup']);
    } finally {
      aside.close();
    }
    await second.close();
  });

  it('brings a backup of an earlier version up to the current schema at that start', async () => {
    const older = path.join(env.tempDir(), 'from-0010.sqlite');
    const early = await openDatabase({ kind: 'sqlite', file: older }, { migrateTo: '0010-audit-indexes' });
    await early.db.insertInto('settings').values({ key: 'from.older', value: 'kept' }).execute();
    await early.close();
    for (const side of ['-wal', '-shm']) expect(fs.existsSync(`${older}${side}`)).toBe(false);

    const database = await env.database('sqlite');
    const first = await startConsole(database);
    valueOf(await first.server.call('backup.restore', { file: older }, first.admin));
    await first.close();
    const second = await startConsole(database);
    const db = second.runtime.database.db;
    const names = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
      (r) => r.name,
    );
    expect(names).toEqual(Object.keys(migrationsFor('sqlite')).sort());
    const kept = await db.selectFrom('settings').select('value').where('key', '=', 'from.older').executeTakeFirst();
    expect(kept?.value).toBe('kept');
  });

  describe('refusals, which leave the current database untouched', () => {
    let console_: Awaited<ReturnType<typeof startConsole>>;
    let good: string;
    let databaseFile: string;

    beforeAll(async () => {
      const database = await env.database('sqlite');
      if (database.kind !== 'sqlite') throw new Error('a SQLite database was asked for');
      databaseFile = database.file;
      console_ = await startConsole(database);
      const folder = env.tempDir();
      valueOf(
        await console_.server.call('backup.saveSettings', { folder, scheduleHour: null, keep: 5 }, console_.admin),
      );
      await logTicket(console_.server, console_.admin, 'Current work');
      good = valueOf(await console_.server.call('backup.run', {}, console_.admin)).path;
    });

    async function refusal(prepare: (file: string) => void): Promise<string> {
      const file = path.join(env.tempDir(), 'candidate.sqlite');
      fs.copyFileSync(good, file);
      prepare(file);
      const before = await countRows(console_.runtime.database);
      const bytesBefore = fs.readFileSync(databaseFile);
      const reply = await console_.server.call('backup.restore', { file }, console_.admin);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['file'] }] } });
      expect(await countRows(console_.runtime.database)).toEqual(before);
      expect(fs.readFileSync(databaseFile).equals(bytesBefore), 'the database file is unchanged').toBe(true);
      expect(fs.existsSync(`${databaseFile}.restore-pending`)).toBe(false);
      expect(valueOf(await console_.server.call('backup.status', {}, console_.admin)).pendingRestore).toBeNull();
      return reply.body.ok ? '' : reply.body.error.message;
    }

    it('refuses a backup with bytes flipped, as failing the integrity check', async () => {
      const message = await refusal((file) => {
        const bytes = fs.readFileSync(file);
        // Flip every byte of the pages after the first: the tables' contents are garbage.
        for (let i = 4096 * 2; i < bytes.length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
        fs.writeFileSync(file, bytes);
      });
      expect(message).toMatch(/integrity check|not a readable database|malformed/);
    });

    it('refuses a file that is not a database at all', async () => {
      expect(await refusal((file) => fs.writeFileSync(file, 'Dear admin, this is a letter.\n'.repeat(200)))).toMatch(
        /not a readable database|cannot be opened/,
      );
    });

    it('refuses a SQLite database of another program', async () => {
      const message = await refusal((file) => {
        fs.rmSync(file);
        const other = new SqliteDatabase(file);
        other.exec('create table recipes (name text)');
        other.close();
      });
      expect(message).toBe('The file is a SQLite database, but not a Dispatch Console database.');
    });

    it('refuses a backup from a newer version of the console', async () => {
      const message = await refusal((file) => {
        const newer = new SqliteDatabase(file);
        newer.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-future', testIso());
        newer.close();
      });
      expect(message).toContain('newer version');
      expect(message).toContain('9999-future');
    });

    it('refuses a file that does not exist, and the database the console is running on', async () => {
      const missing = await console_.server.call('backup.restore', { file: `${good}.gone` }, console_.admin);
      expect(missing.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'There is no such file.' },
      });
      const live = await console_.server.call('backup.restore', { file: databaseFile }, console_.admin);
      expect(live.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['file'] }] } });
    });
  });
});
