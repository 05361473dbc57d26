// Ruin-and-recreate search: SISR (Christiaens & Vanden Berghe 2020, "Slack Induction by String
// Removals"): remove a few strings of jobs near a random seed job, put them back with a greedy
// cheapest insertion that skips positions at random ("blinks"), and accept the result under
// simulated annealing. Insertion feasibility is O(windows) per position thanks to each route's
// earliest start times (forward) and latest start times (backward). One code path serves Solomon
// benchmarks and dispatch days (see routing-problem.ts).
import { Random } from './random';
import type { RoutingProblem, RoutingSolution, RoutingVehicle } from './routing-problem';

export interface RoutingOptions {
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
  onImprove?: (best: RoutingSolution, elapsedMs: number) => void;
  /** Polled between iterations; returning true stops the search with the best plan so far. */
  shouldStop?: () => boolean;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** SISR parameters, the same for every instance (no per-instance tuning). */
const AVERAGE_REMOVED = 10; // c̄
const MAX_STRING = 10; // L^max
const SPLIT_RATE = 0.5; // α: share of ruins that use the split-string variant
const SPLIT_CONTINUE = 0.5; // chance of preserving one more job in a split string
const BLINK_RATE = 0.01;
/**
 * Start and end temperatures, as multiples of the mean travel from a job to its 10 nearest jobs.
 * On Solomon instances that unit is about 9.5, which gives the paper's 100 → 1.
 */
const START_TEMPERATURE = 10;
const END_TEMPERATURE = 0.1;
/** Weights closer than this are equal (sums of small integers in practice). */
const WEIGHT_EPSILON = 1e-9;

class Route {
  /** Vehicle start, jobs in order, vehicle end (start and end as pseudo-nodes). */
  nodes: number[];
  /** Earliest start of service at each position. */
  start: number[] = [];
  /** Latest start of service at each position that keeps the rest of the route feasible. */
  latest: number[] = [];
  load = 0;
  travel = 0;
  /** Summed weight of this route's late jobs. */
  late = 0;

  constructor(
    readonly vehicle: number,
    nodes: number[],
  ) {
    this.nodes = nodes;
  }

  get jobs(): number {
    return this.nodes.length - 2;
  }
}

interface State {
  /** One route per vehicle, empty ones included, indexed like problem.vehicles. */
  routes: Route[];
  unassigned: number[];
  unassignedWeight: number;
  /** travel + lateCost × late weight of all routes. */
  cost: number;
  /**
   * Routes this state may change in place. A candidate starts by sharing every route with the
   * current plan and copies one only before changing it, so a rejected move costs no restore.
   */
  owned: Set<Route>;
}

export class RoutingSolver {
  private readonly jobs: number;
  private readonly locations: number;
  private readonly travel: Float64Array;
  /** Location of every node: jobs 0..jobs-1, then each vehicle's start and end. */
  private readonly location: Int32Array;
  /** Service time of every node (zero for start and end). */
  private readonly service: Float64Array;
  private readonly fixed: Uint8Array;
  private readonly hasDeadlines: boolean;
  /** For each job, the movable jobs ordered by travel from it (itself first). */
  private readonly neighbours: Int32Array[];
  /** Travel from the first vehicle's start, for the insertion orders that sort by distance. */
  private readonly fromDepot: Float64Array;
  /** Per-kind stamps so an insertion tries one empty vehicle of each kind. */
  private readonly kindStamp: Int32Array;
  private stamp = 0;
  /** Ruin-and-recreate iterations completed by the last solve (for benchmarks). */
  iterations = 0;

