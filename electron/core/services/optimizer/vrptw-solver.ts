// The classic VRPTW (Solomon's benchmark) as a special case of the product's routing problem:
// identical vehicles at one depot, one window per customer, no deadlines, every job weighs the same.
import { jobWindows, type RoutingProblem, type RoutingVehicle } from './routing-problem';
import { RoutingSolver, type RoutingOptions } from './routing-solver';
import type { VrptwProblem, VrptwSolution } from './vrptw-model';

export type VrptwOptions = Omit<RoutingOptions, 'onImprove'> & {
  /** Called with the best plan each time it improves, and the time it was found. */
  onImprove?: (best: VrptwSolution, elapsedMs: number) => void;
};

/** Node i of the VRPTW (1..n-1) is job i-1 of the routing problem; node 0 is the depot. */
export function vrptwAsRouting(problem: VrptwProblem): RoutingProblem {
  const jobs = problem.size - 1;
  const node = (job: number) => job + 1;
  const vehicle: RoutingVehicle = {
    start: 0,
    end: 0,
    open: problem.ready[0] ?? 0,
    close: problem.due[0] ?? Infinity,
    capacity: problem.capacity,
    windowSet: 0,
    kind: 0,
    fixed: [],
  };
  return {
    locations: problem.size,
    travel: problem.travel,
    jobs,
    jobLocation: Int32Array.from({ length: jobs }, (_, j) => node(j)),
    service: problem.service.slice(1),
    demand: problem.demand.slice(1),
    weight: new Float64Array(jobs).fill(1),
    lateWeight: new Float64Array(jobs),
    softDue: new Float64Array(jobs).fill(Infinity),
    lateCost: 0,
    vehicles: Array.from({ length: problem.maxVehicles }, () => vehicle),
    windowSets: [
      jobWindows(Array.from({ length: jobs }, (_, j) => [[problem.ready[node(j)] ?? 0, problem.due[node(j)] ?? 0]])),
    ],
  };
}

export class VrptwSolver {
  private readonly solver: RoutingSolver;

  constructor(problem: VrptwProblem) {
    this.solver = new RoutingSolver(vrptwAsRouting(problem));
  }

  /** Ruin-and-recreate iterations completed by the last solve (for benchmarks). */
  get iterations(): number {
    return this.solver.iterations;
  }

  /** Solves the problem within the budget and returns the best plan found. */
  solve(options: VrptwOptions = {}): VrptwSolution {
    const { onImprove, ...rest } = options;
    const toVrptw = (plan: ReturnType<RoutingSolver['solve']>): VrptwSolution => ({
      routes: plan.routes.filter((route) => route.length > 0).map((route) => route.map((job) => job + 1)),
      unassigned: plan.unassigned.map((job) => job + 1),
      distance: plan.travel,
    });
    const plan = this.solver.solve({
      ...rest,
      ...(onImprove ? { onImprove: (best, elapsed) => onImprove(toVrptw(best), elapsed) } : {}),
    });
    return toVrptw(plan);
  }
}

/** Solves a VRPTW within the options' budget; see {@link RoutingSolver}. */
export function solveVrptw(problem: VrptwProblem, options: VrptwOptions = {}): VrptwSolution {
  return new VrptwSolver(problem).solve(options);
}
