// A workstation whose only work is its outbox sender, in a process of its own, for the crash
// test: it drains every 20 ms until it is killed. Prints "ready" once the runtime has started.
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startRuntime } from '../../electron/core/runtime';
import { testClock } from './test-clock';

const database = JSON.parse(process.argv[2] ?? '{}') as DatabaseConfig;
startRuntime({ database, clock: testClock, outboxIntervalMs: 20, slaWatchIntervalMs: false })
  .then(() => {
    // The runtime's timers are unref'd (they never keep a desktop app from quitting): this one
    // keeps the process alive until the test kills it.
    setInterval(() => undefined, 60_000);
    process.stdout.write('ready\n');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