  constructor(private readonly problem: RoutingProblem) {
    const { jobs, vehicles } = problem;
    this.jobs = jobs;
    this.locations = problem.locations;
    this.travel = problem.travel;
    this.location = new Int32Array(jobs + 2 * vehicles.length);
    this.service = new Float64Array(jobs + 2 * vehicles.length);
    this.location.set(problem.jobLocation);
    this.service.set(problem.service);
    vehicles.forEach((v, i) => {
      this.location[jobs + 2 * i] = v.start;
      this.location[jobs + 2 * i + 1] = v.end;
    });
    this.fixed = new Uint8Array(jobs);
    for (const v of vehicles) for (const j of v.fixed) this.fixed[j] = 1;
    this.hasDeadlines = problem.lateCost > 0 && problem.softDue.some((d) => Number.isFinite(d));
    const depot = vehicles[0]?.start ?? 0;
    this.fromDepot = Float64Array.from({ length: jobs }, (_, j) => this.leg(depot, this.location[j] as number));
    const movable = Array.from({ length: jobs }, (_, j) => j).filter((j) => !this.fixed[j]);
    this.neighbours = [];
    for (let c = 0; c < jobs; c++) {
      const from = this.location[c] as number;
      const distance = (j: number) => this.leg(from, this.location[j] as number);
      this.neighbours.push(Int32Array.from([...movable].sort((a, b) => distance(a) - distance(b) || a - b)));
    }
    this.kindStamp = new Int32Array(Math.max(0, ...vehicles.map((v) => v.kind)) + 1).fill(-1);
  }

  private leg(from: number, to: number): number {
    return this.travel[from * this.locations + to] as number;
  }

  /** Solves the problem within the budget and returns the best plan found. */
  solve(options: RoutingOptions = {}): RoutingSolution {
    const random = new Random(options.seed ?? 1);
    const now = options.now ?? (() => performance.now());
    const began = now();
    const timeLimit = options.timeLimitMs ?? (options.maxIterations === undefined ? 1000 : Infinity);
    const maxIterations = options.maxIterations ?? Infinity;

    let current = this.construct(random);
    let best = current;
    let bestSnapshot = this.snapshot(current);
    options.onImprove?.(bestSnapshot, now() - began);

    const scale = this.meanNeighbourTravel();
    const t0 = START_TEMPERATURE * scale;
    const tf = END_TEMPERATURE * scale;
    const canMove = this.neighbours.some((list) => list.length > 0);

    let iteration = 0;
    for (; canMove && iteration < maxIterations; iteration++) {
      const elapsed = now() - began;
      if (elapsed >= timeLimit || options.shouldStop?.()) break;
      const progress = Number.isFinite(timeLimit) ? elapsed / timeLimit : iteration / maxIterations;
      const temperature = t0 * Math.pow(tf / t0, progress);

      const candidate = this.clone(current);
      this.ruin(candidate, random);
      this.recreate(candidate, random);

      const threshold = current.cost - temperature * Math.log(random.next());
      const fewerLeft = candidate.unassignedWeight < current.unassignedWeight - WEIGHT_EPSILON;
      const sameLeft = Math.abs(candidate.unassignedWeight - current.unassignedWeight) <= WEIGHT_EPSILON;
      if (fewerLeft || (sameLeft && candidate.cost < threshold)) {
        current = candidate;
        if (
          current.unassignedWeight < best.unassignedWeight - WEIGHT_EPSILON ||
          (Math.abs(current.unassignedWeight - best.unassignedWeight) <= WEIGHT_EPSILON &&
            current.cost < best.cost - 1e-9)
        ) {
          best = current;
          bestSnapshot = this.snapshot(current);
          options.onImprove?.(bestSnapshot, now() - began);
        }
      }
    }
    this.iterations = iteration;
    return bestSnapshot;
  }

  private meanNeighbourTravel(): number {
    let sum = 0;
    let count = 0;
    for (let c = 0; c < this.jobs; c++) {
      const list = this.neighbours[c] as Int32Array;
      const from = this.location[c] as number;
      const k = Math.min(10, list.length - 1);
      for (let i = 1; i <= k; i++) {
        sum += this.leg(from, this.location[list[i] as number] as number);
        count++;
      }
    }
    return count > 0 && sum > 0 ? sum / count : 1;
  }

  private snapshot(state: State): RoutingSolution {
    let travel = 0;
    let lateWeight = 0;
    for (const route of state.routes) {
      travel += route.travel;
      lateWeight += route.late;
    }
    return {
      routes: state.routes.map((r) => r.nodes.slice(1, -1)),
      starts: state.routes.map((r) => r.start.slice(1, -1)),
      unassigned: [...state.unassigned],
      travel,
      lateWeight,
      unassignedWeight: state.unassignedWeight,
    };
  }

