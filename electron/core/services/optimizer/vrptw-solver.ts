// Ruin-and-recreate search for the VRPTW: SISR (Christiaens & Vanden Berghe 2020, "Slack Induction
// by String Removals"): remove a few strings of customers near a random seed customer, put them back
// with a greedy cheapest insertion that skips positions at random ("blinks"), and accept the result
// under simulated annealing. Insertion feasibility is O(1) per position thanks to each route's
// earliest start times (forward) and latest start times (backward).
import { Random } from './random';
import type { VrptwProblem, VrptwSolution } from './vrptw-model';

export interface VrptwOptions {
  /** Seed of the PRNG; the same seed and iteration count give the same plan. */
  seed?: number;
  /** Wall-clock budget in milliseconds (default 1000). */
  timeLimitMs?: number;
  /**
   * Iteration budget. When given without a time limit the annealing schedule follows iterations,
   * so the run is fully reproducible whatever the machine's speed.
   */
  maxIterations?: number;
  /** Called with the best plan each time it improves, and the time it was found. */
  onImprove?: (best: VrptwSolution, elapsedMs: number) => void;
  /** Polled between iterations; returning true stops the search with the best plan so far. */
  shouldStop?: () => boolean;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** SISR parameters, the same for every instance (no per-instance tuning). */
const AVERAGE_REMOVED = 10; // c̄
const MAX_STRING = 10; // L^max
const SPLIT_RATE = 0.5; // α: share of ruins that use the split-string variant
const SPLIT_CONTINUE = 0.5; // chance of preserving one more customer in a split string
const BLINK_RATE = 0.01;
/**
 * Start and end temperatures, as multiples of the mean travel from a job to its 10 nearest jobs.
 * On Solomon instances that unit is about 9.5, which gives the paper's 100 → 1.
 */
const START_TEMPERATURE = 10;
const END_TEMPERATURE = 0.1;

class Route {
  /** Depot, jobs in order, depot. */
  nodes: number[];
  /** Earliest start of service at each position. */
  start: number[] = [];
  /** Latest start of service at each position that keeps the rest of the route feasible. */
  latest: number[] = [];
  load = 0;
  cost = 0;

  constructor(nodes: number[]) {
    this.nodes = nodes;
  }

  get jobs(): number {
    return this.nodes.length - 2;
  }
}

interface State {
  routes: Route[];
  unassigned: number[];
  cost: number;
  /**
   * Routes this state may change in place. A candidate starts by sharing every route with the
   * current plan and copies one only before changing it, so a rejected move costs no restore.
   */
  owned: Set<Route>;
}

export class VrptwSolver {
  private readonly n: number;
  private readonly travel: Float64Array;
  /** For each job, all jobs ordered by travel from it (itself first). */
  private readonly neighbours: Int32Array[];
  /** Ruin-and-recreate iterations completed by the last solve (for benchmarks). */
  iterations = 0;

  constructor(private readonly problem: VrptwProblem) {
    this.n = problem.size;
    this.travel = problem.travel;
    this.neighbours = [];
    const jobs = Array.from({ length: this.n - 1 }, (_, i) => i + 1);
    for (let c = 0; c < this.n; c++) {
      const row = c * this.n;
      this.neighbours.push(
        Int32Array.from([...jobs].sort((a, b) => (this.travel[row + a] ?? 0) - (this.travel[row + b] ?? 0) || a - b)),
      );
    }
  }

  /** Solves the problem within the budget and returns the best plan found. */
  solve(options: VrptwOptions = {}): VrptwSolution {
    const random = new Random(options.seed ?? 1);
    const now = options.now ?? (() => performance.now());
    const began = now();
    const timeLimit = options.timeLimitMs ?? (options.maxIterations === undefined ? 1000 : Infinity);
    const maxIterations = options.maxIterations ?? Infinity;

    let current = this.construct(random);
    let best = this.snapshot(current);
    options.onImprove?.(best, now() - began);

    const scale = this.meanNeighbourTravel();
    const t0 = START_TEMPERATURE * scale;
    const tf = END_TEMPERATURE * scale;

    let iteration = 0;
    for (; iteration < maxIterations; iteration++) {
      const elapsed = now() - began;
      if (elapsed >= timeLimit || options.shouldStop?.()) break;
      const progress = Number.isFinite(timeLimit) ? elapsed / timeLimit : iteration / maxIterations;
      const temperature = t0 * Math.pow(tf / t0, progress);

      const candidate = this.clone(current);
      this.ruin(candidate, random);
      this.recreate(candidate, random);

      const threshold = current.cost - temperature * Math.log(random.next());
      if (
        candidate.unassigned.length < current.unassigned.length ||
        (candidate.unassigned.length === current.unassigned.length && candidate.cost < threshold)
      ) {
        current = candidate;
        if (
          current.unassigned.length < best.unassigned.length ||
          (current.unassigned.length === best.unassigned.length && current.cost < best.distance - 1e-9)
        ) {
          best = this.snapshot(current);
          options.onImprove?.(best, now() - began);
        }
      }
    }
    this.iterations = iteration;
    return best;
  }

