import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  defaultRecommendationWeights,
  type ExclusionCode,
  type RecommendationWeights,
} from '../../shared/domain/dispatch';
import { recommendationWeights } from '../../shared/domain/dispatch.schema';
import type { LatLng } from '../../shared/domain/travel';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from '../../electron/core/services/dispatch/day-model';
import { formatDuration, rankTechnicians, type RankOptions } from '../../electron/core/services/dispatch/recommend';
import { dayBounds } from '../../electron/core/services/dispatch/working-time';
import type { TravelMinutes } from '../../electron/core/services/travel/travel-model';

const ZONE = 'Europe/Amsterdam';
const DATE = '2026-03-10';
const day = dayBounds(DATE, ZONE);
const at = (hhmm: string) => DateTime.fromISO(`${DATE}T${hhmm}`, { zone: ZONE }).toMillis();
const isoAt = (hhmm: string) => new Date(at(hhmm)).toISOString();

// Places are compared by identity; the coordinates only need to differ.
const places = {
  H: { lat: 52.0, lng: 5.0 },
  H2: { lat: 52.01, lng: 5.0 },
  A: { lat: 52.1, lng: 5.1 },
  B: { lat: 52.2, lng: 5.2 },
  C: { lat: 52.3, lng: 5.3 },
} satisfies Record<string, LatLng>;
type Place = keyof typeof places;
const nameOf = new Map<LatLng, Place>(Object.entries(places).map(([name, p]) => [p, name as Place]));

/** Travel from a table of symmetric legs in whole minutes ("A-C": 30), so every expected number is exact. */
function tableTravel(legs: Record<string, number>): TravelMinutes {
  return (from, to) => {
    if (from === null || to === null || from === to) return 0;
    const a = nameOf.get(from) ?? '?';
    const b = nameOf.get(to) ?? '?';
    const minutes = legs[`${a}-${b}`] ?? legs[`${b}-${a}`];
    if (minutes === undefined) throw new Error(`No leg ${a}-${b} in the test's table`);
    return minutes;
  };
}

const legs = { 'H-A': 20, 'H-B': 30, 'H-C': 40, 'A-C': 30, 'B-C': 20, 'A-B': 10, 'H2-C': 35, 'H-H2': 1 };

function visit(id: string, from: string, to: string, where: Place): BookedVisit {
  return {
    visitId: id,
    ticketId: `ticket-of-${id}`,
    start: at(from),
    end: at(to),
    location: places[where],
    pinned: false,
  };
}

function technician(overrides: Partial<TechnicianSchedule> = {}): TechnicianSchedule {
  return {
    technicianId: 'tech-1',
    name: 'Ada',
    team: null,
    skills: [{ skillId: 'net', name: 'Network', level: 3, certifiedUntil: null }],
    certifications: [],
    working: [{ start: at('08:00'), end: at('17:00') }],
    base: places.H,
    visits: [],
    maxVisitsPerDay: null,
    timeZone: ZONE,
    ...overrides,
  };
}

function ticket(overrides: Partial<TicketNeeds> = {}): TicketNeeds {
  return {
    ticketId: 'ticket-1',
    number: 'T-2026-000001',
    priority: 'high',
    dueAt: null,
    durationMinutes: 60,
    requiredSkills: [{ skillId: 'net', name: 'Network', minLevel: 2 }],
    location: places.C,
    access: [day],
    ...overrides,
  };
}

const onlyWeights = (chosen: Partial<RecommendationWeights>): RecommendationWeights => ({
  skillFit: 0,
  lateness: 0,
  travel: 0,
  extraTravel: 0,
  workload: 0,
  earliestStart: 0,
  ...chosen,
});

function rank(t: TicketNeeds, techs: TechnicianSchedule[], options: Partial<RankOptions> = {}) {
  return rankTechnicians(t, techs, {
    day,
    now: at('07:00'),
    weights: defaultRecommendationWeights,
    travel: tableTravel(legs),
    timeZone: ZONE,
    ...options,
  });
}

const codes = (result: ReturnType<typeof rank>) => result.excluded.map((e) => e.reasons.map((r) => r.code));

