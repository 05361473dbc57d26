import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicTask } from '../../electron/core/services/periodic-task';

/** Lets queued promise callbacks run (a pass starts a few callbacks after it is asked for). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pass that finishes only when the test says so, and a record of when passes start. */
function controlledPasses() {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  const pass = () => {
    started.push(started.length + 1);
    const n = started.length;
    return new Promise<number>((resolve) => finishers.push(() => resolve(n)));
  };
  const finish = async (index: number) => {
    // Let the chained pass start before it is finished.
    await vi.waitFor(() => expect(finishers[index]).toBeDefined());
    finishers[index]?.();
  };
  return { started, pass, finish };
}

describe('a periodic task', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one pass at a time: a caller during a pass gets a pass of its own that starts after it', async () => {
    const { started, pass, finish } = controlledPasses();
    const task = startPeriodicTask('Test', pass, { intervalMs: 1000, autoStart: false });
    const first = task.runNow();
    const second = task.runNow();
    await settled();
    expect(started).toEqual([1]);
    await finish(0);
    expect(await first).toBe(1);
    await finish(1);
    expect(await second).toBe(2);
    expect(started).toEqual([1, 2]);
    await task.stop();
  });

  it('goes on after a pass that failed', async () => {
    let calls = 0;
    const task = startPeriodicTask(
      'Test',
      () => (++calls === 1 ? Promise.reject(new Error('SMTP down')) : Promise.resolve(calls)),
      { intervalMs: 1000, autoStart: false },
    );
    await expect(task.runNow()).rejects.toThrow('SMTP down');
    expect(await task.runNow()).toBe(2);
    await task.stop();
  });

  it('skips a timer beat while a pass still runs, unless told to queue', async () => {
    vi.useFakeTimers();
    for (const [whileRunning, expected] of [
      ['skip', [1]],
      ['queue', [1, 2]],
    ] as const) {
      const { started, pass, finish } = controlledPasses();
      const task = startPeriodicTask('Test', pass, { intervalMs: 1000, whileRunning });
      await vi.advanceTimersByTimeAsync(1000);
      expect(started).toEqual([1]);
      await vi.advanceTimersByTimeAsync(1000);
      await finish(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(expected);
      if (whileRunning === 'queue') await finish(1);
      await task.stop();
    }
  });

  it('stops its timer and waits for the pass under way', async () => {
    vi.useFakeTimers();
    const { started, pass, finish } = controlledPasses();
    const task = startPeriodicTask('Test', pass, { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    await finish(0);
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual([1]);
  });
});
