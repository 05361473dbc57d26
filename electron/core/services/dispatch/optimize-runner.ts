import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OptimizeProgress, OptimizeResult, TravelTable } from './optimize-day';
import type { PlanInput } from './plan-problem';

/** What the worker needs: plain data only (functions cannot cross into a thread). */
export interface OptimizeJob {
  input: Omit<PlanInput, 'travel'>;
  travel: TravelTable;
  timeLimitMs: number;
  seed: number;
  /** One Int32 set to 1 to cancel. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage = { kind: 'progress'; progress: OptimizeProgress } | { kind: 'done'; result: OptimizeResult };

export interface OptimizeRun {
  result: Promise<OptimizeResult>;
  /** Stops the search; the result is then the best plan found so far. */
  cancel(): void;
}

/**
 * The bundled app ships the worker as optimize-worker.cjs beside the main bundle; from sources
 * (npm run serve, tests) the TypeScript entry is loaded through tsx's loader, registered inside
 * the worker because a worker does not inherit the parent's loader hooks.
 */
function startWorker(job: OptimizeJob, bundled: URL): Worker {
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData: job });
  const source = new URL('./optimize-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

/**
 * Runs the day optimizer in a worker thread, reporting each improvement. `bundledWorker` is where
 * a bundled worker would be (beside this module's bundle); a test points it at a fresh build.
 */
export function runOptimizer(
  job: Omit<OptimizeJob, 'cancelFlag'>,
  onProgress: (progress: OptimizeProgress) => void = () => undefined,
  bundledWorker = new URL('./optimize-worker.cjs', import.meta.url),
): OptimizeRun {
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = startWorker({ ...job, cancelFlag }, bundledWorker);
  const result = new Promise<OptimizeResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else {
        settled = true;
        resolve(message.result);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The optimizer stopped unexpectedly (exit code ${code})`));
    });
  });
  return {
    result,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
  };
}
