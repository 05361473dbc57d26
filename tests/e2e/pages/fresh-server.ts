import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FreshServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A console of the test's own (browser mode, demo data, an empty data folder), for a state the
 * shared e2e server cannot return to once another spec changed it, such as "no SMTP server set
 * up". Started the way playwright.config.ts starts the shared one, on a port the system picks.
 */
export async function startFreshServer(options: { dataDir?: string } = {}): Promise<FreshServer> {
  // A data folder the test passes outlives the server (a restart starts on it again); it removes it.
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-e2e-fresh-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/serve.ts', '--port', '0', '--data-dir', dataDir, '--demo'],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const serving = /is serving (http:\/\/\S+?)\/? /.exec(output);
      if (serving?.[1]) resolve(serving[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the fresh server exited (${code ?? 'signal'}):\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
