// `npm run bench [-- <path to ../shared/benchmarks>]`: prints speed numbers; never part of npm test.
import { benchOptimize } from './optimize.bench';
import { benchQueue } from './queue.bench';

async function main() {
  console.log(`Dispatch Console benchmarks (Node ${process.version}, ${new Date().toISOString()})`);
  await benchQueue();
  benchOptimize();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
