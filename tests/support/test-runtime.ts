// Starts real runtimes and HTTP servers for tests, and tears every one of them down in afterAll.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect } from 'vitest';
import type { ApiOutput, MethodName } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import type { Role } from '../../shared/domain/roles';
import type { Result } from '../../shared/errors';
import type { DatabaseConfig, DatabaseHandle } from '../../electron/core/db/connect';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../electron/core/runtime';
import type { Clock } from '../../electron/core/services/clock';
import { demoUsers } from '../../electron/core/services/demo-data';
import { SESSION_COOKIE, startHttpServer } from '../../electron/http/http-server';
import { createPostgresDatabase, postgresMissing } from './postgres';
import { testClock } from './test-clock';

export type DatabaseKind = 'sqlite' | 'postgres';
export const databaseKinds: readonly DatabaseKind[] = ['sqlite', 'postgres'];
const databaseLabels: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/**
 * The engine a suite's runtimes use unless a test names one: SQLite, or PostgreSQL when the run
 * says so (vitest.config.ts runs the API suite once more that way).
 */
export const defaultDatabaseKind: DatabaseKind =
  process.env.DISPATCH_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The same suite on SQLite and on PostgreSQL. Outside CI a machine without PostgreSQL skips the
 * PostgreSQL variant, and the skipped suite's title says why and how to install it.
 */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  describe.each(databaseKinds)(`${title} (%s)`, (kind) => {
    const missing = kind === 'postgres' ? postgresMissing : null;
    describe.skipIf(missing !== null)(missing ?? `on ${databaseLabels[kind]}`, () => body(kind));
  });
}

