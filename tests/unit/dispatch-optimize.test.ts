import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from '../../electron/core/services/dispatch/day-model';
import { optimizeDay } from '../../electron/core/services/dispatch/optimize-day';
import { droppedBookings, planPreview } from '../../electron/core/services/dispatch/plan-summary';
import type { PlanInput } from '../../electron/core/services/dispatch/plan-problem';
import { offlineLeg } from '../../electron/core/services/travel/offline-travel';
import { defaultTravelSettings, type LatLng } from '../../shared/domain/travel';
import type { Priority } from '../../shared/domain/ticket';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const monday = Date.parse('2026-11-30T00:00:00Z');
const at = (hours: number, day = 0) => monday + day * DAY + hours * 60 * MINUTE;
const travel = (a: LatLng | null, b: LatLng | null) => (a && b ? offlineLeg(a, b, defaultTravelSettings).minutes : 0);
const network = { skillId: 'network', name: 'Network', minLevel: 2 };

function technician(id: string, overrides: Partial<TechnicianSchedule> = {}): TechnicianSchedule {
  return {
    technicianId: id,
    name: id,
    team: null,
    skills: [{ skillId: 'network', name: 'Network', level: 3, certifiedUntil: null }],
    certifications: [],
    working: [{ start: at(8), end: at(17) }],
    base: { lat: 40.75, lng: -73.99 },
    visits: [],
    maxVisitsPerDay: null,
    timeZone: 'UTC',
    ...overrides,
  };
}

function ticket(id: string, overrides: Partial<TicketNeeds> = {}): TicketNeeds {
  return {
    ticketId: id,
    number: id,
    priority: 'medium',
    dueAt: null,
    durationMinutes: 60,
    requiredSkills: [],
    location: { lat: 40.76, lng: -73.98 },
    access: [{ start: monday, end: monday + DAY }],
    ...overrides,
  };
}

function input(technicians: TechnicianSchedule[], tickets: TicketNeeds[], now = monday): PlanInput {
  return {
    days: technicians.map((t) => ({ technicianId: t.technicianId, day: { start: monday, end: monday + DAY } })),
    now,
    technicians,
    tickets,
    travel,
  };
}

