// The board's week view with 200 technicians and 2,000 visits (issue 5, item 6): in Chromium, the
// time from the visits arriving to the board painted with them, and the frames while dragging a
// visit. Data goes in through the API, as a console would make it. Prints numbers; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startRuntime } from '../../electron/core/runtime';
import { startHttpServer } from '../../electron/http/http-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

const TECHNICIANS = Number(process.env.BENCH_TECHNICIANS ?? 200);
const VISITS_PER_TECHNICIAN = Number(process.env.BENCH_VISITS_PER_TECHNICIAN ?? 10);
const TICKETS = 100;

// A seeded PRNG (mulberry32), so every run books the same week.
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
};
const f = (n: number) => n.toFixed(0);

/** The renderer's main-thread CPU time so far, in ms (Chrome's ThreadTime metric). */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/**
 * Runs `action`, waits for the data → painted pair of marks it causes, and answers the wall time
 * between them, and the main thread's CPU time from the action to the paint (on a loaded machine
 * the wall time includes waiting for a core; the CPU time does not).
 */
async function renderTime(page: Page, cdp: CDPSession, action: () => Promise<void>) {
  await page.evaluate(() => performance.clearMarks());
  const cpuBefore = await threadTime(cdp);
  await action();
  await page.waitForFunction(() => performance.getEntriesByName('board:painted').length > 0, null, {
    timeout: 60_000,
  });
  const cpu = (await threadTime(cdp)) - cpuBefore;
  const wall = await page.evaluate(() => {
    const [data] = performance.getEntriesByName('board:data');
    const [painted] = performance.getEntriesByName('board:painted');
    return (painted?.startTime ?? 0) - (data?.startTime ?? 0);
  });
  return { wall, cpu };
}

interface FrameRecord {
  frames: number[];
  longTasks: number[];
}

/**
 * Starts recording every frame's interval and every long task in the page; the function it
 * answers stops the recording (and its observer) and returns what it saw. The page code is a
 * string, not a function: tsx would wrap inner named functions in a helper the page lacks.
 */
async function recordFrames(page: Page): Promise<() => Promise<FrameRecord>> {
  await page.evaluate(`(() => {
    const record = { frames: [], longTasks: [], stopped: false };
    record.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) record.longTasks.push(e.duration);
    });
    record.observer.observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      record.frames.push(now - last);
      last = now;
      if (!record.stopped) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.benchRecord = record;
  })()`);
  return () =>
    page.evaluate<FrameRecord>(`(() => {
      const record = window.benchRecord;
      record.stopped = true;
      record.observer.disconnect();
      return { frames: record.frames.slice(1), longTasks: record.longTasks };
    })()`);
}

function reportFrames(what: string, record: FrameRecord): void {
  const frames = stats(record.frames);
  console.log(
    `board: ${what}: ${record.frames.length} frames, median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms; long tasks: ${record.longTasks.length} (longest ${f(Math.max(0, ...record.longTasks))} ms)`,
  );
}

