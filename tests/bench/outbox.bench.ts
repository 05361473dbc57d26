// How fast the outbox drains 10,000 queued messages to a local SMTP server, and what the drain
// does to the API meanwhile (tickets.queue p95, idle vs draining). Prints numbers; asserts nothing.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inTransaction } from '../../electron/core/db/transaction';
import { enqueueMessage } from '../../electron/core/repositories/outbox.repository';
import { startRuntime } from '../../electron/core/runtime';
import { storeMailSettings } from '../../electron/core/services/outbox/outbox-config.service';
import { startHttpServer } from '../../electron/http/http-server';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);

/** The next message from the sink that has `key`. */
async function reply(sink: ChildProcess, key: string): Promise<number> {
  for (;;) {
    const [message] = (await once(sink, 'message')) as [Record<string, number>];
    if (typeof message[key] === 'number') return message[key];
  }
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

export async function benchOutbox(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-'));
  const disposers: (() => unknown)[] = [];
  const runtime = await startRuntime({
    database: { kind: 'sqlite', file: path.join(dir, 'b.sqlite') },
    demo: 'basic',
    outboxIntervalMs: false,
  });
  try {
    const sink = fork(path.join(import.meta.dirname, 'smtp-sink.ts'), { execArgv: ['--import', 'tsx'] });
    disposers.push(() => sink.send('stop'));
    const port = await reply(sink, 'port');
    await inTransaction(runtime.database, (tx) =>
      storeMailSettings(tx, {
        host: '127.0.0.1',
        port,
        tls: 'none',
        user: null,
        password: null,
        fromAddress: 'dispatch@bench.example',
        fromName: null,
      }),
    );
    let t = performance.now();
    await inTransaction(runtime.database, async (tx) => {
      const createdAt = new Date().toISOString();
      for (let i = 0; i < MESSAGES; i += 1) {
        await enqueueMessage(tx, {
          eventKey: `bench:${i}`,
          kind: 'bench',
          transport: 'email',
          recipient: `client${i % 500}@bench.example`,
          subject: `Your visit is booked (${i})`,
          bodyText: `Hello,\n\nyour visit ${i} is booked for Monday 09:00–11:00.\n\nDispatch`.repeat(3),
          createdAt,
        });
      }
    });
    console.log(`outbox: queued ${MESSAGES} messages in ${(performance.now() - t).toFixed(0)} ms`);

    const server = await startHttpServer({ core: runtime.core, staticDir: null, host: '127.0.0.1', port: 0 });
    disposers.push(() => server.close());
    const login = await fetch(`${server.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const queueCall = async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/tickets.queue`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', cookie },
        body: '{}',
      });
      await response.text();
      return performance.now() - started;
    };

    // Warm up first (JIT, caches), or the idle figure is the cold one.
    for (let i = 0; i < 300; i += 1) await queueCall();
    const idle: number[] = [];
    for (let i = 0; i < 500; i += 1) idle.push(await queueCall());

    const progress = { draining: true };
    t = performance.now();
    const drain = runtime.outboxSender.drainOnce().finally(() => (progress.draining = false));
    const during: number[] = [];
    while (progress.draining) during.push(await queueCall());
    const report = await drain;
    const seconds = (performance.now() - t) / 1000;
    sink.send('count');
    const accepted = await reply(sink, 'accepted');
    // Idle again after the drain: on a shared machine one idle sample alone can mislead.
    for (let i = 0; i < 500; i += 1) idle.push(await queueCall());
    console.log(
      `outbox: drained ${report.sent} of ${MESSAGES} (server took ${accepted}) in ${seconds.toFixed(1)} s: ` +
        `${(report.sent / seconds).toFixed(0)} messages/s (target ≥ 100/s)`,
    );
    const idleP95 = p95(idle);
    const duringP95 = p95(during);
    console.log(
      `outbox: tickets.queue p95 idle ${idleP95.toFixed(1)} ms (${idle.length} calls, before and after), during the drain ` +
        `${duringP95.toFixed(1)} ms (${during.length} calls): ${((duringP95 / idleP95 - 1) * 100).toFixed(0)}% ` +
        '(target within 20%)',
    );
  } finally {
    for (const dispose of disposers.reverse()) await dispose();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