describe('day optimizer', () => {
  it('places every ticket on a plain day and checks the plan', () => {
    const result = optimizeDay(
      input([technician('ana'), technician('ben')], [ticket('T1'), ticket('T2'), ticket('T3')]),
      {
        timeLimitMs: 0,
        maxIterations: 200,
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.visits.map((v) => v.job.ticket?.ticketId).sort()).toEqual(['T1', 'T2', 'T3']);
    for (const visit of result.visits) expect(visit.start % MINUTE).toBe(0);
  });

  it('keeps to skills, shifts, access hours and the daily limit, giving the one slot to the Critical ticket', () => {
    const expert = technician('expert', { maxVisitsPerDay: 1 });
    const novice = technician('novice', { skills: [] });
    const low = ticket('LOW', { priority: 'low', requiredSkills: [network] });
    const critical = ticket('CRIT', { priority: 'critical', requiredSkills: [network] });
    const morning = ticket('AM', { access: [{ start: at(8), end: at(10) }] });
    const result = optimizeDay(input([expert, novice], [low, critical, morning]), {
      timeLimitMs: 0,
      maxIterations: 300,
    });
    expect(result.problems).toEqual([]);
    const byTicket = new Map(result.visits.map((v) => [v.job.ticket?.ticketId, v]));
    expect(byTicket.get('CRIT')?.technician.technicianId).toBe('expert');
    expect(result.unplaced.map((t) => t.ticketId)).toEqual(['LOW']);
    const am = byTicket.get('AM');
    expect(am?.technician.technicianId).toBe('novice');
    expect(am && am.end <= at(10)).toBe(true);
  });

  it('breaks no SLA it can keep: the ticket due first is visited first', () => {
    const tickets = [
      ticket('LATER', { dueAt: at(17), location: { lat: 40.7, lng: -74.0 } }),
      ticket('SOON', { dueAt: at(9, 0) + 30 * MINUTE, location: { lat: 40.8, lng: -73.95 } }),
    ];
    const result = optimizeDay(input([technician('ana')], tickets), { timeLimitMs: 0, maxIterations: 200 });
    expect(result.problems).toEqual([]);
    expect(result.visits.map((v) => v.job.ticket?.ticketId)).toEqual(['SOON', 'LATER']);
    const soon = result.visits[0];
    expect(soon && soon.start <= at(9) + 30 * MINUTE).toBe(true);
  });

  it('never moves a pinned visit and plans around it', () => {
    const pinned: BookedVisit = {
      visitId: 'V1',
      ticketId: 'OLD',
      start: at(9),
      end: at(12),
      location: { lat: 40.76, lng: -73.98 },
      pinned: true,
    };
    const ana = technician('ana', { visits: [pinned], working: [{ start: at(8), end: at(13) }] });
    const result = optimizeDay(
      input([ana], [ticket('T1', { durationMinutes: 90 }), ticket('T2', { durationMinutes: 45 })]),
      {
        timeLimitMs: 0,
        maxIterations: 200,
      },
    );
    expect(result.problems).toEqual([]);
    const kept = result.visits.find((v) => v.job.pinned?.visitId === 'V1');
    expect(kept && [kept.start, kept.end]).toEqual([at(9), at(12)]);
    // 08:00–09:00 and 12:00–13:00 leave room for the 45-minute visit only.
    expect(result.visits.filter((v) => v.job.ticket).map((v) => v.job.ticket?.ticketId)).toEqual(['T2']);
    expect(result.unplaced.map((t) => t.ticketId)).toEqual(['T1']);
  });

  it('plans nothing in the past', () => {
    const now = at(14) + 7 * 1000; // leaves 14:01, 8 min drive: 14:09–15:09 and 15:09–16:09; a third would end 17:09
    const result = optimizeDay(input([technician('ana')], [ticket('T1'), ticket('T2'), ticket('T3')], now), {
      timeLimitMs: 0,
      maxIterations: 100,
    });
    expect(result.problems).toEqual([]);
    expect(result.visits.length).toBe(2);
    for (const visit of result.visits) expect(visit.start).toBeGreaterThanOrEqual(now);
  });

  it('stops when cancelled and still returns a checked plan', () => {
    let polls = 0;
    const result = optimizeDay(input([technician('ana')], [ticket('T1'), ticket('T2')]), {
      timeLimitMs: 60_000,
      shouldStop: () => ++polls > 3,
    });
    expect(result.cancelled).toBe(true);
    expect(result.iterations).toBe(3);
    expect(result.problems).toEqual([]);
    expect(result.visits.length).toBe(2);
  });

  it('returns only plans that keep every hard rule (randomized)', () => {
    const place = fc.record({
      lat: fc.double({ min: 40.6, max: 40.9, noNaN: true }),
      lng: fc.double({ min: -74.1, max: -73.8, noNaN: true }),
    });
    const priority = fc.constantFrom<Priority>('critical', 'high', 'medium', 'low');
    const span = fc
      .tuple(fc.integer({ min: 0, max: 22 * 4 }), fc.integer({ min: 2, max: 12 * 4 }))
      .map(([from, length]) => ({ start: at(from / 4), end: at(Math.min(24, (from + length) / 4)) }));
    const technicianArb = fc.record({
      level: fc.integer({ min: 0, max: 5 }),
      certifiedUntil: fc.constantFrom(null, '2026-11-29', '2026-12-31'),
      shifts: fc.array(span, { minLength: 0, maxLength: 2 }),
      base: fc.option(place, { nil: null }),
      maxVisitsPerDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      pinnedAt: fc.option(fc.integer({ min: 8, max: 15 }), { nil: null }),
    });
    const ticketArb = fc.record({
      priority,
      minLevel: fc.integer({ min: 0, max: 5 }),
      duration: fc.integer({ min: 5, max: 240 }),
      dueHours: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      location: fc.option(place, { nil: null }),
      access: fc.option(span, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(technicianArb, { minLength: 1, maxLength: 4 }),
        fc.array(ticketArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (techs, jobs, seed) => {
          const technicians = techs.map((t, i) => {
            const working = [...t.shifts]
              .sort((a, b) => a.start - b.start)
              .filter((s, k, all) => k === 0 || s.start >= (all[k - 1]?.end ?? 0));
            const visits: BookedVisit[] =
              t.pinnedAt === null
                ? []
                : [
                    {
                      visitId: `P${i}`,
                      ticketId: `PT${i}`,
                      start: at(t.pinnedAt),
                      end: at(t.pinnedAt + 1),
                      location: t.base,
                      pinned: true,
                    },
                  ];
            return technician(`tech${i}`, {
              skills:
                t.level === 0
                  ? []
                  : [{ skillId: 'network', name: 'Network', level: t.level, certifiedUntil: t.certifiedUntil }],
              working,
              base: t.base,
              maxVisitsPerDay: t.maxVisitsPerDay,
              visits,
            });
          });
          const tickets = jobs.map((j, i) =>
            ticket(`T${i}`, {
              priority: j.priority,
              durationMinutes: j.duration,
              requiredSkills: j.minLevel === 0 ? [] : [{ ...network, minLevel: j.minLevel }],
              dueAt: j.dueHours === null ? null : at(j.dueHours),
              location: j.location,
              access: j.access ? [j.access] : [{ start: monday, end: monday + DAY }],
            }),
          );
          const result = optimizeDay(input(technicians, tickets, at(6)), { timeLimitMs: 0, maxIterations: 60, seed });
          expect(result.problems).toEqual([]);
          const planned = result.visits.flatMap((v) => (v.job.ticket ? [v.job.ticket.ticketId] : []));
          expect([...planned, ...result.unplaced.map((t) => t.ticketId)].sort()).toEqual(
            tickets.map((t) => t.ticketId).sort(),
          );
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });
});

describe('plan preview', () => {
  it('says what changes, why a ticket is left over, and the numbers before and after', () => {
    const booked: BookedVisit = {
      visitId: 'V1',
      ticketId: 'BOOKED',
      start: at(15),
      end: at(16),
      location: { lat: 40.76, lng: -73.98 },
      pinned: false,
    };
    const ana = technician('ana', { visits: [booked] });
    const tickets = [
      ticket('BOOKED', { dueAt: at(11), priority: 'high' }),
      ticket('NEW'),
      ticket('NOBODY', { requiredSkills: [{ skillId: 'fibre', name: 'Fibre splicing', minLevel: 4 }] }),
    ];
    const plan = input([ana], tickets);
    const result = optimizeDay(plan, { timeLimitMs: 0, maxIterations: 200 });
    const preview = planPreview(plan, result, {
      id: 'p',
      from: '2026-11-30',
      to: '2026-11-30',
      createdAt: new Date(monday).toISOString(),
      travelSource: 'offline',
    });
    const change = Object.fromEntries(preview.visits.map((v) => [v.number, v.change]));
    expect(change).toEqual({ BOOKED: 'moved', NEW: 'new' });
    expect(preview.visits.find((v) => v.number === 'BOOKED')?.previous).toEqual({
      technicianId: 'ana',
      startsAt: '2026-11-30T15:00:00.000Z',
    });
    expect(preview.unplaced).toEqual([
      expect.objectContaining({ number: 'NOBODY', reason: expect.stringContaining('Fibre splicing L4') as unknown }),
    ]);
    expect(preview.before).toMatchObject({ assigned: 1, unassigned: 2, breaches: { high: 1 } });
    expect(preview.after).toMatchObject({ assigned: 2, unassigned: 1, breaches: { high: 0 } });
    expect(preview.after.travelMinutes).toBeGreaterThan(0);
    expect(droppedBookings(plan, result)).toEqual([]);
  });
});