describe('who is excluded, and why', () => {
  it('ranks the baseline technician: skilled, certified, on shift, with a free day', () => {
    const result = rank(ticket(), [technician()]);
    expect(result.excluded).toEqual([]);
    expect(result.ranked.map((r) => r.technicianId)).toEqual(['tech-1']);
    expect(result.day).toBe(DATE);
  });

  const rules: { rule: string; tech: Partial<TechnicianSchedule>; code: ExclusionCode; message: string }[] = [
    {
      rule: 'a required skill they do not have',
      tech: { skills: [{ skillId: 'db', name: 'Databases', level: 5, certifiedUntil: null }] },
      code: 'missing_skill',
      message: 'no Network skill',
    },
    {
      rule: 'a required skill below the minimum level',
      tech: { skills: [{ skillId: 'net', name: 'Network', level: 1, certifiedUntil: null }] },
      code: 'skill_level',
      message: 'Network L1 < L2 required',
    },
    {
      rule: "a required skill's certification that ended the day before",
      tech: { skills: [{ skillId: 'net', name: 'Network', level: 3, certifiedUntil: '2026-03-09' }] },
      code: 'certification_expired',
      message: 'Network certification expired 2026-03-09',
    },
    {
      rule: 'no working time that day (a shift on the next day only)',
      tech: { working: [{ start: at('08:00') + 86_400_000, end: at('17:00') + 86_400_000 }] },
      code: 'not_on_shift',
      message: 'not on shift that day',
    },
    {
      rule: 'a day with no gap long enough for the job and its travel',
      // 12:00–12:50 is free, but 40 min from base or previous job plus 60 min of work do not fit.
      tech: { visits: [visit('v1', '08:00', '12:00', 'H'), visit('v2', '12:50', '17:00', 'H')] },
      code: 'no_free_slot',
      message: 'no free slot of 1h with travel that day',
    },
    {
      rule: 'the daily visit limit already reached',
      tech: { maxVisitsPerDay: 1, visits: [visit('v1', '08:00', '09:00', 'A')] },
      code: 'daily_limit',
      message: 'daily limit reached: 1 of 1 visits booked',
    },
  ];

  it.each(rules)('excludes a technician for $rule ($code), and for nothing else', ({ tech, code, message }) => {
    const result = rank(ticket(), [technician(tech)]);
    expect(result.ranked).toEqual([]);
    expect(result.excluded).toEqual([{ technicianId: 'tech-1', name: 'Ada', reasons: [{ code, message }] }]);
  });

  it('counts a certification valid through its last day', () => {
    const tech = technician({ skills: [{ skillId: 'net', name: 'Network', level: 3, certifiedUntil: DATE }] });
    expect(rank(ticket(), [tech]).ranked).toHaveLength(1);
  });

  it('lists every reason that applies, not just the first', () => {
    const needs = ticket({
      requiredSkills: [
        { skillId: 'net', name: 'Network', minLevel: 2 },
        { skillId: 'db', name: 'Databases', minLevel: 4 },
      ],
    });
    const offDuty = technician({
      skills: [{ skillId: 'db', name: 'Databases', level: 2, certifiedUntil: '2026-01-31' }],
      working: [],
    });
    const fullDay = technician({
      technicianId: 'tech-2',
      maxVisitsPerDay: 2,
      visits: [visit('v1', '08:00', '12:30', 'A'), visit('v2', '12:30', '17:00', 'B')],
      skills: [
        { skillId: 'net', name: 'Network', level: 3, certifiedUntil: null },
        { skillId: 'db', name: 'Databases', level: 4, certifiedUntil: null },
      ],
    });
    expect(codes(rank(needs, [offDuty, fullDay]))).toEqual([
      ['missing_skill', 'skill_level', 'certification_expired', 'not_on_shift'],
      ['daily_limit', 'no_free_slot'],
    ]);
  });
});

