// The day optimizer as a pure function of plain data, so it runs the same in a worker thread, a
// benchmark and a test: build the routing problem, search, decode, and check the result
// independently before anyone may call it feasible.
import type { LatLng } from '../../../../shared/domain/travel';
import { RoutingSolver } from '../optimizer/routing-solver';
import type { TicketNeeds } from './day-model';
import { checkPlan, type CheckedVisit } from './plan-checker';
import { buildPlanProblem, decodePlan, type DecodedVisit, type PlanInput, type TravelMinutes } from './plan-problem';

/** Travel minutes between known places, fetched before the search (road or offline). */
export interface TravelTable {
  places: LatLng[];
  minutes: number[][];
}

/** A lookup into a travel table; unknown places, and places missing from it, cost nothing. */
export function travelTableLookup(table: TravelTable): TravelMinutes {
  const index = new Map(table.places.map((p, i) => [`${p.lat},${p.lng}`, i]));
  return (from, to) => {
    if (!from || !to) return 0;
    const a = index.get(`${from.lat},${from.lng}`);
    const b = index.get(`${to.lat},${to.lng}`);
    return a === undefined || b === undefined ? 0 : (table.minutes[a]?.[b] ?? 0);
  };
}

/** Every place a plan may travel between: technicians' bases, ticket sites and pinned visits. */
export function placesOf(input: Omit<PlanInput, 'travel'>): LatLng[] {
  const seen = new Map<string, LatLng>();
  const add = (p: LatLng | null) => {
    if (p) seen.set(`${p.lat},${p.lng}`, p);
  };
  for (const t of input.technicians) {
    add(t.base);
    for (const v of t.visits) add(v.location);
  }
  for (const t of input.tickets) add(t.location);
  return [...seen.values()];
}

export interface OptimizeProgress {
  elapsedMs: number;
  placed: number;
  unplaced: number;
  lateWeight: number;
  travelMinutes: number;
}

export interface OptimizeOptions {
  timeLimitMs: number;
  /** An iteration budget instead (tests): the run is then repeatable whatever the machine. */
  maxIterations?: number;
  seed?: number;
  onProgress?: (progress: OptimizeProgress) => void;
  shouldStop?: () => boolean;
}

export interface OptimizeResult {
  visits: DecodedVisit[];
  unplaced: TicketNeeds[];
  /** Broken rules found by the independent check; a plan is offered only when this is empty. */
  problems: string[];
  iterations: number;
  elapsedMs: number;
  cancelled: boolean;
}

export function optimizeDay(input: PlanInput, options: OptimizeOptions): OptimizeResult {
  const began = performance.now();
  const built = buildPlanProblem(input);
  const solver = new RoutingSolver(built.problem);
  let cancelled = false;
  const solution = solver.solve({
    seed: options.seed ?? 1,
    ...(options.maxIterations === undefined
      ? { timeLimitMs: options.timeLimitMs }
      : { maxIterations: options.maxIterations }),
    shouldStop: () => {
      cancelled ||= options.shouldStop?.() ?? false;
      return cancelled;
    },
    onImprove: (best, elapsedMs) =>
      options.onProgress?.({
        elapsedMs,
        placed: built.jobs.length - best.unassigned.length,
        unplaced: best.unassigned.length,
        lateWeight: best.lateWeight,
        travelMinutes: best.travel,
      }),
  });
  const { visits, unplaced } = decodePlan(built, solution, input.travel);
  const checked: CheckedVisit[] = visits.map((v) => ({
    technicianId: v.technician.technicianId,
    ticketId: v.job.ticket?.ticketId ?? null,
    visitId: v.job.pinned?.visitId ?? null,
    start: v.start,
    end: v.end,
  }));
  return {
    visits,
    unplaced,
    problems: checkPlan(input, checked),
    iterations: solver.iterations,
    elapsedMs: performance.now() - began,
    cancelled,
  };
}
