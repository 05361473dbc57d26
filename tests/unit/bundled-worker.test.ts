import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOptimizer } from '../../electron/core/services/dispatch/optimize-runner';
import { randomDispatchDay } from '../support/dispatch-instance';

// The packaged app runs the optimizer from dist/electron/optimize-worker.cjs, built by esbuild, not
// from the TypeScript sources the other tests load through tsx: this builds it as `npm run
// build:electron` does and runs a plan through it.
describe('the bundled optimizer worker', () => {
  let outdir: string;

  beforeAll(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bundle-'));
    // @ts-expect-error: a plain .mjs build script without type declarations
    const { buildElectron } = (await import('../../scripts/build-electron.mjs')) as {
      buildElectron: (outdir: string) => Promise<void>;
    };
    await buildElectron(outdir);
  }, 60_000);

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('is built beside the main bundle', () => {
    expect(fs.existsSync(path.join(outdir, 'main.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'optimize-worker.cjs'))).toBe(true);
  });

  it('plans a day in a worker thread and reports progress', async () => {
    const { input, travel } = randomDispatchDay(5, 20, 3);
    const progress: number[] = [];
    const bundled = pathToFileURL(path.join(outdir, 'optimize-worker.cjs'));
    const run = runOptimizer({ input, travel, timeLimitMs: 200, seed: 1 }, (p) => progress.push(p.placed), bundled);
    const result = await run.result;
    expect(result.problems).toEqual([]);
    expect(result.visits.length + result.unplaced.length).toBe(20);
    expect(progress.length).toBeGreaterThan(0);
  });
});