  private clone(state: State): State {
    return {
      routes: state.routes.slice(),
      unassigned: [...state.unassigned],
      unassignedWeight: state.unassignedWeight,
      cost: state.cost,
      owned: new Set(),
    };
  }

  /** The route at index r, copied first if the state shares it with another plan. */
  private own(state: State, r: number): Route {
    const route = state.routes[r] as Route;
    if (state.owned.has(route)) return route;
    const copy = new Route(route.vehicle, route.nodes.slice());
    copy.start = route.start;
    copy.latest = route.latest;
    copy.load = route.load;
    copy.travel = route.travel;
    copy.late = route.late;
    state.routes[r] = copy;
    state.owned.add(copy);
    return copy;
  }

  /** Fixed jobs on their vehicles, then greedy insertion of every other job. */
  private construct(random: Random): State {
    const state: State = {
      routes: [],
      unassigned: [],
      unassignedWeight: 0,
      cost: 0,
      owned: new Set(),
    };
    this.problem.vehicles.forEach((vehicle, v) => {
      const route = new Route(v, [this.jobs + 2 * v, ...vehicle.fixed, this.jobs + 2 * v + 1]);
      this.update(route);
      state.routes.push(route);
      state.owned.add(route);
    });
    for (let j = 0; j < this.jobs; j++) if (!this.fixed[j]) state.unassigned.push(j);
    this.recreate(state, random, 0);
    return state;
  }

  /** Earliest start of a node reached at `arrival` on a vehicle; +Infinity when no window is left. */
  private begin(node: number, vehicle: RoutingVehicle, arrival: number): number {
    if (node >= this.jobs)
      return node % 2 === this.jobs % 2 ? vehicle.open : arrival <= vehicle.close ? arrival : Infinity;
    const windows = this.problem.windowSets[vehicle.windowSet];
    if (!windows) return Infinity;
    const first = windows.offsets[node] as number;
    for (let k = first, end = windows.offsets[node + 1] as number; k < end; k++) {
      if (arrival <= (windows.close[k] as number)) {
        const open = windows.open[k] as number;
        return arrival > open ? arrival : open;
      }
    }
    // A pinned visit stays at its time even when travel to it does not fit (a dispatcher overrode
    // that); nothing can then be inserted before it, because its latest start is already passed.
    return this.fixed[node] ? (windows.open[first] ?? Infinity) : Infinity;
  }

  /** Recomputes a route's schedule, load, travel and lateness after its node list changed. */
  private update(route: Route): void {
    // The hottest function after the insertion loop: window lookups are inlined for jobs (the
    // start and end pseudo-nodes sit only at the two ends).
    const { demand, softDue, lateWeight } = this.problem;
    const vehicle = this.problem.vehicles[route.vehicle] as RoutingVehicle;
    const windows = this.problem.windowSets[vehicle.windowSet];
    const offsets = windows?.offsets;
    const opens = windows?.open;
    const closes = windows?.close;
    const travel = this.travel;
    const L = this.locations;
    const location = this.location;
    const service = this.service;
    const nodes = route.nodes;
    const length = nodes.length;
    const last = length - 1;
    const start = new Array<number>(length);
    const latest = new Array<number>(length);
    let load = 0;
    let cost = 0;
    let late = 0;
    let previous = nodes[0] as number;
    let time = vehicle.open;
    start[0] = time;
    for (let i = 1; i < last; i++) {
      const node = nodes[i] as number;
      const leg = travel[(location[previous] as number) * L + (location[node] as number)] as number;
      cost += leg;
      const arrival = time + (service[previous] as number) + leg;
      time = Infinity;
      if (offsets && opens && closes) {
        for (let k = offsets[node] as number, end = offsets[node + 1] as number; k < end; k++) {
          if (arrival <= (closes[k] as number)) {
            const open = opens[k] as number;
            time = arrival > open ? arrival : open;
            break;
          }
        }
      }
      if (time === Infinity) time = this.begin(node, vehicle, arrival);
      start[i] = time;
      load += demand[node] as number;
      if (time > (softDue[node] as number)) late += lateWeight[node] as number;
      previous = node;
    }
    const end = nodes[last] as number;
    const home = travel[(location[previous] as number) * L + (location[end] as number)] as number;
    cost += home;
    start[last] = time + (service[previous] as number) + home;
    let next = end;
    let bound = vehicle.close;
    latest[last] = bound;
    for (let i = last - 1; i >= 1; i--) {
      const node = nodes[i] as number;
      const leg = travel[(location[node] as number) * L + (location[next] as number)] as number;
      const limit = bound - leg - (service[node] as number);
      bound = -Infinity;
      if (offsets && opens && closes) {
        for (let k = (offsets[node + 1] as number) - 1, first = offsets[node] as number; k >= first; k--) {
          if ((opens[k] as number) <= limit) {
            const close = closes[k] as number;
            bound = limit < close ? limit : close;
            break;
          }
        }
      }
      latest[i] = bound;
      next = node;
    }
    latest[0] = bound;
    route.start = start;
    route.latest = latest;
    route.load = load;
    route.travel = cost;
    route.late = late;
  }

