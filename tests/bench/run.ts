// `npm run bench [-- <path to ../shared/benchmarks>]`: prints speed numbers; never part of npm test.
import { benchAudit } from './audit.bench';
import { benchBoard } from './board.bench';
import { benchMap } from './map.bench';
import { benchOptimize } from './optimize.bench';
import { benchOutbox } from './outbox.bench';
import { benchQueue } from './queue.bench';
import { benchRecommend } from './recommend.bench';
import { benchReports } from './reports.bench';
import { benchSchedulePdf } from './schedule-pdf.bench';

async function main() {
  console.log(`Dispatch Console benchmarks (Node ${process.version}, ${new Date().toISOString()})`);
  // First: it needs no database or browser, so its numbers print even where those fail.
  benchRecommend();
  await benchQueue();
  await benchMap();
  benchOptimize();
  await benchBoard();
  await benchAudit();
  await benchOutbox();
  await benchReports();
  await benchSchedulePdf();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