export async function benchBoard(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-board-'));
  const runtime = await startRuntime({ database: { kind: 'sqlite', file: path.join(dir, 'b.sqlite') }, demo: 'basic' });
  const server = await startHttpServer({
    core: runtime.core,
    staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
    host: '127.0.0.1',
    port: 0,
  });
  try {
    const cookies: Record<string, string> = {};
    const api = async <T>(user: string, method: string, input: unknown): Promise<T> => {
      if (!cookies[user]) {
        const login = await fetch(`${server.url}/api/auth.login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: user, password: 'demo' }),
        });
        cookies[user] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      }
      const response = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', cookie: cookies[user] },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
      if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
      return body.value;
    };

    const random = prng(42);
    const near = (spread: number) => ({
      lat: 52.09 + (random() - 0.5) * spread,
      lng: 5.12 + (random() - 0.5) * spread,
    });
    let t = performance.now();
    const allDay = [['00:00', '24:00']];
    const shiftPattern = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    const technicianIds: string[] = [];
    for (let i = 0; i < TECHNICIANS; i++) {
      const home = near(0.3);
      const saved = await api<{ id: string }>('admin', 'technicians.save', {
        name: `Tech ${String(i).padStart(3, '0')}`,
        team: `Team ${(i % 12) + 1}`,
        homeLatitude: home.lat,
        homeLongitude: home.lng,
        timeZone: 'Europe/Amsterdam',
        shiftPattern,
        skills: [],
        certifications: [],
      });
      technicianIds.push(saved.id);
    }
    const [client] = await api<{ client: { id: string } }[]>('dispatcher', 'clients.search', { query: 'Northwind' });
    if (!client) throw new Error('no demo client');
    const ticketIds: string[] = [];
    const priorities = ['critical', 'high', 'medium', 'low'] as const;
    for (let i = 0; i < TICKETS; i++) {
      const spot = near(0.2);
      const site = await api<{ id: string }>('dispatcher', 'sites.create', {
        clientId: client.client.id,
        name: `Bench site ${i}`,
        address: `Benchstraat ${i}, Utrecht`,
        latitude: spot.lat,
        longitude: spot.lng,
      });
      const ticket = await api<{ id: string }>('dispatcher', 'tickets.create', {
        channel: 'phone',
        receivedAt: new Date().toISOString(),
        clientId: client.client.id,
        siteId: site.id,
        description: `Bench ticket ${i}: printer on floor ${i % 9} shows error ${i % 97}.`,
        priority: priorities[i % 4],
      });
      ticketIds.push(ticket.id);
    }
    // Next week's Monday; two visits a weekday per technician, morning and afternoon.
    const monday = DateTime.now().plus({ weeks: 1 }).startOf('week');
    let booked = 0;
    for (const [i, technicianId] of technicianIds.entries()) {
      for (let k = 0; k < VISITS_PER_TECHNICIAN; k++) {
        const dayStart = monday.plus({ days: Math.floor(k / 2) % 5 });
        const startsAt = dayStart.set({ hour: k % 2 === 0 ? 8 : 13, minute: Math.floor(random() * 4) * 15 });
        await api('dispatcher', 'visits.create', {
          ticketId: ticketIds[(i * VISITS_PER_TECHNICIAN + k) % TICKETS],
          technicianId,
          startsAt: startsAt.toUTC().toISO(),
          durationMinutes: 45 + Math.floor(random() * 6) * 15,
          pinned: random() < 0.1,
        });
        booked++;
      }
    }
    console.log(
      `board: ${TECHNICIANS} technicians, ${TICKETS} tickets and ${booked} visits booked through the API in ${f(performance.now() - t)} ms`,
    );

    t = performance.now();
    const week = await api<unknown[]>('dispatcher', 'visits.list', {
      from: monday.toUTC().toISO(),
      to: monday.plus({ weeks: 1 }).toUTC().toISO(),
    });
    const bytes = JSON.stringify(week).length;
    console.log(
      `board: visits.list for the week over HTTP: ${f(performance.now() - t)} ms, ${week.length} visits, ${f(bytes / 1024)} KiB`,
    );

    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(server.url);
      await page.getByLabel('Username').fill('dispatcher');
      await page.getByLabel('Password').fill('demo');
      await page.keyboard.press('Enter');
      await page.getByLabel('Logged in as').waitFor();
      await page.goto(`${server.url}/#/board`);
      await page.getByRole('region', { name: 'Board' }).waitFor();
      await page.getByLabel('Day').fill(monday.toISODate());
      await page.locator('.board-visit').first().waitFor();

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const report = (what: string, runs: { wall: number; cpu: number }[]) => {
        const wall = stats(runs.map((r) => r.wall));
        const cpu = stats(runs.map((r) => r.cpu));
        console.log(
          `board: ${what}, ${runs.length} run(s): wall median ${f(wall.median)} ms (max ${f(wall.max)}), main-thread CPU median ${f(cpu.median)} ms (max ${f(cpu.max)})`,
        );
      };

      // Day → week: the week's 2,000 visits arrive and are drawn.
      const first = await renderTime(page, cdp, () => page.getByRole('button', { name: 'Week' }).click());
      const inDom = await page.locator('.board-visit').count();
      report(`week view, data to painted, first time (${inDom} visit elements in the DOM)`, [first]);

      // Day and back to the week, the week's data from the cache: the same drawing work.
      const again = [];
      for (let run = 0; run < 5; run++) {
        await page.getByRole('button', { name: 'Day', exact: true }).click();
        await page.locator('.fc-resourceTimelineDay-view').waitFor();
        again.push(await renderTime(page, cdp, () => page.getByRole('button', { name: 'Week' }).click()));
      }
      report('week view again (day → week)', again);

      // Another console books: visit.changed, the week is fetched again and redrawn.
      const live = [];
      for (let run = 0; run < 5; run++) {
        live.push(
          await renderTime(page, cdp, async () => {
            await api('dispatcher', 'visits.create', {
              ticketId: ticketIds[run],
              technicianId: technicianIds[TECHNICIANS - 1 - run],
              startsAt: monday.plus({ days: 5 }).set({ hour: 10 }).toUTC().toISO(),
              durationMinutes: 30,
            });
          }),
        );
      }
      report('live update (event, refetch of 2,000 visits, redraw)', live);

      // One team of about 17 technicians, as a dispatcher who handles one team would look at it.
      await page.getByRole('combobox', { name: 'Team' }).click();
      await page.getByRole('option', { name: 'Team 1', exact: true }).click();
      const team = [];
      for (let run = 0; run < 3; run++) {
        team.push(
          await renderTime(page, cdp, async () => {
            await api('dispatcher', 'visits.create', {
              ticketId: ticketIds[run + 5],
              technicianId: technicianIds[TECHNICIANS - 1 - run],
              startsAt: monday.plus({ days: 5 }).set({ hour: 12 }).toUTC().toISO(),
              durationMinutes: 30,
            });
          }),
        );
      }
      report(`live update with one team shown (${await page.locator('.board-visit').count()} visit elements)`, team);
      await page.getByRole('combobox', { name: 'Team' }).click();
      await page.getByRole('option', { name: 'All teams' }).click();
      await page.locator('.board-visit').nth(100).waitFor();

      // Scrolling: the rows coming into view get their events (the board draws only those on
      // screen). A jump to the last row, timed until its visits are painted; then a steady scroll
      // back up, with its frames and long tasks.
      const scroller = '.fc-timeline-body';
      const jump = await page.evaluate(`new Promise((resolve) => {
        const body = document.querySelector(${JSON.stringify(scroller)});
        const el = body.closest('.fc-scroller');
        const lanes = body.querySelectorAll('td.fc-timeline-lane[data-resource-id]');
        const last = lanes[lanes.length - 1];
        const start = performance.now();
        el.scrollTop = el.scrollHeight;
        const check = () => {
          if (last.querySelector('.board-visit')) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`);
      console.log(`board: jump to the last row, its visits painted after ${f(Number(jump))} ms`);
      const stopScroll = await recordFrames(page);
      const body = await page.locator(scroller).boundingBox();
      if (!body) throw new Error('no timeline');
      await page.mouse.move(body.x + 200, body.y + 100);
      for (let step = 0; step < 60; step++) {
        await page.mouse.wheel(0, -100);
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
      }
      reportFrames('scrolling up 6,000 px in 60 wheel steps', await stopScroll());
      await page.evaluate(`document.querySelector(${JSON.stringify(scroller)}).closest('.fc-scroller').scrollTop = 0`);
      await page.locator('.board-visit').first().waitFor();

      // Dragging a visit across rows and hours: frame intervals and long tasks while the mouse moves.
      const event = page.locator('.board-visit').first();
      const box = await event.boundingBox();
      if (!box) throw new Error('no visit on screen');
      const stopDrag = await recordFrames(page);
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 300, box.y + 250, { steps: 60 });
      await page.mouse.move(box.x + 120, box.y + 120, { steps: 60 });
      const drag = await stopDrag();
      await page.keyboard.press('Escape');
      await page.mouse.up();
      reportFrames('dragging a visit (120 mouse moves)', drag);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/board.bench.ts` runs it alone (after `npm run build:renderer`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchBoard().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
