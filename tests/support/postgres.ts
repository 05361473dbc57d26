import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { POSTGRES_INSTALL_HINT } from './postgres-bin';

/** The throwaway cluster started by postgres-global-setup.ts, or null when PostgreSQL is missing. */
export const postgresUrl: string | null = inject('postgresUrl');

/** Why the PostgreSQL variants are skipped on this machine, or null when they run. */
export const postgresMissing: string | null =
  postgresUrl === null ? `skipped: PostgreSQL is not installed (${POSTGRES_INSTALL_HINT})` : null;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!postgresUrl) throw new Error(`PostgreSQL is not available: ${POSTGRES_INSTALL_HINT}`);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database in the throwaway cluster; `drop` removes it, closing leftover connections. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl ?? '');
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
