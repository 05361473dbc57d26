import { sql } from 'kysely';
import pg from 'pg';
import type { DispatchEvent } from '../../../shared/api/events';
import type { DatabaseHandle } from '../db/connect';
import type { Tx } from '../db/transaction';
import type { Clock } from '../services/clock';

export type EventListener = (event: DispatchEvent) => void;

/**
 * Carries change events to every console attached to the same database, in this process and in
 * others. Events are written inside the writing transaction, so a rolled-back write never
 * announces itself: on PostgreSQL as NOTIFY (delivered at commit, in commit order), on SQLite as
 * a row in change_events that every process tails.
 */
export interface EventHub {
  publish(tx: Tx, event: DispatchEvent): Promise<void>;
  /** Call after a local commit so this process delivers at once instead of at the next poll. */
  afterCommit(): void;
  /**
   * Delivers an event to this process's listeners only, without storing it: for passing news such
   * as an optimization's progress, which only the console that started it (served here) needs.
   */
  announce(event: DispatchEvent): void;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'dispatch_events';
const POLL_MS = 250;
const KEEP_EVENTS_MS = 10 * 60 * 1000;

/** `clock` stamps and prunes stored events (SQLite), so they age on the same time as the core's. */
export async function startEventHub(handle: DatabaseHandle, clock: Clock): Promise<EventHub> {
  return handle.dialect === 'postgres' ? startPostgresHub(handle) : startSqliteHub(handle, clock);
}

function listenerSet() {
  const listeners = new Set<EventListener>();
  return {
    // An arrow, because the hubs hand it out unbound as their `subscribe`.
    add: (listener: EventListener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    // An arrow too: the hubs hand it out unbound as their `announce`.
    emit: (event: DispatchEvent) => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error('event listener failed:', error);
        }
      }
    },
  };
}

async function startSqliteHub(handle: DatabaseHandle, clock: Clock): Promise<EventHub> {
  const listeners = listenerSet();
  const { db } = handle;
  const start = await db
    .selectFrom('change_events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  let lastId = Number(start?.max ?? 0);
  let polling: Promise<void> | null = null;
  let again = false;
  let closed = false;

  async function drain(): Promise<void> {
    const rows = await db
      .selectFrom('change_events')
      .select(['id', 'payload'])
      .where('id', '>', lastId)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      lastId = Number(row.id);
      listeners.emit(JSON.parse(row.payload) as DispatchEvent);
    }
  }

  function poll() {
    if (closed) return;
    if (polling) {
      again = true;
      return;
    }
    polling = drain()
      .catch((error: unknown) => console.error('event poll failed:', error))
      .finally(() => {
        polling = null;
        if (again) {
          again = false;
          poll();
        }
      });
  }

  const timer = setInterval(poll, POLL_MS);
  const pruner = setInterval(() => {
    const cutoff = new Date(clock.now().getTime() - KEEP_EVENTS_MS).toISOString();
    db.deleteFrom('change_events')
      .where('at', '<', cutoff)
      .execute()
      .catch((error: unknown) => console.error('event prune failed:', error));
  }, 60_000);
  timer.unref();
  pruner.unref();

  return {
    async publish(tx, event) {
      await tx
        .insertInto('change_events')
        .values({ at: clock.now().toISOString(), payload: JSON.stringify(event) })
        .execute();
    },
    afterCommit: poll,
    announce: listeners.emit,
    subscribe: listeners.add,
    async close() {
      closed = true;
      clearInterval(timer);
      clearInterval(pruner);
      await polling;
    },
  };
}

async function startPostgresHub(handle: DatabaseHandle): Promise<EventHub> {
  const listeners = listenerSet();
  let closed = false;
  let client: pg.Client | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client(handle.pgListenerConfig ?? undefined);
    c.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        listeners.emit(JSON.parse(message.payload) as DispatchEvent);
      } catch (error) {
        console.error('bad event payload:', error);
      }
    });
    // A lost connection is re-established; events committed meanwhile are not replayed, and
    // consoles refetch on reconnect (the SSE stream sends `ready` again).
    c.on('error', (error) => {
      console.error('PostgreSQL event listener lost its connection:', error.message);
      client = null;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  }

  await connect();

  return {
    async publish(tx, event) {
      await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(tx);
    },
    afterCommit() {
      // NOTIFY reaches this process through its own LISTEN connection.
    },
    announce: listeners.emit,
    subscribe: listeners.add,
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