  private meanNeighbourTravel(): number {
    let sum = 0;
    let count = 0;
    const k = Math.min(10, this.n - 2);
    for (let c = 1; c < this.n; c++) {
      const list = this.neighbours[c] as Int32Array;
      for (let i = 1; i <= k; i++) {
        sum += this.travel[c * this.n + (list[i] ?? c)] ?? 0;
        count++;
      }
    }
    return count > 0 && sum > 0 ? sum / count : 1;
  }

  private snapshot(state: State): VrptwSolution {
    return {
      routes: state.routes.filter((r) => r.jobs > 0).map((r) => r.nodes.slice(1, -1)),
      unassigned: [...state.unassigned],
      distance: state.cost,
    };
  }

  private clone(state: State): State {
    return { routes: state.routes.slice(), unassigned: [...state.unassigned], cost: state.cost, owned: new Set() };
  }

  /** The route at index r, copied first if the state shares it with another plan. */
  private own(state: State, r: number): Route {
    const route = state.routes[r] as Route;
    if (state.owned.has(route)) return route;
    const copy = new Route(route.nodes.slice());
    copy.start = route.start;
    copy.latest = route.latest;
    copy.load = route.load;
    copy.cost = route.cost;
    state.routes[r] = copy;
    state.owned.add(copy);
    return copy;
  }

  /** Greedy insertion of every job into an empty plan. */
  private construct(random: Random): State {
    const state: State = {
      routes: [],
      unassigned: Array.from({ length: this.n - 1 }, (_, i) => i + 1),
      cost: 0,
      owned: new Set(),
    };
    this.recreate(state, random, 0);
    return state;
  }

  /** Recomputes a route's schedule, load and cost after its node list changed. */
  private update(route: Route): void {
    const { ready, due, service, demand } = this.problem;
    const n = this.n;
    const nodes = route.nodes;
    const length = nodes.length;
    const start = new Array<number>(length);
    const latest = new Array<number>(length);
    let load = 0;
    let cost = 0;
    let previous = nodes[0] as number;
    let time = ready[previous] as number;
    start[0] = time;
    for (let i = 1; i < length; i++) {
      const node = nodes[i] as number;
      const leg = this.travel[previous * n + node] as number;
      cost += leg;
      const arrival = time + (service[previous] as number) + leg;
      time = arrival > (ready[node] as number) ? arrival : (ready[node] as number);
      start[i] = time;
      load += demand[node] as number;
      previous = node;
    }
    let next = nodes[length - 1] as number;
    let late = due[next] as number;
    latest[length - 1] = late;
    for (let i = length - 2; i >= 0; i--) {
      const node = nodes[i] as number;
      const bound = late - (this.travel[node * n + next] as number) - (service[node] as number);
      late = bound < (due[node] as number) ? bound : (due[node] as number);
      latest[i] = late;
      next = node;
    }
    route.start = start;
    route.latest = latest;
    route.load = load;
    route.cost = cost;
  }

  private ruin(state: State, random: Random): void {
    const routes = state.routes;
    const routeOf = new Int32Array(this.n).fill(-1);
    let jobs = 0;
    let used = 0;
    routes.forEach((route, r) => {
      for (let i = 1; i < route.nodes.length - 1; i++) routeOf[route.nodes[i] as number] = r;
      jobs += route.jobs;
      if (route.jobs > 0) used++;
    });
    if (jobs === 0) return;
    const stringMax = Math.min(MAX_STRING, jobs / used);
    const stringsMax = (4 * AVERAGE_REMOVED) / (1 + stringMax) - 1;
    const strings = Math.floor(random.next() * stringsMax) + 1;

    let seed = 0;
    while (routeOf[seed] === undefined || routeOf[seed] === -1) seed = 1 + random.int(this.n - 1);
    const ruined = new Set<number>();
    for (const c of this.neighbours[seed] as Int32Array) {
      if (ruined.size >= strings) break;
      const r = routeOf[c] as number;
      if (r === -1 || ruined.has(r)) continue;
      const route = this.own(state, r);
      const size = route.jobs;
      const lengthMax = Math.min(size, stringMax);
      const length = Math.floor(random.next() * lengthMax) + 1;
      const position = route.nodes.indexOf(c) - 1; // among jobs
      let removed: number[];
      if (length < size && random.next() < SPLIT_RATE) {
        let keep = 1;
        while (length + keep < size && random.next() < SPLIT_CONTINUE) keep++;
        const span = length + keep;
        const first = this.windowStart(position, span, size, random);
        // The kept block starts after the window's first job, so the string always begins with a removal.
        const keepAt = first + 1 + random.int(span - keep);
        removed = [];
        const kept: number[] = [];
        for (let i = first; i < first + span; i++) {
          const job = route.nodes[i + 1] as number;
          if (i >= keepAt && i < keepAt + keep) kept.push(job);
          else removed.push(job);
        }
        route.nodes.splice(first + 1, span, ...kept);
      } else {
        const first = this.windowStart(position, length, size, random);
        removed = route.nodes.splice(first + 1, length);
      }
      for (const job of removed) {
        routeOf[job] = -1;
        state.unassigned.push(job);
      }
      this.update(route);
      ruined.add(r);
    }
    state.routes = routes.filter((route) => route.jobs > 0);
    state.cost = state.routes.reduce((sum, route) => sum + route.cost, 0);
  }

