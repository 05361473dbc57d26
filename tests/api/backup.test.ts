// Backups of the embedded database (issue 16 §3): made with SQLite's online backup while the
// console works, checked, listed, pruned; on PostgreSQL the console says they are pg_dump's job.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testIso } from '../support/test-clock';
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
