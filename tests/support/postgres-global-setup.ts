// Starts ONE throwaway PostgreSQL cluster for the whole test run; each test file then creates its
// own database in it (tests/support/postgres.ts), so files running in parallel never collide.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, POSTGRES_INSTALL_HINT } from './postgres-bin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the throwaway cluster's maintenance database, or null when PostgreSQL is missing. */
    postgresUrl: string | null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs a PostgreSQL tool; as root through `su postgres`, because initdb and postgres refuse root. */
function runPgTool(bin: string, tool: string, args: string[]): string {
  const program = path.join(bin, tool);
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot
    ? ['su', ['postgres', '-s', '/bin/sh', '-c', [program, ...args].map(shellQuote).join(' ')]]
    : [program, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A throwaway cluster on 127.0.0.1: its maintenance database's URL, and `stop` to remove it. */
export interface ThrowawayPostgres {
  url: string;
  stop: () => void;
}

/** Starts a throwaway PostgreSQL cluster from the given binaries (tests and benchmarks share it). */
export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }

  const stop = () => {
    try {
      runPgTool(bin, 'pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
    } catch {
      // Not running (start failed): nothing to stop.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const initdb = ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'];
    // UTF-8 with code-point order: the same ordering as SQLite, and Unicode-aware lower().
    runPgTool(bin, 'initdb', [...initdb, '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    // fsync off: the cluster is thrown away at the end, durability buys nothing but time.
    const serverOptions = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    // -w waits until the server accepts connections: no polling or sleeping here.
    runPgTool(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', serverOptions, 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    const detail = fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8')}` : '';
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL from ${bin}: ${(error as Error).message}${detail}`, {
      cause: error,
    });
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    const message = `PostgreSQL is not installed, so the PostgreSQL variants of the database suites cannot run. Install it with: ${POSTGRES_INSTALL_HINT}`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n⚠ ${message}\n  They are skipped on this machine (outside CI only).\n`);
    project.provide('postgresUrl', null);
    return undefined;
  }
  const cluster = await startThrowawayPostgres(bin);
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
