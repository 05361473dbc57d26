import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { DatabaseConfig } from '../../electron/core/db/connect';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/**
 * Starts tests/support/server-process.ts in a process of its own (bundled first: loading it through
 * tsx costs seconds) and resolves with its address once it listens. The caller kills it.
 */
export async function startServerProcess(database: DatabaseConfig): Promise<{ child: ChildProcess; url: string }> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'dispatch-tests');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `server-${randomUUID()}.mjs`);
  await build({
    entryPoints: [path.join(here, 'server-process.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // 20.10: the first Node 20 with import attributes, which the core's JSON imports keep (with { type: 'json' }).
    target: 'node20.10',
    packages: 'external',
    logLevel: 'warning',
  });
  const child = spawn(process.execPath, [outfile, JSON.stringify(database)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.once('close', () => fs.rmSync(outfile, { force: true }));
  const lines = readline.createInterface({ input: child.stdout });
  const listening = new Promise<string>((resolve) =>
    lines.on('line', (line) => line.startsWith('listening ') && resolve(line.slice('listening '.length))),
  );
  const exited = once(child, 'exit').then(() => {
    throw new Error(`the server process exited before it listened: ${stderr}`);
  });
  const url = await Promise.race([listening, exited]);
  exited.catch(() => undefined);
  return { child, url };
}
