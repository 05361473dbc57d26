// dispatch.recommend's engine: who can take one ticket on one day, and where it fits best in each
// technician's day. It runs on the interactive path (a coordinator opens a ticket) against every
// technician, so the per-technician work allocates nothing but its result: scratch arrays live in
// the per-call context, travel is a synchronous function, and luxon is used only once per call
// and per time zone; the words of the explained top few use one Intl formatter.
import { DateTime } from 'luxon';
import type {
  ExcludedTechnician,
  ExclusionCode,
  ExclusionReason,
  RankedTechnician,
  Recommendation,
  RecommendationWeights,
} from '../../../../shared/domain/dispatch';
import type { TechnicianSkillDto } from '../../../../shared/domain/technician';
import type { TravelMinutes } from '../travel/travel-model';
import type { BookedVisit, TechnicianSchedule, TicketNeeds } from './day-model';
import { dayBounds, type Interval } from './working-time';

const MINUTE = 60_000;
const TOP_LEVEL = 5;
// firstStartInAccess's "no start": instants are epoch ms after 1970, so never negative.
const NO_START = -1;

export interface RankOptions {
  /** The day looked at, [start, end) in epoch ms; working intervals and visits are read within it. */
  day: Interval;
  /** Nothing starts before this: a technician leaves their previous place at `now` at the earliest. */
  now: number;
  weights: RecommendationWeights;
  travel: TravelMinutes;
  /** The zone of the words ("arrives 10:40") and of the day's date. */
  timeZone: string;
  /** How many of the best get their reasons in words (default 10); the rest get an empty list. */
  explainTop?: number;
}

/** Where the job fits best in one technician's day. */
interface Position {
  cost: number;
  start: number;
  arrival: number;
  /** 0 = before the first visit of the day, k = after the k-th. */
  gap: number;
  travelIn: number;
  extra: number;
}

/** A technician who can take the job, before sorting and formatting. */
interface Candidate {
  tech: TechnicianSchedule;
  score: number;
  position: Position;
  after: BookedVisit | null;
  visitsThatDay: number;
  workloadMs: number;
  skillFit: number;
  /** The technician's own skill record for each required skill, in the ticket's order. */
  skills: (TechnicianSkillDto | undefined)[];
}

/** Computed once per call and shared by every technician; the scratch fields are overwritten per technician. */
interface Context {
  ticket: TicketNeeds;
  options: RankOptions;
  date: string;
  durationMs: number;
  /** The ticket's access intervals within the day. */
  access: Interval[];
  /** The first moment the site can be visited from now on: the reference of the earliestStart weight. */
  earliestAccess: number;
  requiredIndex: Map<string, number>;
  localDays: Map<string, Interval>;
  /** 24-hour "10:40" in the ranking's zone; one formatter per call is far cheaper than luxon per time. */
  clock: Intl.DateTimeFormat;
  // Scratch, per technician.
  matched: (TechnicianSkillDto | undefined)[];
  skillFit: number;
  lo: number;
  hi: number;
  workloadMs: number;
  toJob: Float64Array;
  fromJob: Float64Array;
  between: Float64Array;
  best: Position;
}

/**
 * Ranks every technician for one ticket on one day: each is either excluded with every reason that
 * applies, or ranked by score (lower is better) at the cheapest feasible place in their day.
 */
export function rankTechnicians(
  ticket: TicketNeeds,
  technicians: readonly TechnicianSchedule[],
  options: RankOptions,
): Recommendation {
  const ctx = createContext(ticket, options);
  const candidates: Candidate[] = [];
  const excluded: ExcludedTechnician[] = [];
  for (const tech of technicians) {
    const result = assess(ctx, tech);
    if (Array.isArray(result)) excluded.push({ technicianId: tech.technicianId, name: tech.name, reasons: result });
    else candidates.push(result);
  }
  candidates.sort(
    (a, b) => a.score - b.score || a.position.arrival - b.position.arrival || a.tech.name.localeCompare(b.tech.name),
  );
  const explainTop = options.explainTop ?? 10;
  const ranked = candidates.map((c, i) => toRanked(ctx, c, i < explainTop));
  return { ticketId: ticket.ticketId, day: ctx.date, ranked, excluded };
}

