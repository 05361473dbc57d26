/**
 * The problem the optimizer core solves: vehicles (a technician's working day, or a truck of a
 * Solomon instance) leave their start, serve jobs within time windows and capacity, and end at
 * their end place. Solomon's VRPTW is the special case of identical vehicles at one depot with one
 * window per job and no deadlines; a dispatch day adds per-vehicle windows (shifts with breaks ×
 * site access hours), skills (a job without windows on a vehicle cannot go there), pinned visits,
 * priorities and soft SLA deadlines.
 *
 * The objective is lexicographic: first the summed weight of unplanned jobs, then
 * travel + lateCost × Σ weight of jobs that start after their soft deadline. Times are in any unit
 * (the product uses minutes since the start of the planning period); travel time is the cost.
 */
export interface RoutingProblem {
  /** Number of distinct places. */
  readonly locations: number;
  /** Row-major locations × locations travel time (= cost). */
  readonly travel: Float64Array;

  readonly jobs: number;
  readonly jobLocation: Int32Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  /** What leaving a job unplanned costs, relative to other jobs. */
  readonly weight: Float64Array;
  /** What starting a job after its soft deadline costs, relative to other jobs (× lateCost). */
  readonly lateWeight: Float64Array;
  /** Latest start that meets the job's deadline; +Infinity when it has none. Soft: later is allowed but costs. */
  readonly softDue: Float64Array;
  /** Cost of starting a job late, per unit of its weight (dwarfs any travel difference in the product). */
  readonly lateCost: number;

  readonly vehicles: readonly RoutingVehicle[];
  /** Where each job may start, per window set; every vehicle names the set that applies to it. */
  readonly windowSets: readonly JobWindows[];
}

export interface RoutingVehicle {
  /** Place it leaves from and returns to. */
  readonly start: number;
  readonly end: number;
  /** Earliest departure from the start. */
  readonly open: number;
  /** Latest arrival at the end (+Infinity when the day may end anywhere after its last job). */
  readonly close: number;
  readonly capacity: number;
  /** Index into RoutingProblem.windowSets. */
  readonly windowSet: number;
  /**
   * Vehicles of the same kind are interchangeable (identical Solomon trucks), so an empty one of a
   * kind stands for all; give every vehicle its own kind when they differ.
   */
  readonly kind: number;
  /** Jobs fixed on this vehicle in this order (pinned visits); their windows pin their times. */
  readonly fixed: readonly number[];
}

/**
 * Start windows of every job, in CSR form: job j's windows are indices offsets[j] .. offsets[j+1]-1
 * of open/close, sorted and disjoint. A window [open, close] bounds the START of service; a job
 * with no windows cannot be served by the vehicles using this set.
 */
export interface JobWindows {
  readonly offsets: Int32Array;
  readonly open: Float64Array;
  readonly close: Float64Array;
}

/** A plan: the jobs of each vehicle (index = vehicle) in order, with their start times. */
export interface RoutingSolution {
  routes: number[][];
  starts: number[][];
  unassigned: number[];
  /** Total travel time of all routes. */
  travel: number;
  /** Summed weight of jobs that start after their soft deadline. */
  lateWeight: number;
  /** Summed weight of unplanned jobs. */
  unassignedWeight: number;
}

/** Builds job windows from one list of [open, close] pairs per job. */
export function jobWindows(perJob: readonly (readonly (readonly [number, number])[])[]): JobWindows {
  const offsets = new Int32Array(perJob.length + 1);
  const open: number[] = [];
  const close: number[] = [];
  perJob.forEach((windows, j) => {
    for (const [a, b] of windows) {
      if (b < a) continue;
      open.push(a);
      close.push(b);
    }
    offsets[j + 1] = open.length;
  });
  return { offsets, open: Float64Array.from(open), close: Float64Array.from(close) };
}
