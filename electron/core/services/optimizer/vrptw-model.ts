/**
 * The problem the optimizer core solves: vehicles that leave a depot, serve jobs within their time
 * windows and capacity, and come back before the depot closes. Locations are indices into a travel
 * matrix, so the same core serves Solomon benchmarks (Euclidean) and the product's day plans (road
 * or great-circle travel times).
 *
 * Node 0 is the depot; nodes 1..n-1 are jobs. Time and cost are both read from `travel`: the
 * objective is the total travel of all routes.
 */
export interface VrptwProblem {
  /** Number of nodes, depot included. */
  readonly size: number;
  /** Row-major size × size travel matrix (time = cost). */
  readonly travel: Float64Array;
  readonly demand: Float64Array;
  /** Earliest start of service; the depot's is the earliest departure. */
  readonly ready: Float64Array;
  /** Latest start of service; the depot's is the latest return. */
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly capacity: number;
  /** Upper bound on the number of routes. */
  readonly maxVehicles: number;
}

/** A plan: each route lists job nodes in visit order, the depot left implicit at both ends. */
export interface VrptwSolution {
  routes: number[][];
  /** Jobs the optimizer could not place (empty when the plan is complete). */
  unassigned: number[];
  /** Total travel as tracked by the optimizer (the checker recomputes it independently). */
  distance: number;
}

/** Builds the dense travel matrix from a pairwise travel function. */
export function buildTravelMatrix(size: number, travel: (from: number, to: number) => number): Float64Array {
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) matrix[i * size + j] = i === j ? 0 : travel(i, j);
  }
  return matrix;
}
