// Ranking one ticket on the interactive path (issue 4, item 6): 2,000 technicians with 8 visits
// each that day in a ~50 km area, offline travel, one thread. Prints median and p95; asserts nothing.
// Alone: npx tsx tests/bench/recommend.bench.ts
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { defaultRecommendationWeights } from '../../shared/domain/dispatch';
import type { LatLng } from '../../shared/domain/travel';
import { defaultTravelSettings } from '../../shared/domain/travel';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from '../../electron/core/services/dispatch/day-model';
import { rankTechnicians } from '../../electron/core/services/dispatch/recommend';
import { dayBounds } from '../../electron/core/services/dispatch/working-time';
import { Random } from '../../electron/core/services/optimizer/random';
import { offlineMinutes } from '../../electron/core/services/travel/offline-travel';

const TECHNICIANS = Number(process.env.BENCH_TECHNICIANS ?? 2000);
const VISITS = 8;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const ZONE = 'Europe/Amsterdam';
const DATE = '2026-03-10';
const MINUTE = 60_000;
// Around Utrecht: ±0.225° latitude and ±0.37° longitude is about 50 × 50 km.
const CENTRE: LatLng = { lat: 52.09, lng: 5.12 };
const SKILLS = Array.from({ length: 12 }, (_, i) => ({ skillId: `skill-${i}`, name: `Skill ${i}` }));

function place(random: Random): LatLng {
  return { lat: CENTRE.lat + (random.next() - 0.5) * 0.45, lng: CENTRE.lng + (random.next() - 0.5) * 0.74 };
}

function technician(random: Random, i: number, day: { start: number }): TechnicianSchedule {
  const shiftStart = day.start + (7 + random.int(3)) * 60 * MINUTE;
  const shiftEnd = shiftStart + 10 * 60 * MINUTE;
  const visits: BookedVisit[] = [];
  let t = shiftStart + random.int(90) * MINUTE;
  for (let v = 0; v < VISITS; v++) {
    const length = (20 + random.int(16)) * MINUTE;
    visits.push({
      visitId: `v-${i}-${v}`,
      ticketId: `t-${i}-${v}`,
      start: t,
      end: t + length,
      location: place(random),
      pinned: false,
    });
    t += length + (10 + random.int(21)) * MINUTE;
  }
  const skills = random
    .shuffle([...SKILLS])
    .slice(0, 3 + random.int(4))
    .map((s) => ({
      ...s,
      level: 1 + random.int(5),
      certifiedUntil: random.next() < 0.1 ? '2026-01-31' : null,
    }));
  return {
    technicianId: `tech-${i}`,
    name: `Technician ${String(i).padStart(4, '0')}`,
    team: null,
    skills,
    certifications: [],
    working: [{ start: shiftStart, end: shiftEnd }],
    base: place(random),
    visits,
    maxVisitsPerDay: random.next() < 0.2 ? 8 : 12,
    timeZone: ZONE,
  };
}

function ticket(random: Random, i: number, day: { start: number; end: number }): TicketNeeds {
  const required = random.shuffle([...SKILLS]).slice(0, 1 + random.int(2));
  return {
    ticketId: `ticket-${i}`,
    number: `T-2026-${String(i).padStart(6, '0')}`,
    priority: 'high',
    dueAt: day.start + (11 + random.int(6)) * 60 * MINUTE,
    durationMinutes: 30 + random.int(4) * 15,
    requiredSkills: required.map((s) => ({ ...s, minLevel: 1 + random.int(3) })),
    location: place(random),
    access: [{ start: day.start + 8 * 60 * MINUTE, end: day.start + 18 * 60 * MINUTE }],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

export function benchRecommend(): void {
  const random = new Random(42);
  const day = dayBounds(DATE, ZONE);
  const technicians = Array.from({ length: TECHNICIANS }, (_, i) => technician(random, i, day));
  const tickets = Array.from({ length: 50 }, (_, i) => ticket(random, i, day));
  const options = {
    day,
    now: DateTime.fromISO(`${DATE}T07:30`, { zone: ZONE }).toMillis(),
    weights: defaultRecommendationWeights,
    travel: offlineMinutes(defaultTravelSettings),
    timeZone: ZONE,
  };
  for (let i = 0; i < 20; i++) rankTechnicians(tickets[i % tickets.length] as TicketNeeds, technicians, options);
  const times: number[] = [];
  // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
  const cpuTimes: number[] = [];
  let ranked = 0;
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = rankTechnicians(tickets[i % tickets.length] as TicketNeeds, technicians, options);
    times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    ranked += result.ranked.length;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(
    `recommend: ${TECHNICIANS} technicians × ${VISITS} visits, ${RUNS} rankings: ` +
      `median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, ` +
      `max ${percentile(times, 1).toFixed(2)} ms; CPU median ${percentile(cpuTimes, 0.5).toFixed(2)} ms ` +
      `(${(ranked / RUNS).toFixed(0)} ranked per ticket on average)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchRecommend();
