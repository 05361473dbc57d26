import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WorkstationJob, WorkstationReport } from './workstation-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'workstation-process.ts');
const repoRoot = path.resolve(here, '..', '..');

interface Started {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<WorkstationReport>;
}

/**
 * Bundles the workstation script to plain JavaScript (loading it through tsx costs seconds per
 * process). Packages stay external, so the bundle lives under node_modules to resolve them.
 */
async function bundleWorkstation(): Promise<string> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'dispatch-tests');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `workstation-${randomUUID()}.mjs`);
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // 20.10: the first Node 20 with import attributes, which the core's JSON imports keep (with { type: 'json' }).
    target: 'node20.10',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

function start(bundle: string, job: WorkstationJob): Started {
  const child = spawn(process.execPath, [bundle, JSON.stringify(job)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout });
  let last = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  lines.on('line', (line) => {
    if (line === 'ready') onReady();
    else last = line;
  });
  const done = new Promise<WorkstationReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && last) resolve(JSON.parse(last) as WorkstationReport);
      else reject(new Error(`workstation process exited with ${code}: ${stderr}`));
    });
  });
  // A process that dies before "ready" must not leave the test waiting for it.
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}

/**
 * Runs each job in its own Node process, released at the same moment once all have loaded, and
 * returns what each one reports. This is how "two workstations" really meet a database: SQLite
 * locks block a whole process, so two runtimes in one process cannot stand in for two machines.
 */
export async function runWorkstations(jobs: WorkstationJob[]): Promise<WorkstationReport[]> {
  const bundle = await bundleWorkstation();
  const started = jobs.map((job) => start(bundle, job));
  try {
    await Promise.all(started.map((s) => s.ready));
    for (const s of started) s.child.stdin?.end('go\n');
    return await Promise.all(started.map((s) => s.done));
  } finally {
    for (const s of started) if (s.child.exitCode === null) s.child.kill();
    fs.rmSync(bundle, { force: true });
  }
}