function createContext(ticket: TicketNeeds, options: RankOptions): Context {
  const { day, now } = options;
  const access = ticket.access
    .filter((a) => a.end > day.start && a.start < day.end)
    .map((a) => ({ start: Math.max(a.start, day.start), end: Math.min(a.end, day.end) }));
  const from = Math.max(now, day.start);
  const open = access.find((a) => a.end > from);
  const capacity = 16;
  return {
    ticket,
    options,
    // The middle of the day, not its start: a day given in another zone than the words' still
    // names its own date (its midnight may be the evening before in `timeZone`).
    date: DateTime.fromMillis((day.start + day.end) / 2, { zone: options.timeZone }).toISODate() ?? '',
    durationMs: ticket.durationMinutes * MINUTE,
    access,
    earliestAccess: open ? Math.max(open.start, from) : from,
    requiredIndex: new Map(ticket.requiredSkills.map((s, i) => [s.skillId, i])),
    localDays: new Map([[options.timeZone, day]]),
    clock: new Intl.DateTimeFormat('en-GB', {
      timeZone: options.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
    matched: ticket.requiredSkills.map(() => undefined),
    skillFit: 1,
    lo: 0,
    hi: 0,
    workloadMs: 0,
    toJob: new Float64Array(capacity),
    fromJob: new Float64Array(capacity),
    between: new Float64Array(capacity),
    best: { cost: Infinity, start: 0, arrival: 0, gap: 0, travelIn: 0, extra: 0 },
  };
}

function assess(ctx: Context, tech: TechnicianSchedule): Candidate | ExclusionReason[] {
  let reasons = skillReasons(ctx, tech);
  const visitsThatDay = countVisitsStarting(tech.visits, localDay(ctx, tech.timeZone));
  if (tech.maxVisitsPerDay !== null && visitsThatDay >= tech.maxVisitsPerDay) {
    reasons = withReason(
      reasons,
      'daily_limit',
      `daily limit reached: ${visitsThatDay} of ${tech.maxVisitsPerDay} visits booked`,
    );
  }
  if (!isOnShift(tech.working, ctx.options.day)) {
    reasons = withReason(reasons, 'not_on_shift', 'not on shift that day');
  } else {
    findDayVisits(ctx, tech.visits);
    // An excluded technician's slot is never shown: knowing that one exists is enough.
    if (!searchInsertion(ctx, tech, reasons !== null)) {
      reasons = withReason(
        reasons,
        'no_free_slot',
        `no free slot of ${formatDuration(ctx.ticket.durationMinutes)} with travel that day`,
      );
    }
  }
  if (reasons) return reasons;
  const { weights } = ctx.options;
  const position = { ...ctx.best };
  return {
    tech,
    score: position.cost + weights.skillFit * (1 - ctx.skillFit) + (weights.workload * ctx.workloadMs) / MINUTE,
    position,
    after: position.gap > 0 ? (tech.visits[ctx.lo + position.gap - 1] ?? null) : null,
    visitsThatDay,
    workloadMs: ctx.workloadMs,
    skillFit: ctx.skillFit,
    skills: [...ctx.matched],
  };
}

function withReason(list: ExclusionReason[] | null, code: ExclusionCode, message: string): ExclusionReason[] {
  const reason = { code, message };
  if (list === null) return [reason];
  list.push(reason);
  return list;
}

/** Checks every required skill (level and certification) and leaves the skill fit in ctx.skillFit. */
function skillReasons(ctx: Context, tech: TechnicianSchedule): ExclusionReason[] | null {
  const required = ctx.ticket.requiredSkills;
  ctx.skillFit = 1;
  if (required.length === 0) return null;
  const matched = ctx.matched;
  matched.fill(undefined);
  for (const skill of tech.skills) {
    const i = ctx.requiredIndex.get(skill.skillId);
    if (i !== undefined) matched[i] = skill;
  }
  let reasons: ExclusionReason[] | null = null;
  let fit = 0;
  for (let i = 0; i < required.length; i++) {
    const need = required[i];
    if (!need) continue;
    const has = matched[i];
    if (!has) {
      reasons = withReason(reasons, 'missing_skill', `no ${need.name} skill`);
      continue;
    }
    if (has.level < need.minLevel) {
      reasons = withReason(reasons, 'skill_level', `${need.name} L${has.level} < L${need.minLevel} required`);
    }
    // YYYY-MM-DD strings compare as dates; a certificate is valid through its last day.
    if (has.certifiedUntil !== null && has.certifiedUntil < ctx.date) {
      reasons = withReason(
        reasons,
        'certification_expired',
        `${need.name} certification expired ${has.certifiedUntil}`,
      );
    }
    fit += need.minLevel >= TOP_LEVEL ? 1 : Math.min(1, (has.level - need.minLevel) / (TOP_LEVEL - need.minLevel));
  }
  ctx.skillFit = fit / required.length;
  return reasons;
}

/** The day in the technician's own zone, where their daily limit is counted; one luxon call per zone. */
function localDay(ctx: Context, zone: string): Interval {
  let bounds = ctx.localDays.get(zone);
  if (!bounds) {
    bounds = dayBounds(ctx.date, zone);
    ctx.localDays.set(zone, bounds);
  }
  return bounds;
}

function countVisitsStarting(visits: readonly BookedVisit[], day: Interval): number {
  let count = 0;
  for (const v of visits) if (v.start >= day.start && v.start < day.end) count++;
  return count;
}

function isOnShift(working: readonly Interval[], day: Interval): boolean {
  for (const w of working) if (w.start < day.end && w.end > day.start) return true;
  return false;
}

/** Leaves in ctx.lo/hi the range of visits that overlap the day (visits are in start order), and their minutes. */
function findDayVisits(ctx: Context, visits: readonly BookedVisit[]): void {
  const { day } = ctx.options;
  let lo = 0;
  while (lo < visits.length && (visits[lo]?.end ?? Infinity) <= day.start) lo++;
  let hi = lo;
  let workload = 0;
  for (let v = visits[hi]; v !== undefined && v.start < day.end; v = visits[++hi]) {
    workload += Math.min(v.end, day.end) - Math.max(v.start, day.start);
  }
  ctx.lo = lo;
  ctx.hi = hi;
  ctx.workloadMs = workload;
}

/**
 * Tries the job in every gap of every working interval (before the first visit, between two, after
 * the last) and leaves the cheapest feasible position in ctx.best. Returns whether one exists.
 */
function searchInsertion(ctx: Context, tech: TechnicianSchedule, anyWillDo: boolean): boolean {
  const { day } = ctx.options;
  const n = ctx.hi - ctx.lo;
  forgetLegs(ctx, n);
  ctx.best.cost = Infinity;
  for (const w of tech.working) {
    const start = Math.max(w.start, day.start);
    const end = Math.min(w.end, day.end);
    if (end - start < ctx.durationMs) continue;
    for (let g = 0; g <= n; g++) {
      const prev = g > 0 ? tech.visits[ctx.lo + g - 1] : undefined;
      const next = g < n ? tech.visits[ctx.lo + g] : undefined;
      tryGap(ctx, tech, g, prev, next, start, end);
      if (anyWillDo && ctx.best.cost < Infinity) return true;
    }
  }
  return ctx.best.cost < Infinity;
}

/**
 * Legs are asked of the travel function only when a gap survives the checks without travel, and
 * each at most once per technician (NaN = not asked yet). Place 0 is the base, place k the k-th
 * visit of the day; between[g] is the leg the job would interrupt in gap g: previous place to the
 * next visit, or back to the base after the last.
 */
function forgetLegs(ctx: Context, n: number): void {
  if (ctx.toJob.length < n + 1) {
    const size = 2 * (n + 1);
    ctx.toJob = new Float64Array(size);
    ctx.fromJob = new Float64Array(size);
    ctx.between = new Float64Array(size);
  }
  ctx.toJob.fill(NaN, 0, n + 1);
  ctx.fromJob.fill(NaN, 0, n + 1);
  ctx.between.fill(NaN, 0, n + 1);
}

function placeOf(ctx: Context, tech: TechnicianSchedule, k: number) {
  return k === 0 ? tech.base : (tech.visits[ctx.lo + k - 1]?.location ?? null);
}

function legToJob(ctx: Context, tech: TechnicianSchedule, k: number): number {
  let minutes = ctx.toJob[k] ?? NaN;
  if (Number.isNaN(minutes)) {
    minutes = ctx.options.travel(placeOf(ctx, tech, k), ctx.ticket.location);
    ctx.toJob[k] = minutes;
  }
  return minutes;
}

function legFromJob(ctx: Context, tech: TechnicianSchedule, k: number): number {
  let minutes = ctx.fromJob[k] ?? NaN;
  if (Number.isNaN(minutes)) {
    minutes = ctx.options.travel(ctx.ticket.location, placeOf(ctx, tech, k));
    ctx.fromJob[k] = minutes;
  }
  return minutes;
}

function legBetween(ctx: Context, tech: TechnicianSchedule, g: number, hasNext: boolean): number {
  let minutes = ctx.between[g] ?? NaN;
  if (Number.isNaN(minutes)) {
    minutes = ctx.options.travel(placeOf(ctx, tech, g), placeOf(ctx, tech, hasNext ? g + 1 : 0));
    ctx.between[g] = minutes;
  }
  return minutes;
}

/**
 * The job in the gap between `prev` and `next` within one working interval [start, end): leave the
 * previous place when it and the shift allow (and not before now), drive, wait for site access if
 * needed, work, and still reach the next visit by its start.
 */
function tryGap(
  ctx: Context,
  tech: TechnicianSchedule,
  g: number,
  prev: BookedVisit | undefined,
  next: BookedVisit | undefined,
  start: number,
  end: number,
): void {
  const leave = Math.max(start, ctx.options.now, prev ? prev.end : start);
  const deadline = next ? Math.min(end, next.start) : end;
  // Most gaps of a full day are too short even without driving: rule them out before asking travel.
  if (deadline - leave < ctx.durationMs) return;
  if (firstStartInAccess(ctx.access, leave, ctx.durationMs, deadline) === NO_START) return;
  const travelIn = legToJob(ctx, tech, g);
  const travelOut = legFromJob(ctx, tech, next ? g + 1 : 0);
  const arrival = leave + travelIn * MINUTE;
  const latestEnd = next ? deadline - travelOut * MINUTE : deadline;
  const jobStart = firstStartInAccess(ctx.access, arrival, ctx.durationMs, latestEnd);
  if (jobStart === NO_START) return;
  const extra = travelIn + travelOut - legBetween(ctx, tech, g, next !== undefined);
  const cost = positionCost(ctx, jobStart, travelIn, extra);
  const best = ctx.best;
  if (cost < best.cost || (cost === best.cost && jobStart < best.start)) {
    best.cost = cost;
    best.start = jobStart;
    best.arrival = arrival;
    best.gap = g;
    best.travelIn = travelIn;
    best.extra = extra;
  }
}

/** The earliest start ≥ arrival whose whole job fits one access interval and ends by latestEnd. */
function firstStartInAccess(access: readonly Interval[], arrival: number, duration: number, latestEnd: number): number {
  for (const a of access) {
    if (a.end < arrival + duration) continue;
    const start = Math.max(arrival, a.start);
    // Access intervals are sorted: a later one can only start later.
    if (start + duration > latestEnd) return NO_START;
    if (start + duration <= a.end) return start;
  }
  return NO_START;
}

/** The position-dependent part of the score; lateness dominates with the default weights. */
function positionCost(ctx: Context, start: number, travelIn: number, extra: number): number {
  const w = ctx.options.weights;
  const due = ctx.ticket.dueAt;
  const late = due === null ? 0 : Math.max(0, (start - due) / MINUTE);
  const wait = Math.max(0, (start - ctx.earliestAccess) / MINUTE);
  return w.lateness * late + w.travel * travelIn + w.extraTravel * extra + w.earliestStart * wait;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function toRanked(ctx: Context, c: Candidate, explain: boolean): RankedTechnician {
  const { position: p } = c;
  const due = ctx.ticket.dueAt;
  return {
    technicianId: c.tech.technicianId,
    name: c.tech.name,
    score: round(c.score, 2),
    parts: {
      skillFit: round(c.skillFit, 3),
      earliestStart: new Date(p.start).toISOString(),
      arrival: new Date(p.arrival).toISOString(),
      travelMinutes: round(p.travelIn, 1),
      extraTravelMinutes: round(p.extra, 1),
      minutesBeforeDue: due === null ? null : Math.round((due - p.start) / MINUTE),
      visitsThatDay: c.visitsThatDay,
      workloadMinutes: Math.round(c.workloadMs / MINUTE),
    },
    insertAfterVisitId: c.after?.visitId ?? null,
    previousPlace: c.after ? 'visit' : 'base',
    reasons: explain ? reasonsInWords(ctx, c) : [],
  };
}

/** "1h20", "2h", "35 min"; from two days on, "3 d 4 h" (minutes no longer matter). */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m >= 48 * 60) {
    const hours = Math.round(m / 60);
    const rest = hours % 24;
    return rest === 0 ? `${hours / 24} d` : `${Math.floor(hours / 24)} d ${rest} h`;
  }
  const rest = m % 60;
  return rest === 0 ? `${Math.floor(m / 60)}h` : `${Math.floor(m / 60)}h${String(rest).padStart(2, '0')}`;
}

function reasonsInWords(ctx: Context, c: Candidate): string[] {
  const { position: p } = c;
  const clock = (ms: number) => ctx.clock.format(ms);
  let when = `arrives ${clock(p.arrival)}`;
  if (p.start > p.arrival) when += `, starts ${clock(p.start)} when the site opens`;
  const due = ctx.ticket.dueAt;
  if (due !== null) {
    const before = Math.round((due - p.start) / MINUTE);
    if (before > 0) when += `, ${formatDuration(before)} before due`;
    else if (before < 0) when += `, ${formatDuration(-before)} after due`;
    else when += ', right at the due time';
  }
  const from = c.after ? 'previous job' : 'base';
  const extra = Math.round(p.extra);
  const words = [
    when,
    `${Math.round(p.travelIn)} min drive from ${from}`,
    extra > 0 ? `adds ${extra} min of driving to the day` : 'adds no driving to the day',
  ];
  ctx.ticket.requiredSkills.forEach((need, i) => {
    const has = c.skills[i];
    if (has) words.push(`skill ${need.name} L${has.level} ≥ L${need.minLevel}`);
  });
  words.push(
    c.visitsThatDay === 0
      ? 'no other visits that day'
      : `${c.visitsThatDay} ${c.visitsThatDay === 1 ? 'visit' : 'visits'} (${formatDuration(c.workloadMs / MINUTE)}) booked that day`,
  );
  return words;
}
