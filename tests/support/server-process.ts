// A second workstation serving browser mode in a process of its own, on the same database as the
// test's: for what must hold across processes (a disabled user signed out everywhere). Prints the
// server's address once it listens.
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startRuntime } from '../../electron/core/runtime';
import { startHttpServer } from '../../electron/http/http-server';
import { testClock } from './test-clock';

const database = JSON.parse(process.argv[2] ?? '{}') as DatabaseConfig;
startRuntime({
  database,
  clock: testClock,
  outboxIntervalMs: false,
  slaWatchIntervalMs: false,
  delayWatchIntervalMs: false,
})
  .then((runtime) => startHttpServer({ core: runtime.core, staticDir: null, host: '127.0.0.1', port: 0 }))
  .then((server) => process.stdout.write(`listening ${server.url}\n`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
