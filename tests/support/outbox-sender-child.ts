// Starts outbox-sender-process.ts as a child process (bundled once to plain JavaScript, as
// workstations.ts does, since loading it through tsx costs seconds).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { DatabaseConfig } from '../../electron/core/db/connect';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** A running sender process; resolves once its runtime has started. */
export async function startSenderProcess(database: DatabaseConfig): Promise<ChildProcess> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'dispatch-tests');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `outbox-sender-${randomUUID()}.mjs`);
  await build({
    entryPoints: [path.join(here, 'outbox-sender-process.ts')],
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
  const ready = new Promise<void>((resolve) => lines.on('line', (line) => line === 'ready' && resolve()));
  const exited = once(child, 'exit').then(() => {
    throw new Error(`the sender process exited before it was ready: ${stderr}`);
  });
  await Promise.race([ready, exited]);
  // Exiting later (killed by the test) is expected.
  exited.catch(() => undefined);
  return child;
}
