// How the dispatch queue behaves with 10,000 open tickets: API time and payload, and in Chromium
// the time to first rows, to sort, and to scroll. Prints numbers; asserts nothing.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { priorities } from '../../shared/domain/ticket';
import type { TicketsTable } from '../../electron/core/db/schema';
import { inTransaction } from '../../electron/core/db/transaction';
import { startRuntime } from '../../electron/core/runtime';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';
import { startHttpServer } from '../../electron/http/http-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

export async function benchQueue(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-'));
  const runtime = await startRuntime({ database: { kind: 'sqlite', file: path.join(dir, 'b.sqlite') }, demo: 'basic' });
  try {
    const { db } = runtime.database;
    const desk = await db.selectFrom('users').select('id').where('username', '=', 'desk').executeTakeFirstOrThrow();
    const clients = await db.selectFrom('clients').select('id').execute();
    const now = Date.now();
    let t = performance.now();
    await inTransaction(runtime.database, async (tx) => {
      for (let i = 0; i < TICKETS; i += 500) {
        const rows = Array.from({ length: Math.min(500, TICKETS - i) }, (_, k): Insertable<TicketsTable> => {
          const n = i + k;
          const at = new Date(now - n * 60_000).toISOString();
          return {
            id: randomUUID(),
            number: formatTicketNumber(2000, n + 1),
            channel: 'phone',
            external_ref: null,
            received_at: at,
            logged_at: at,
            logged_by: desk.id,
            client_id: clients[n % clients.length]?.id ?? '',
            contact_id: null,
            site_id: null,
            category: null,
            asset: null,
            description: `Generated ticket ${n}: printer on floor ${n % 40} shows error ${n % 97}.`,
            impact: null,
            urgency: null,
            priority: priorities[n % 4] ?? 'low',
            status: 'new',
            sla_due_at: new Date(now + (n % 500) * 600_000).toISOString(),
            updated_at: at,
          };
        });
        await tx.insertInto('tickets').values(rows).execute();
      }
    });
    console.log(`queue: inserted ${TICKETS} tickets in ${ms(t)}`);

    const server = await startHttpServer({
      core: runtime.core,
      staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const login = await fetch(`${server.url}/api/auth.login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'dispatcher', password: 'demo' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      for (let run = 1; run <= 3; run++) {
        t = performance.now();
        const response = await fetch(`${server.url}/api/tickets.queue`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', cookie },
          body: '{}',
        });
        const text = await response.text();
        console.log(`queue: tickets.queue over HTTP, run ${run}: ${ms(t)}, ${(text.length / 1024).toFixed(0)} KiB`);
      }

      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
        await page.goto(server.url);
        await page.getByLabel('Username').fill('dispatcher');
        await page.getByLabel('Password').fill('demo');
        t = performance.now();
        await page.keyboard.press('Enter');
        await page.getByRole('grid', { name: 'Ticket queue' }).getByRole('row').nth(5).waitFor();
        console.log(`queue: login to first rows of ${TICKETS} in Chromium: ${ms(t)}`);
        t = performance.now();
        await page.getByRole('columnheader', { name: 'Client' }).click();
        await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
        console.log(`queue: sort ${TICKETS} rows by client: ${ms(t)}`);
        const frameTimes = await page.evaluate(async () => {
          const scroller = document.querySelector('.MuiDataGrid-virtualScroller');
          if (!scroller) return [];
          const times: number[] = [];
          for (let i = 0; i < 60; i++) {
            const start = performance.now();
            scroller.scrollTop += 120;
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            times.push(performance.now() - start);
          }
          return times;
        });
        const sorted = [...frameTimes].sort((a, b) => a - b);
        const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
        console.log(
          `queue: scrolling, 60 frames: median ${(sorted[30] ?? 0).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms per frame`,
        );
      } finally {
        await browser.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