  private routeCost(route: Route): number {
    return route.travel + this.problem.lateCost * route.late;
  }

  private ruin(state: State, random: Random): void {
    const routes = state.routes;
    const routeOf = new Int32Array(this.jobs).fill(-1);
    let jobs = 0;
    let used = 0;
    routes.forEach((route, r) => {
      for (let i = 1; i < route.nodes.length - 1; i++) routeOf[route.nodes[i] as number] = r;
      jobs += route.jobs;
      if (route.jobs > 0) used++;
    });
    const movable: number[] = [];
    for (let j = 0; j < this.jobs; j++) if (routeOf[j] !== -1 && !this.fixed[j]) movable.push(j);
    if (movable.length === 0) return;
    const stringMax = Math.min(MAX_STRING, jobs / used);
    const stringsMax = (4 * AVERAGE_REMOVED) / (1 + stringMax) - 1;
    const strings = Math.floor(random.next() * stringsMax) + 1;

    const seed = movable[random.int(movable.length)] as number;
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
      let first: number;
      let span: number;
      let keepAt = -1;
      let keep = 0;
      if (length < size && random.next() < SPLIT_RATE) {
        keep = 1;
        while (length + keep < size && random.next() < SPLIT_CONTINUE) keep++;
        span = length + keep;
        first = this.windowStart(position, span, size, random);
        // The kept block starts after the window's first job, so the string always begins with a removal.
        keepAt = first + 1 + random.int(span - keep);
      } else {
        span = length;
        first = this.windowStart(position, length, size, random);
      }
      const kept: number[] = [];
      for (let i = first; i < first + span; i++) {
        const job = route.nodes[i + 1] as number;
        if ((i >= keepAt && i < keepAt + keep) || this.fixed[job]) kept.push(job);
        else {
          routeOf[job] = -1;
          state.unassigned.push(job);
          state.unassignedWeight += this.problem.weight[job] as number;
        }
      }
      route.nodes.splice(first + 1, span, ...kept);
      this.update(route);
      ruined.add(r);
    }
    state.cost = this.totalCost(state);
  }

  private totalCost(state: State): number {
    let cost = 0;
    for (const route of state.routes) cost += this.routeCost(route);
    return cost;
  }

  /** A random window of `span` jobs among `size` that contains `position`. */
  private windowStart(position: number, span: number, size: number, random: Random): number {
    const low = Math.max(0, position - span + 1);
    const high = Math.min(position, size - span);
    return low + random.int(high - low + 1);
  }

  /**
   * Lateness weight added by inserting c after position i with service starting at `begin`: c's
   * own, plus jobs downstream pushed past their deadlines. Stops where the push dies out.
   */
  private lateAdded(route: Route, vehicle: RoutingVehicle, i: number, c: number, begin: number): number {
    const { softDue, lateWeight } = this.problem;
    let late = begin > (softDue[c] as number) ? (lateWeight[c] as number) : 0;
    const nodes = route.nodes;
    let time = begin + (this.service[c] as number);
    let previous = c;
    for (let j = i + 1; j < nodes.length - 1; j++) {
      const node = nodes[j] as number;
      const arrival = time + this.leg(this.location[previous] as number, this.location[node] as number);
      const before = route.start[j] as number;
      if (arrival <= before) break;
      const now = this.begin(node, vehicle, arrival);
      if (now <= before) break;
      const due = softDue[node] as number;
      if (now > due && before <= due) late += lateWeight[node] as number;
      time = now + (this.service[node] as number);
      previous = node;
    }
    return late;
  }

