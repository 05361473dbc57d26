// How the map behaves with 2,000 markers (half technicians at their last positions, half open
// tickets at their sites, spread over one metropolitan area so they cluster as a real one would):
// in Chromium, the time from opening the map to every marker clustered, the frame times of a
// drag and of zooming in, and the time a click on a marker takes to select it. Prints numbers;
// asserts nothing. `npm run bench` runs it with the others; `npx tsx tests/bench/map.bench.ts`
// alone (after `npm run build:renderer`).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { priorities } from '../../shared/domain/ticket';
import type { TicketsTable } from '../../electron/core/db/schema';
import { inTransaction } from '../../electron/core/db/transaction';
import { startRuntime } from '../../electron/core/runtime';
import { formatTicketNumber } from '../../electron/core/services/ticket-number';
import { startHttpServer } from '../../electron/http/http-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

const MARKERS = Number(process.env.BENCH_MAP_MARKERS ?? 2_000);

// A deterministic spread over ±0.6° around New York (where the demo sites are).
function spot(n: number, salt: number): { latitude: number; longitude: number } {
  const a = Math.sin(n * 12.9898 + salt * 78.233) * 43758.5453;
  const b = Math.sin(n * 39.3468 + salt * 11.135) * 24634.6345;
  return { latitude: 40.7 + (a - Math.floor(a) - 0.5) * 1.2, longitude: -73.95 + (b - Math.floor(b) - 0.5) * 1.2 };
}

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(1);
  return `${sorted.length} frames, median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${at(1)} ms`;
}

