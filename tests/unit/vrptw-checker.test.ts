import { describe, expect, it } from 'vitest';
import { checkVrptwSolution, type CheckSpec } from '../../electron/core/services/optimizer/vrptw-checker';

// Depot 0 at (0,0); customers on the y axis: 1 at (0,10), 2 at (0,20), 3 at (0,-10). Service 1 each.
const ys = [0, 10, 20, -10];
const spec: CheckSpec = {
  size: 4,
  demand: [0, 4, 4, 4],
  ready: [0, 0, 25, 0],
  due: [100, 100, 30, 100],
  service: [0, 1, 1, 1],
  capacity: 8,
  maxVehicles: 2,
  travel: (a, b) => Math.abs((ys[a] ?? 0) - (ys[b] ?? 0)),
};

const kinds = (routes: number[][], claimed?: number, over: Partial<CheckSpec> = {}) =>
  checkVrptwSolution({ ...spec, ...over }, routes, claimed).violations.map((v) => v.kind);

describe('VRPTW checker', () => {
  it('accepts a feasible plan and recomputes its distance and vehicles', () => {
    // 0→1 (arrive 10, leave 11) →2 (arrive 21, wait to 25, leave 26) →0 (arrive 46); 0→3→0 = 20.
    expect(checkVrptwSolution(spec, [[1, 2], [3]], 60)).toEqual({
      feasible: true,
      distance: 60,
      vehicles: 2,
      violations: [],
    });
  });

  it('counts the wait for the ready time when timing the rest of the route', () => {
    // Back at the depot at exactly 46 (after waiting at 2): on time at due 46, late at due 45.9.
    expect(kinds([[1, 2], [3]], undefined, { due: [46, 100, 30, 100] })).toEqual([]);
    expect(kinds([[1, 2], [3]], undefined, { due: [45.9, 100, 30, 100] })).toEqual(['depot_due']);
  });

  it('catches a load over capacity', () => {
    expect(kinds([[1, 2, 3]])).toContain('capacity');
  });

  it('catches service that would start after the due date', () => {
    // 0→3 (arrive 10) →1 (arrive 31) →2 (arrive 42 > due 30).
    expect(kinds([[3, 1, 2]], undefined, { capacity: 100 })).toEqual(['time_window']);
  });

  it('accepts service that starts exactly at the due date', () => {
    // 0→2 arrives at 20, waits to 25: due 25 is met; due 19 is missed on arrival.
    expect(kinds([[2], [1, 3]], undefined, { due: [100, 100, 25, 100] })).toEqual([]);
    expect(kinds([[2], [1, 3]], undefined, { due: [100, 100, 19, 100], ready: [0, 0, 0, 0] })).toEqual(['time_window']);
  });

  it('catches more vehicles than the fleet has', () => {
    expect(kinds([[1], [2], [3]])).toEqual(['vehicle_count']);
  });

  it('catches a customer visited twice', () => {
    expect(
      kinds([
        [1, 2],
        [3, 1],
      ]),
    ).toEqual(['duplicate_customer']);
  });

  it('catches a customer never visited', () => {
    expect(kinds([[1, 2]])).toEqual(['missing_customer']);
  });

  it('catches a customer that does not exist, and the depot inside a route', () => {
    expect(
      kinds([
        [1, 2],
        [3, 7],
      ]),
    ).toContain('unknown_customer');
    expect(kinds([[1, 0, 2], [3]])).toContain('unknown_customer');
  });

  it('catches a claimed distance that the routes do not measure', () => {
    expect(kinds([[1, 2], [3]], 59)).toEqual(['distance_mismatch']);
  });

  it('ignores empty routes: they use no vehicle', () => {
    expect(checkVrptwSolution(spec, [[], [1, 2], [], [3]])).toMatchObject({ feasible: true, vehicles: 2 });
  });
});