  /** A random window of `span` jobs among `size` that contains `position`. */
  private windowStart(position: number, span: number, size: number, random: Random): number {
    const low = Math.max(0, position - span + 1);
    const high = Math.min(position, size - span);
    return low + random.int(high - low + 1);
  }

  /** Puts every unassigned job back at its cheapest feasible position, in a random sort order. */
  private recreate(state: State, random: Random, blinkRate = BLINK_RATE): void {
    const { demand, ready, due, service, capacity, maxVehicles } = this.problem;
    const n = this.n;
    const travel = this.travel;
    const pending = state.unassigned;
    this.sortForInsertion(pending, random);
    const left: number[] = [];
    for (const c of pending) {
      const dc = demand[c] as number;
      const readyC = ready[c] as number;
      const dueC = due[c] as number;
      const serviceC = service[c] as number;
      let bestCost = Infinity;
      let bestRoute = -1;
      let bestPosition = -1;
      for (let r = 0; r < state.routes.length; r++) {
        const route = state.routes[r] as Route;
        if (route.load + dc > capacity) continue;
        const nodes = route.nodes;
        const start = route.start;
        const latest = route.latest;
        for (let i = 0; i < nodes.length - 1; i++) {
          const a = nodes[i] as number;
          const b = nodes[i + 1] as number;
          const delta = (travel[a * n + c] as number) + (travel[c * n + b] as number) - (travel[a * n + b] as number);
          if (delta >= bestCost) continue;
          const arrival = (start[i] as number) + (service[a] as number) + (travel[a * n + c] as number);
          if (arrival > dueC) continue;
          const begin = arrival > readyC ? arrival : readyC;
          if (begin + serviceC + (travel[c * n + b] as number) > (latest[i + 1] as number)) continue;
          if (blinkRate > 0 && random.next() < blinkRate) continue;
          bestCost = delta;
          bestRoute = r;
          bestPosition = i + 1;
        }
      }
      if (state.routes.length < maxVehicles) {
        const alone = (travel[c] as number) + (travel[c * n] as number);
        if (alone < bestCost && this.feasibleAlone(c)) {
          bestCost = alone;
          bestRoute = state.routes.length;
          bestPosition = 1;
          const fresh = new Route([0, 0]);
          state.routes.push(fresh);
          state.owned.add(fresh);
        }
      }
      if (bestRoute === -1) {
        left.push(c);
        continue;
      }
      const route = this.own(state, bestRoute);
      route.nodes.splice(bestPosition, 0, c);
      this.update(route);
      state.cost += bestCost;
    }
    state.unassigned = left;
    // Recompute the total from the routes so rounding drift cannot accumulate over iterations.
    state.cost = state.routes.reduce((sum, route) => sum + route.cost, 0);
  }

  private feasibleAlone(c: number): boolean {
    const { ready, due, service, demand, capacity } = this.problem;
    const out = (ready[0] as number) + (this.travel[c] as number);
    if (out > (due[c] as number) || (demand[c] as number) > capacity) return false;
    const begin = Math.max(out, ready[c] as number);
    return begin + (service[c] as number) + (this.travel[c * this.n] as number) <= (due[0] as number);
  }

  /** SISR's insertion orders: random 4, demand descending 4, far from depot 2, close to depot 1. */
  private sortForInsertion(jobs: number[], random: Random): void {
    random.shuffle(jobs);
    const pick = random.int(11);
    const depotTravel = (c: number) => this.travel[c] as number;
    if (pick < 4) return;
    if (pick < 8) jobs.sort((a, b) => (this.problem.demand[b] as number) - (this.problem.demand[a] as number));
    else if (pick < 10) jobs.sort((a, b) => depotTravel(b) - depotTravel(a));
    else jobs.sort((a, b) => depotTravel(a) - depotTravel(b));
  }
}

/** Solves a VRPTW within the options' budget; see {@link VrptwSolver}. */
export function solveVrptw(problem: VrptwProblem, options: VrptwOptions = {}): VrptwSolution {
  return new VrptwSolver(problem).solve(options);
}
