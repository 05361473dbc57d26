import { describe, expect, it } from 'vitest';
import type { OptimizeProgress } from '../../electron/core/services/dispatch/optimize-day';
import { runOptimizer } from '../../electron/core/services/dispatch/optimize-runner';
import { randomDispatchDay } from '../support/dispatch-instance';

describe('the optimizer in a worker thread', () => {
  it('reports progress and returns a checked plan within its time limit', async () => {
    const { input, travel } = randomDispatchDay(6, 30, 7);
    const progress: OptimizeProgress[] = [];
    const run = runOptimizer({ input, travel, timeLimitMs: 300, seed: 1 }, (p) => progress.push(p));
    const result = await run.result;
    expect(result.problems).toEqual([]);
    expect(result.cancelled).toBe(false);
    expect(result.elapsedMs).toBeLessThan(10_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.placed).toBe(result.visits.length);
    expect(result.visits.length + result.unplaced.length).toBe(30);
  });

  it('stops when cancelled and returns the best plan so far', async () => {
    const { input, travel } = randomDispatchDay(6, 30, 8);
    // Cancel on the first progress report: the search has started and would run for two minutes.
    const cancel: { now?: () => void } = {};
    const run = runOptimizer({ input, travel, timeLimitMs: 120_000, seed: 1 }, () => cancel.now?.());
    cancel.now = () => run.cancel();
    const result = await run.result;
    expect(result.cancelled).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.visits.length + result.unplaced.length).toBe(30);
  });
});