describe('where the job goes in a technician day', () => {
  // The hand-worked day: shift 08:00–17:00 from base H; visits 09:00–10:00 at A and 13:00–14:00 at
  // B; a 60-minute job at C. Legs: H–A 20, H–B 30, H–C 40, A–C 30, B–C 20, A–B 10.
  //   before A:  leave H 08:00, arrive 08:40, done 09:40, + C→A 30 = 10:10 > 09:00  → infeasible
  //   A → C → B: leave A 10:00, arrive 10:30, done 11:30, + C→B 20 = 11:50 ≤ 13:00 → start 10:30,
  //              extra driving 30 + 20 − A→B 10 = 40
  //   B → C → H: leave B 14:00, arrive 14:20, done 15:20 ≤ 17:00                → start 14:20,
  //              extra driving 20 + C→H 40 − B→H 30 = 30
  const handDay = technician({ visits: [visit('v1', '09:00', '10:00', 'A'), visit('v2', '13:00', '14:00', 'B')] });

  it('picks the gap that adds the least driving: after the afternoon visit, starting 14:20', () => {
    const [best] = rank(ticket(), [handDay], { weights: onlyWeights({ extraTravel: 1 }) }).ranked;
    expect(best?.insertAfterVisitId).toBe('v2');
    expect(best?.previousPlace).toBe('visit');
    expect(best?.parts).toMatchObject({
      earliestStart: isoAt('14:20'),
      arrival: isoAt('14:20'),
      travelMinutes: 20,
      extraTravelMinutes: 30,
      visitsThatDay: 2,
      workloadMinutes: 120,
      minutesBeforeDue: null,
    });
    expect(best?.score).toBe(30);
  });

  it('lets a due time at 12:00 win over driving: between the two visits, 1h30 before due', () => {
    const [best] = rank(ticket({ dueAt: at('12:00') }), [handDay], {
      weights: onlyWeights({ extraTravel: 1, lateness: 10 }),
    }).ranked;
    // Between: 40 extra, on time → 40. After: 30 extra + 140 min late × 10 → 1430.
    expect(best?.insertAfterVisitId).toBe('v1');
    expect(best?.parts).toMatchObject({ earliestStart: isoAt('10:30'), minutesBeforeDue: 90, extraTravelMinutes: 40 });
    expect(best?.score).toBe(40);
    expect(best?.reasons).toContain('arrives 10:30, 1h30 before due');
    expect(best?.reasons).toContain('30 min drive from previous job');
    expect(best?.reasons).toContain('skill Network L3 ≥ L2');
  });

  it('skips a gap when the drive on to the next visit would make it late', () => {
    // Visits 09:00–10:00 at A and 11:00–12:00 at B; a 30-minute job at C.
    const tech = technician({ visits: [visit('v1', '09:00', '10:00', 'A'), visit('v2', '11:00', '12:00', 'B')] });
    const job = ticket({ durationMinutes: 30, dueAt: at('11:00') });
    const weights = onlyWeights({ lateness: 10 });
    // A→C 15: arrive 10:15, done 10:45; C→B 20 reaches B at 11:05, after its 11:00 start.
    const blocked = rank(job, [tech], { weights, travel: tableTravel({ ...legs, 'A-C': 15, 'B-C': 20 }) });
    expect(blocked.ranked[0]?.insertAfterVisitId).toBe('v2');
    expect(blocked.ranked[0]?.parts.earliestStart).toBe(isoAt('12:20'));
    // C→B 10 reaches B at 10:55: the gap is open.
    const open = rank(job, [tech], { weights, travel: tableTravel({ ...legs, 'A-C': 15, 'B-C': 10 }) });
    expect(open.ranked[0]?.insertAfterVisitId).toBe('v1');
    expect(open.ranked[0]?.parts.earliestStart).toBe(isoAt('10:15'));
  });

  it('starts only within the site access hours, and says when the technician waits for them', () => {
    const job = ticket({ access: [{ start: at('13:00'), end: at('16:00') }], dueAt: at('15:00') });
    const [best] = rank(job, [technician()]).ranked;
    expect(best?.parts.arrival).toBe(isoAt('08:40'));
    expect(best?.parts.earliestStart).toBe(isoAt('13:00'));
    expect(best?.reasons[0]).toBe('arrives 08:40, starts 13:00 when the site opens, 2h before due');
  });

  it('finds no slot when the access hours are shorter than the job', () => {
    const job = ticket({ access: [{ start: at('10:00'), end: at('10:45') }] });
    expect(codes(rank(job, [technician()]))).toEqual([['no_free_slot']]);
  });

  it('never starts before now: a technician free all day leaves at 11:15 when it is 11:15', () => {
    const [best] = rank(ticket(), [technician()], { now: at('11:15') }).ranked;
    expect(best?.parts.arrival).toBe(isoAt('11:55'));
    expect(best?.previousPlace).toBe('base');
    expect(best?.insertAfterVisitId).toBeNull();
  });

  it('leaves a visit in progress at its end, not at now', () => {
    const tech = technician({ visits: [visit('v1', '09:00', '12:00', 'A')] });
    const [best] = rank(ticket(), [tech], { now: at('10:00') }).ranked;
    expect(best?.insertAfterVisitId).toBe('v1');
    expect(best?.parts.earliestStart).toBe(isoAt('12:30'));
  });

  it('uses a second working interval of a split shift', () => {
    const tech = technician({
      working: [
        { start: at('08:00'), end: at('09:00') },
        { start: at('13:00'), end: at('17:00') },
      ],
    });
    // 08:00 + 40 min leaves 20 min of the morning: too short for 60. The afternoon starts 13:40.
    expect(rank(ticket(), [tech]).ranked[0]?.parts.earliestStart).toBe(isoAt('13:40'));
  });
});

