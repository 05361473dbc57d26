// A second workstation in its own process, for tests about two processes on one database.
// Protocol: prints "ready" once loaded, waits for a line on stdin ("go"), opens the database (which
// migrates it), optionally logs tickets concurrently or books a visit, prints one JSON line with
// what happened.
import readline from 'node:readline';
import type { ApiInput } from '../../shared/api/contract';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { startRuntime } from '../../electron/core/runtime';
import { testClock } from './test-clock';

export interface WorkstationJob {
  database: DatabaseConfig;
  tickets?: { apiToken: string; count: number; input: ApiInput<'tickets.create'> };
  visit?: { apiToken: string; input: ApiInput<'visits.create'> };
}

export interface WorkstationReport {
  numbers: string[];
  errors: string[];
  /** The booked visit's id, when the job booked one. */
  visitIds: string[];
  /** Failures as they crossed the core: code and message. */
  failures: { code: string; message: string }[];
}

async function main() {
  const job = JSON.parse(process.argv[2] ?? '{}') as WorkstationJob;
  const lines = readline.createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  const runtime = await startRuntime({ database: job.database, clock: testClock });
  const report: WorkstationReport = { numbers: [], errors: [], visitIds: [], failures: [] };
  try {
    const { tickets } = job;
    if (tickets) {
      const outcomes = await Promise.all(
        Array.from({ length: tickets.count }, () =>
          runtime.core.invoke('tickets.create', tickets.input, { apiToken: tickets.apiToken }),
        ),
      );
      for (const { result } of outcomes) {
        if (result.ok) report.numbers.push((result.value as { number: string }).number);
        else report.errors.push(`${result.error.code}: ${result.error.message}`);
      }
    }
    const { visit } = job;
    if (visit) {
      const { result } = await runtime.core.invoke('visits.create', visit.input, { apiToken: visit.apiToken });
      if (result.ok) report.visitIds.push((result.value as { id: string }).id);
      else report.failures.push({ code: result.error.code, message: result.error.message });
    }
  } finally {
    await runtime.close();
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
