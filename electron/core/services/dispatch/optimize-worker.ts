// Worker-thread entry of the day optimizer: the search is CPU-bound for seconds, so it must not
// block the process that answers every console's API calls and pushes their events.
import { parentPort, workerData } from 'node:worker_threads';
import { optimizeDay, travelTableLookup } from './optimize-day';
import type { OptimizeJob, WorkerMessage } from './optimize-runner';

const port = parentPort;
if (!port) throw new Error('optimize-worker must run in a worker thread');

const job = workerData as OptimizeJob;
// Cancellation arrives as a flag in shared memory: the search is synchronous, so a message would
// never be read until it ends.
const cancelled = new Int32Array(job.cancelFlag);
const send = (message: WorkerMessage) => port.postMessage(message);

const result = optimizeDay(
  { ...job.input, travel: travelTableLookup(job.travel) },
  {
    timeLimitMs: job.timeLimitMs,
    seed: job.seed,
    shouldStop: () => Atomics.load(cancelled, 0) === 1,
    onProgress: (progress) => send({ kind: 'progress', progress }),
  },
);
send({ kind: 'done', result });