describe('the order of the ranked technicians', () => {
  // Nina lives 5 minutes from the site at the minimum level; Erik is an expert 35 minutes away.
  const nina = technician({
    technicianId: 'nina',
    name: 'Nina',
    base: places.H,
    skills: [{ skillId: 'net', name: 'Network', level: 2, certifiedUntil: null }],
  });
  const erik = technician({
    technicianId: 'erik',
    name: 'Erik',
    base: places.H2,
    skills: [{ skillId: 'net', name: 'Network', level: 5, certifiedUntil: null }],
  });
  const travel = tableTravel({ 'H-C': 5, 'H2-C': 35 });

  it('puts the closer technician first when driving weighs more than skill', () => {
    const result = rank(ticket(), [erik, nina], { travel, weights: onlyWeights({ extraTravel: 1, skillFit: 30 }) });
    // Nina: 10 extra (5 there, 5 back) + 30 × (1 − 0) = 40. Erik: 70 + 30 × (1 − 1) = 70.
    expect(result.ranked.map((r) => [r.name, r.score])).toEqual([
      ['Nina', 40],
      ['Erik', 70],
    ]);
    expect(result.ranked.map((r) => r.parts.skillFit)).toEqual([0, 1]);
  });

  it('puts the expert first when skill fit weighs more', () => {
    const result = rank(ticket(), [erik, nina], { travel, weights: onlyWeights({ extraTravel: 1, skillFit: 100 }) });
    expect(result.ranked.map((r) => r.name)).toEqual(['Erik', 'Nina']);
  });

  it('breaks a tie by earlier arrival, then by name', () => {
    const bea = technician({ technicianId: 'bea', name: 'Bea' });
    const ann = technician({ technicianId: 'ann', name: 'Ann' });
    const late = technician({ technicianId: 'cy', name: 'Cy', working: [{ start: at('09:00'), end: at('17:00') }] });
    const result = rank(ticket(), [late, bea, ann], { weights: onlyWeights({}) });
    expect(result.ranked.map((r) => r.score)).toEqual([0, 0, 0]);
    expect(result.ranked.map((r) => r.name)).toEqual(['Ann', 'Bea', 'Cy']);
  });

  it('prefers the less loaded technician through the workload weight', () => {
    const busy = technician({ technicianId: 'busy', name: 'Busy', visits: [visit('v1', '15:00', '17:00', 'C')] });
    const free = technician({
      technicianId: 'free',
      name: 'Free',
      working: [{ start: at('08:30'), end: at('17:00') }],
    });
    const weights = onlyWeights({ workload: 0.1, earliestStart: 0.05 });
    // Busy: 120 booked min × 0.1 = 12 + starts 08:40 (100 min after 07:00) × 0.05 = 5 → 17.
    // Free: starts 09:10 (130 min) × 0.05 = 6.5.
    expect(rank(ticket(), [busy, free], { weights }).ranked.map((r) => [r.name, r.score])).toEqual([
      ['Free', 6.5],
      ['Busy', 17],
    ]);
  });
});

describe('the reasons in words', () => {
  it('says how late the technician arrives against the SLA due time', () => {
    const [best] = rank(ticket({ dueAt: at('09:00') }), [technician()], {
      travel: tableTravel({ ...legs, 'H-C': 95 }),
    }).ranked;
    expect(best?.parts.minutesBeforeDue).toBe(-35);
    expect(best?.reasons[0]).toBe('arrives 09:35, 35 min after due');
    expect(best?.reasons[1]).toBe('95 min drive from base');
  });

  it('writes times in the given zone, and durations as hours and minutes', () => {
    const result = rank(ticket({ dueAt: at('12:00') }), [technician()], { timeZone: 'UTC' });
    const [best] = result.ranked;
    // The Amsterdam day begins at 23:00 UTC the evening before; it is still the 10th.
    expect(result.day).toBe(DATE);
    // 08:40 in Amsterdam (UTC+1 in March) is 07:40 UTC; 12:00 is 11:00 UTC.
    expect(best?.reasons[0]).toBe('arrives 07:40, 3h20 before due');
    expect(['35 min', '1h', '1h05', '2h', '47h59', '2 d', '93 d 14 h'].join()).toBe(
      [35, 60, 65, 120, 47 * 60 + 59, 48 * 60, 93 * 1440 + 14 * 60 + 6].map(formatDuration).join(),
    );
  });

  it('explains only the top few, and ranks the rest with their parts', () => {
    const techs = ['a', 'b', 'c'].map((id) => technician({ technicianId: id, name: id }));
    const result = rank(ticket(), techs, { explainTop: 1 });
    expect(result.ranked.map((r) => r.reasons.length > 0)).toEqual([true, false, false]);
    expect(result.ranked[2]?.parts.travelMinutes).toBe(40);
  });
});

describe('the recommendation weights setting', () => {
  it('fills every weight with its default and refuses unknown or negative ones', () => {
    expect(recommendationWeights.parse({ travel: 2 })).toEqual({ ...defaultRecommendationWeights, travel: 2 });
    expect(recommendationWeights.safeParse({ speed: 1 }).success).toBe(false);
    expect(recommendationWeights.safeParse({ lateness: -1 }).success).toBe(false);
  });
});