  /** Puts every unassigned job back at its cheapest feasible position, in a random sort order. */
  private recreate(state: State, random: Random, blinkRate = BLINK_RATE): void {
    const { demand, weight, windowSets, vehicles, lateCost } = this.problem;
    const L = this.locations;
    const travel = this.travel;
    const location = this.location;
    const service = this.service;
    const pending = state.unassigned;
    this.sortForInsertion(pending, random);
    const left: number[] = [];
    let leftWeight = 0;
    for (const c of pending) {
      const dc = demand[c] as number;
      const serviceC = service[c] as number;
      const lc = location[c] as number;
      let bestCost = Infinity;
      let bestRoute = -1;
      let bestPosition = -1;
      this.stamp++;
      for (let r = 0; r < state.routes.length; r++) {
        const route = state.routes[r] as Route;
        const vehicle = vehicles[route.vehicle] as RoutingVehicle;
        if (route.load + dc > vehicle.capacity) continue;
        const windows = windowSets[vehicle.windowSet];
        if (!windows) continue;
        const w0 = windows.offsets[c] as number;
        const w1 = windows.offsets[c + 1] as number;
        if (w0 === w1) continue;
        if (route.jobs === 0) {
          if (this.kindStamp[vehicle.kind] === this.stamp) continue;
          this.kindStamp[vehicle.kind] = this.stamp;
        }
        const nodes = route.nodes;
        const start = route.start;
        const latest = route.latest;
        for (let i = 0; i < nodes.length - 1; i++) {
          const a = nodes[i] as number;
          const b = nodes[i + 1] as number;
          const la = location[a] as number;
          const lb = location[b] as number;
          const toC = travel[la * L + lc] as number;
          const fromC = travel[lc * L + lb] as number;
          const delta = toC + fromC - (travel[la * L + lb] as number);
          if (delta >= bestCost) continue;
          const arrival = (start[i] as number) + (service[a] as number) + toC;
          let begin = Infinity;
          for (let k = w0; k < w1; k++) {
            if (arrival <= (windows.close[k] as number)) {
              const open = windows.open[k] as number;
              begin = arrival > open ? arrival : open;
              break;
            }
          }
          if (begin === Infinity) continue;
          if (begin + serviceC + fromC > (latest[i + 1] as number)) continue;
          let cost = delta;
          if (this.hasDeadlines) {
            cost += lateCost * this.lateAdded(route, vehicle, i, c, begin);
            if (cost >= bestCost) continue;
          }
          if (blinkRate > 0 && random.next() < blinkRate) continue;
          bestCost = cost;
          bestRoute = r;
          bestPosition = i + 1;
        }
      }
      if (bestRoute === -1) {
        left.push(c);
        leftWeight += weight[c] as number;
        continue;
      }
      const route = this.own(state, bestRoute);
      route.nodes.splice(bestPosition, 0, c);
      this.update(route);
    }
    state.unassigned = left;
    state.unassignedWeight = leftWeight;
    // Recompute the total from the routes so rounding drift cannot accumulate over iterations.
    state.cost = this.totalCost(state);
  }

  /**
   * SISR's insertion orders (random 4, demand descending 4, far from depot 2, close to depot 1),
   * then heavier jobs first: a Critical ticket gets the first pick of the day.
   */
  private sortForInsertion(jobs: number[], random: Random): void {
    random.shuffle(jobs);
    const pick = random.int(11);
    const { demand, weight } = this.problem;
    const depot = this.fromDepot;
    if (pick >= 4) {
      if (pick < 8) jobs.sort((a, b) => (demand[b] as number) - (demand[a] as number));
      else if (pick < 10) jobs.sort((a, b) => (depot[b] as number) - (depot[a] as number));
      else jobs.sort((a, b) => (depot[a] as number) - (depot[b] as number));
    }
    jobs.sort((a, b) => (weight[b] as number) - (weight[a] as number));
  }
}

/** Solves a routing problem within the options' budget; see {@link RoutingSolver}. */
export function solveRouting(problem: RoutingProblem, options: RoutingOptions = {}): RoutingSolution {
  return new RoutingSolver(problem).solve(options);
}