/** A clock the test moves by hand, so time-dependent rules are tested without waiting. */
export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(startIso: string): ManualClock {
  let current = new Date(startIso);
  return {
    now: () => new Date(current),
    set: (iso) => void (current = new Date(iso)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

type Disposer = () => unknown;

/** Everything a test file starts: temp folders, databases, runtimes and servers, disposed in reverse. */
export class TestEnvironment {
  private readonly disposers: Disposer[] = [];

  defer(dispose: Disposer): void {
    this.disposers.push(dispose);
  }

  async dispose(): Promise<void> {
    const errors: unknown[] = [];
    for (let next = this.disposers.pop(); next; next = this.disposers.pop()) {
      try {
        await next();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'test teardown failed');
  }

  tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-test-'));
    this.defer(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** A new, empty database: a SQLite file in a temp folder, or a PostgreSQL database of its own. */
  async database(kind: DatabaseKind = defaultDatabaseKind): Promise<DatabaseConfig> {
    if (kind === 'sqlite') return { kind: 'sqlite', file: path.join(this.tempDir(), 'dispatch.sqlite') };
    const created = await createPostgresDatabase();
    this.defer(() => created.drop());
    return { kind: 'postgres', url: created.url };
  }

  /**
   * startRuntime on the given database (default: a fresh one of the run's default kind) and clock
   * (default: the suites' test clock), with no background outbox sender unless asked, closed in
   * afterAll.
   */
  async runtime(
    options: Partial<Omit<RuntimeOptions, 'database'>> & { database?: DatabaseConfig } = {},
  ): Promise<Runtime> {
    const runtime = await startRuntime({
      ...options,
      database: options.database ?? (await this.database()),
      demo: options.demo ?? false,
      clock: options.clock ?? testClock,
      // The sender drains only when a test asks (drainOnce): in the background it would write
      // change events in the middle of tests that count rows.
      outboxIntervalMs: options.outboxIntervalMs ?? false,
      // Likewise the delay watcher ticks only when a test asks (delayWatcher.tick), on the test's clock.
      delayWatchIntervalMs: options.delayWatchIntervalMs ?? false,
      // And the daily backup only when a test ticks it.
      backupCheckIntervalMs: options.backupCheckIntervalMs ?? false,
      // And the schedule mailer (scheduleMailer.tick).
      scheduleMailIntervalMs: options.scheduleMailIntervalMs ?? false,
      // And the mailbox poller (mailPoller.tick).
      mailPollIntervalMs: options.mailPollIntervalMs ?? false,
    });
    this.defer(() => runtime.close());
    return runtime;
  }

  /**
   * The browser-mode HTTP server on 127.0.0.1 and a free port, API only unless a static folder is
   * given; allowedHosts are the extra names it answers to (npm run serve -- --allowed-host).
   */
  async server(
    runtime: Runtime,
    options: {
      staticDir?: string;
      allowedHosts?: readonly string[];
      feedbackRateLimit?: { burst: number; perMinute: number };
    } = {},
  ): Promise<TestServer> {
    const running = await startHttpServer({
      core: runtime.core,
      staticDir: options.staticDir ?? null,
      host: '127.0.0.1',
      port: 0,
      allowedHosts: options.allowedHosts ?? [],
      ...(options.feedbackRateLimit ? { feedbackRateLimit: options.feedbackRateLimit } : {}),
    });
    this.defer(() => running.close());
    return new TestServer(running.url, runtime);
  }
}

/** One environment per test file (or describe block), torn down in afterAll. */
export function useTestEnvironment(): TestEnvironment {
  const env = new TestEnvironment();
  afterAll(() => env.dispose());
  return env;
}

/** How a request identifies its caller: the session cookie, or an API token sent as Bearer. */
export interface Auth {
  cookie?: string;
  token?: string;
}

export interface Reply<T> {
  status: number;
  body: Result<T>;
  headers: Headers;
}

export type DemoUsername = (typeof demoUsers)[number]['username'];
export const demoRoles: Record<string, Role> = Object.fromEntries(demoUsers.map((u) => [u.username, u.role]));
export const roleUsernames: Record<Role, string> = Object.fromEntries(
  demoUsers.map((u) => [u.role, u.username]),
) as Record<Role, string>;

const MARKER_RUN = 'events-settled:';
const markerProgress = {
  type: 'dispatch.progress',
  runId: MARKER_RUN,
  elapsedMs: 0,
  placed: 0,
  unplaced: 0,
  lateWeight: 0,
  travelMinutes: 0,
} as const;

export class TestServer {
  constructor(
    readonly url: string,
    readonly runtime: Runtime,
  ) {}

  /** POSTs JSON to /api/<method> and returns the status and the parsed Result. */
  async call<K extends MethodName>(method: K, input: unknown, auth: Auth = {}): Promise<Reply<ApiOutput<K>>> {
    return this.callAny(method, input, auth) as Promise<Reply<ApiOutput<K>>>;
  }

  /** Like call, for names outside the contract. */
  async callAny(method: string, input: unknown, auth: Auth = {}): Promise<Reply<unknown>> {
    return this.post(`/api/${method}`, JSON.stringify(input), { auth });
  }

  /** A raw POST, for bodies and headers a well-behaved client would never send. */
  async post(
    pathname: string,
    body: string,
    options: { auth?: Auth; headers?: Record<string, string> } = {},
  ): Promise<Reply<unknown>> {
    const response = await fetch(`${this.url}${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders(options.auth ?? {}), ...options.headers },
      body,
    });
    const reply = {
      status: response.status,
      body: (await response.json()) as Result<unknown>,
      headers: response.headers,
    };
    // So that a test sees a write's events as soon as it has the reply, as it does on SQLite.
    if (this.runtime.database.dialect === 'postgres') await this.eventsSettled();
    return reply;
  }

  /**
   * Resolves once every event committed before the call has reached this process's listeners. On
   * PostgreSQL events arrive over their own connection, possibly after the reply to the write
   * that caused them; they arrive in commit order, so a marker published now arrives after them
   * all. The marker is a progress event of a run that does not exist, which `recordEvents` leaves
   * out; on SQLite it is a row of change_events, so call it outside "nothing written" checks.
   */
  async eventsSettled(): Promise<void> {
    const runId = `${MARKER_RUN}${randomUUID()}`;
    const marker: DispatchEvent = { ...markerProgress, runId };
    const { database, events, core } = this.runtime;
    let stop: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      stop = core.subscribe((event) => {
        if (event.type === 'dispatch.progress' && event.runId === runId) resolve();
      });
    });
    try {
      await database.db.transaction().execute((tx) => events.publish(tx, marker));
      events.afterCommit();
      await arrived;
    } finally {
      stop();
    }
  }

  /** Appends every event this process delivers from now on to `into`, markers left out. */
  recordEvents(into: DispatchEvent[]): void {
    this.runtime.core.subscribe((event) => {
      if (event.type === 'dispatch.progress' && event.runId.startsWith(MARKER_RUN)) return;
      into.push(event);
    });
  }

  /** Logs in and returns the session cookie as a Cookie header value. */
  async login(username: string, password = 'demo'): Promise<string> {
    const reply = await this.call('auth.login', { username, password });
    expect(reply.body, `login as ${username}`).toMatchObject({ ok: true });
    const cookie = sessionCookieOf(reply.headers);
    if (!cookie) throw new Error(`auth.login as ${username} set no session cookie`);
    return cookie;
  }

  /** A session cookie for every demo user (startRuntime({ demo: 'basic' }) loads them, password "demo"). */
  async loginDemoUsers(): Promise<Record<Role, string>> {
    const entries = await Promise.all(demoUsers.map(async (u) => [u.role, await this.login(u.username)] as const));
    return Object.fromEntries(entries) as Record<Role, string>;
  }
}

export function authHeaders(auth: Auth): Record<string, string> {
  if (auth.token !== undefined) return { Authorization: `Bearer ${auth.token}` };
  if (auth.cookie !== undefined) return { Cookie: auth.cookie };
  return {};
}

/** The `dispatch_session=…` pair from a Set-Cookie header, or null. */
export function sessionCookieOf(headers: Headers): string | null {
  const header = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return header ? (header.split(';')[0] ?? null) : null;
}

/** The value of a successful Result; fails the test with the error otherwise. */
export function valueOf<T>(reply: Reply<T> | Result<T>): T {
  const result = 'body' in reply ? reply.body : reply;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const catalog =
    handle.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`;
  const tables = await catalog.execute(handle.db);
  return tables.rows.map((t) => t.name).sort((a, b) => a.localeCompare(b));
}

/** Rows in every table of the database (read from its catalog), for "nothing was written" checks. */
export async function countRows(handle: DatabaseHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(handle)) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(handle.db);
    counts[name] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * countRows for checks repeated thousands of times: the tables are listed once (a migration run
 * after this would go unnoticed) and counted in one statement, one round trip instead of one per table.
 */
export async function rowCounter(handle: DatabaseHandle): Promise<() => Promise<Record<string, number>>> {
  const names = await tableNames(handle);
  const counts = sql.join(names.map((name) => sql`(select count(*) from ${sql.table(name)}) as ${sql.id(name)}`));
  const query = sql<Record<string, number | string>>`select ${counts}`;
  return async () => {
    const row = (await query.execute(handle.db)).rows[0] ?? {};
    return Object.fromEntries(names.map((name) => [name, Number(row[name] ?? 0)]));
  };
}
