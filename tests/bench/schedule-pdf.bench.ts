// The printed day at full size (issue 15): schedules.pdf for 40 technicians with 10 visits each,
// over HTTP as the console asks for it, and the same split into gathering the day and drawing the
// PDF. Target: under 2 s. Data goes in through the API, as a console would make it. Prints
// numbers; asserts nothing. `npm run bench` runs it with the others;
// `npx tsx tests/bench/schedule-pdf.bench.ts` alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { startRuntime } from '../../electron/core/runtime';
import { loadDispatchSettings } from '../../electron/core/services/dispatch/dispatch-settings.service';
import { daySchedule } from '../../electron/core/services/schedules/day-schedule.service';
import { renderSchedulePdf } from '../../electron/core/services/schedules/schedule-pdf';
import { defaultCalendar } from '../../electron/core/services/sla/sla-config.service';
import { startHttpServer } from '../../electron/http/http-server';

const TECHNICIANS = Number(process.env.BENCH_SCHEDULE_TECHNICIANS ?? 40);
const VISITS = Number(process.env.BENCH_SCHEDULE_VISITS ?? 10);
const RUNS = Number(process.env.BENCH_SCHEDULE_RUNS ?? 10);
const TEAM = 'Bench printers';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const f = (n: number) => n.toFixed(0);

export async function benchSchedulePdf(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-schedule-'));
  const runtime = await startRuntime({
    database: { kind: 'sqlite', file: path.join(dir, 's.sqlite') },
    demo: 'basic',
    outboxIntervalMs: false,
  });
  const server = await startHttpServer({ core: runtime.core, staticDir: null, host: '127.0.0.1', port: 0 });
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

    // Tomorrow in Amsterdam; each technician's ten stops are an hour apart within a few km.
    const zone = 'Europe/Amsterdam';
    const day = DateTime.now().setZone(zone).plus({ days: 1 }).startOf('day');
    const date = day.toISODate() ?? '';
    const allDay = [['00:00', '24:00']];
    const shiftPattern = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    const [client] = await api<{ client: { id: string } }[]>('dispatcher', 'clients.search', { query: 'Northwind' });
    if (!client) throw new Error('no demo client');
    const clientId = client.client.id;
    const contact = await api<{ id: string }>('dispatcher', 'contacts.create', {
      clientId,
      name: 'Ágnes Kovács',
      phone: '+31 30 000 11 22',
    });
    let t = performance.now();
    for (let i = 0; i < TECHNICIANS; i++) {
      const base = { lat: 52.05 + (i % 8) * 0.02, lng: 5.05 + Math.floor(i / 8) * 0.03 };
      const technician = await api<{ id: string }>('admin', 'technicians.save', {
        name: `Bench Technician ${String(i).padStart(2, '0')}`,
        team: TEAM,
        homeLatitude: base.lat,
        homeLongitude: base.lng,
        timeZone: zone,
        shiftPattern,
        skills: [],
        certifications: [],
      });
      for (let k = 0; k < VISITS; k++) {
        const site = await api<{ id: string }>('dispatcher', 'sites.create', {
          clientId,
          name: `Store ${i}-${k}`,
          address: `Benchstraat ${i * VISITS + k}, Utrecht`,
          accessRequirements: 'Sign in at the front desk; badge from security',
          latitude: base.lat + ((k % 3) - 1) * 0.005,
          longitude: base.lng + (Math.floor(k / 3) - 1) * 0.005,
        });
        const ticket = await api<{ id: string }>('dispatcher', 'tickets.create', {
          channel: 'phone',
          receivedAt: new Date().toISOString(),
          clientId,
          contactId: contact.id,
          siteId: site.id,
          description: `Receipt printer at till ${k + 1} feeds paper crooked and the cutter jams after every second receipt.`,
          priority: (['critical', 'high', 'medium', 'low'] as const)[(i + k) % 4],
        });
        await api('dispatcher', 'visits.create', {
          ticketId: ticket.id,
          technicianId: technician.id,
          startsAt: day
            .set({ hour: 7 + k })
            .toUTC()
            .toISO(),
          durationMinutes: 45,
        });
      }
    }
    console.log(
      `schedule PDF: ${TECHNICIANS} technicians × ${VISITS} visits booked through the API in ${f(performance.now() - t)} ms`,
    );

    const input = { date, team: TEAM };
    const wall: number[] = [];
    const cpu: number[] = [];
    let pages = 0;
    let bytes = 0;
    // The first call is the cold one (fonts read, code not yet optimised): a user's first print
    // after starting the console. The server runs in this process, so its CPU time is ours.
    for (let run = 0; run <= RUNS; run++) {
      t = performance.now();
      const cpuBefore = process.cpuUsage();
      const pdf = await api<{ pages: number; contentBase64: string }>('supervisor', 'schedules.pdf', input);
      const used = process.cpuUsage(cpuBefore);
      wall.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
      pages = pdf.pages;
      bytes = Buffer.from(pdf.contentBase64, 'base64').length;
    }
    const [coldWall = 0, ...warmWall] = wall;
    const [coldCpu = 0, ...warmCpu] = cpu;
    const gather: number[] = [];
    const draw: number[] = [];
    const db = runtime.database.db;
    for (let run = 0; run < RUNS; run++) {
      t = performance.now();
      const calendar = await defaultCalendar(db);
      const settings = await loadDispatchSettings(db);
      const schedule = await daySchedule(db, {
        date,
        scope: { team: TEAM },
        scopeLabel: `Team ${TEAM}`,
        calendar,
        travel: settings.travel,
        now: new Date().toISOString(),
      });
      const gathered = performance.now();
      gather.push(gathered - t);
      await renderSchedulePdf(schedule, { printedAt: new Date().toISOString(), zone: calendar.timeZone, paper: 'A4' });
      draw.push(performance.now() - gathered);
    }
    console.log(
      `schedule PDF: schedules.pdf over HTTP (target < 2000 ms), ${pages} pages, ${f(bytes / 1024)} KiB: ` +
        `first call ${f(coldWall)} ms (CPU ${f(coldCpu)} ms); then ${RUNS} calls, median ${f(median(warmWall))} ms, ` +
        `worst ${f(Math.max(...warmWall))} ms (CPU median ${f(median(warmCpu))} ms)`,
    );
    console.log(
      `schedule PDF: in the core, gathering the day median ${f(median(gather))} ms, drawing the PDF median ${f(median(draw))} ms`,
    );
  } finally {
    await server.close();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSchedulePdf();
