// The independent judge of a VRPTW plan. It shares no code with the optimizer on purpose: it walks
// each route from scratch, so a bug in the optimizer's incremental bookkeeping cannot hide here.
import type { SolomonInstance } from './solomon-parser';

/** What the checker needs to know; node 0 is the depot. */
export interface CheckSpec {
  size: number;
  demand: ArrayLike<number>;
  ready: ArrayLike<number>;
  due: ArrayLike<number>;
  service: ArrayLike<number>;
  capacity: number;
  maxVehicles: number;
  travel: (from: number, to: number) => number;
}

export type ViolationKind =
  | 'unknown_customer'
  | 'duplicate_customer'
  | 'missing_customer'
  | 'capacity'
  | 'time_window'
  | 'depot_due'
  | 'vehicle_count'
  | 'distance_mismatch';

export interface Violation {
  kind: ViolationKind;
  /** Index of the route concerned, when there is one. */
  route?: number;
  customer?: number;
  message: string;
}

export interface CheckReport {
  feasible: boolean;
  /** Total travel recomputed here, route by route. */
  distance: number;
  /** Routes that visit at least one customer. */
  vehicles: number;
  violations: Violation[];
}

/**
 * Floating-point slack for time comparisons: times are sums of a few hundred doubles, so two
 * correct evaluations can differ in the last bits; anything beyond this is a real violation.
 */
export const TIME_EPSILON = 1e-9;

/**
 * Recomputes capacity, time windows (service starts by the due date, waiting allowed), the return
 * by the depot's due date, the vehicle count, each customer exactly once, and the total distance.
 * With `claimedDistance`, also reports a distance that does not match the recomputed one.
 */
export function checkVrptwSolution(spec: CheckSpec, routes: number[][], claimedDistance?: number): CheckReport {
  const violations: Violation[] = [];
  const seen = new Uint8Array(spec.size);
  let distance = 0;
  let vehicles = 0;

  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let previous = 0;
    let time = spec.ready[0] ?? 0;
    for (const customer of route) {
      if (!Number.isInteger(customer) || customer < 1 || customer >= spec.size) {
        violations.push({
          kind: 'unknown_customer',
          route: r,
          message: `route ${r} visits unknown customer ${customer}`,
        });
        return;
      }
      if (seen[customer]) {
        violations.push({
          kind: 'duplicate_customer',
          route: r,
          customer,
          message: `customer ${customer} is visited more than once`,
        });
      }
      seen[customer] = 1;
      load += spec.demand[customer] ?? 0;
      const leg = spec.travel(previous, customer);
      distance += leg;
      const arrival = time + (spec.service[previous] ?? 0) + leg;
      const due = spec.due[customer] ?? 0;
      if (arrival > due + TIME_EPSILON) {
        violations.push({
          kind: 'time_window',
          route: r,
          customer,
          message: `route ${r} reaches customer ${customer} at ${arrival}, after its due date ${due}`,
        });
      }
      time = Math.max(arrival, spec.ready[customer] ?? 0);
      previous = customer;
    }
    const back = spec.travel(previous, 0);
    distance += back;
    const returnTime = time + (spec.service[previous] ?? 0) + back;
    if (returnTime > (spec.due[0] ?? 0) + TIME_EPSILON) {
      violations.push({
        kind: 'depot_due',
        route: r,
        message: `route ${r} returns to the depot at ${returnTime}, after its due date ${spec.due[0] ?? 0}`,
      });
    }
    if (load > spec.capacity) {
      violations.push({
        kind: 'capacity',
        route: r,
        message: `route ${r} carries ${load}, over capacity ${spec.capacity}`,
      });
    }
  });

  for (let customer = 1; customer < spec.size; customer++) {
    if (!seen[customer]) {
      violations.push({ kind: 'missing_customer', customer, message: `customer ${customer} is not visited` });
    }
  }
  if (vehicles > spec.maxVehicles) {
    violations.push({
      kind: 'vehicle_count',
      message: `${vehicles} vehicles used, at most ${spec.maxVehicles} allowed`,
    });
  }
  if (claimedDistance !== undefined && !(Math.abs(claimedDistance - distance) <= 1e-6 * Math.max(1, distance))) {
    violations.push({
      kind: 'distance_mismatch',
      message: `claimed distance ${claimedDistance} but the routes measure ${distance}`,
    });
  }
  return { feasible: violations.length === 0, distance, vehicles, violations };
}

/** The checker's own reading of a Solomon instance (Euclidean travel from the raw coordinates). */
export function solomonCheckSpec(instance: SolomonInstance): CheckSpec {
  const c = instance.customers;
  return {
    size: c.length,
    demand: c.map((x) => x.demand),
    ready: c.map((x) => x.ready),
    due: c.map((x) => x.due),
    service: c.map((x) => x.service),
    capacity: instance.capacity,
    maxVehicles: instance.vehicles,
    travel: (from, to) => {
      const a = c[from];
      const b = c[to];
      if (!a || !b) return Number.NaN;
      return Math.hypot(a.x - b.x, a.y - b.y);
    },
  };
}