/** Frame-to-frame times while `action` runs, and the longest main-thread task meanwhile. */
async function framesDuring(page: Page, action: () => Promise<void>): Promise<{ frames: number[]; longest: number }> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  // Each run has its own generation, so a previous run's loop stops instead of ticking alongside.
  await page.evaluate(`(() => {
    const generation = (window.benchGeneration ?? 0) + 1;
    window.benchGeneration = generation;
    window.benchFrames = [];
    window.benchRun = true;
    window.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      if (!window.benchRun || window.benchGeneration !== generation) return;
      window.benchFrames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  return page.evaluate(async () => {
    const w = window as unknown as { benchFrames: number[]; benchRun: boolean; benchLongest: number };
    // Let pending long-task entries arrive before reading them.
    await new Promise((r) => setTimeout(r, 50));
    w.benchRun = false;
    return { frames: w.benchFrames.slice(1), longest: w.benchLongest };
  });
}

export async function benchMap(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-map-'));
  const runtime = await startRuntime({ database: { kind: 'sqlite', file: path.join(dir, 'm.sqlite') }, demo: 'basic' });
  try {
    const { db } = runtime.database;
    const desk = await db.selectFrom('users').select('id').where('username', '=', 'desk').executeTakeFirstOrThrow();
    const client = await db.selectFrom('clients').select('id').executeTakeFirstOrThrow();
    const technicians = Math.floor(MARKERS / 2);
    const tickets = MARKERS - technicians;
    const now = Date.now();
    await inTransaction(runtime.database, async (tx) => {
      for (let i = 0; i < technicians; i += 250) {
        const rows = Array.from({ length: Math.min(250, technicians - i) }, (_, k) => {
          const n = i + k;
          const at = spot(n, 1);
          return {
            id: randomUUID(),
            user_id: null,
            name: `Bench Tech ${n}`,
            phone: null,
            email: null,
            home_address: null,
            home_latitude: at.latitude,
            home_longitude: at.longitude,
            last_latitude: at.latitude,
            last_longitude: at.longitude,
            // Some fresh, some stale, so both looks are drawn.
            last_position_at: new Date(now - (n % 120) * 60_000).toISOString(),
            active: 1,
            created_at: new Date(now).toISOString(),
            team: null,
            max_visits_per_day: null,
            time_zone: null,
            shift_pattern: null,
          };
        });
        await tx.insertInto('technicians').values(rows).execute();
      }
      for (let i = 0; i < tickets; i += 250) {
        const sites = Array.from({ length: Math.min(250, tickets - i) }, (_, k) => {
          const at = spot(i + k, 2);
          return {
            id: randomUUID(),
            client_id: client.id,
            name: `Bench site ${i + k}`,
            address: `${i + k} Bench St`,
            latitude: at.latitude,
            longitude: at.longitude,
            access_requirements: null,
            access_hours: null,
            time_zone: null,
            created_at: new Date(now).toISOString(),
          };
        });
        await tx.insertInto('sites').values(sites).execute();
        const rows = sites.map((site, k): Insertable<TicketsTable> => {
          const n = i + k;
          const at = new Date(now - n * 60_000).toISOString();
          return {
            id: randomUUID(),
            number: formatTicketNumber(2001, n + 1),
            channel: 'phone',
            external_ref: null,
            received_at: at,
            logged_at: at,
            logged_by: desk.id,
            client_id: client.id,
            contact_id: null,
            site_id: site.id,
            category: null,
            asset: null,
            description: `Bench ticket ${n}`,
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

    const server = await startHttpServer({
      core: runtime.core,
      staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
      host: '127.0.0.1',
      port: 0,
    });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      // The console's CSP forbids eval; the measuring scripts below are strings, so let them run.
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, bypassCSP: true });
      await page.goto(server.url);
      await page.getByLabel('Username').fill('dispatcher');
      await page.getByLabel('Password').fill('demo');
      await page.keyboard.press('Enter');
      await page.getByLabel('Logged in as').waitFor();

      await page.evaluate(() => performance.mark('bench:open-map'));
      await page.getByRole('tab', { name: 'Map' }).click();
      const opened = await page.waitForFunction(`(() => {
        const start = performance.getEntriesByName('bench:open-map').at(-1);
        const technicians = performance.getEntriesByName('map:technicians-clustered').at(-1);
        const tickets = performance.getEntriesByName('map:tickets-clustered').at(-1);
        return start && technicians && tickets
          ? Math.max(technicians.startTime, tickets.startTime) - start.startTime
          : null;
      })()`);
      console.log(
        `map: open the map to ${MARKERS} markers clustered in Chromium: ${Number(await opened.jsonValue()).toFixed(0)} ms`,
      );

      const map = page.getByRole('region', { name: 'Dispatch map' });
      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no box');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

      const drag = await framesDuring(page, async () => {
        await page.mouse.move(centre.x, centre.y);
        await page.mouse.down();
        for (let i = 0; i < 60; i++) await page.mouse.move(centre.x + 4 * i, centre.y + 2 * i);
        await page.mouse.up();
      });
      console.log(`map: drag (pan): ${stats(drag.frames)}; longest task ${drag.longest.toFixed(0)} ms`);

      for (const step of [1, 2, 3]) {
        const zoom = await framesDuring(page, async () => {
          await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
          await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        });
        console.log(`map: zoom in, step ${step}: ${stats(zoom.frames)}; longest task ${zoom.longest.toFixed(0)} ms`);
      }

      const shown = await page.locator('.dispatch-map .leaflet-marker-icon').count();
      // The first ticket marker drawn inside the map's box (clusters keep some just outside it).
      const index = await page.evaluate(`(() => {
        const box = document.querySelector('.dispatch-map').getBoundingClientRect();
        return [...document.querySelectorAll('.dispatch-map .ticket-marker')].findIndex((e) => {
          const r = e.getBoundingClientRect();
          return r.left > box.left + 20 && r.right < box.right - 20 && r.top > box.top + 20 && r.bottom < box.bottom - 20;
        });
      })()`);
      const t = performance.now();
      await page.locator('.dispatch-map .ticket-marker').nth(Number(index)).click();
      await page.getByRole('region', { name: 'Selected ticket' }).waitFor();
      console.log(
        `map: select a ticket by clicking its marker (${shown} icons on screen): ${(performance.now() - t).toFixed(0)} ms`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchMap().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
