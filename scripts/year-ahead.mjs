// Runs the API, database and end-to-end suites with the machine's clock moved ahead (a year by
// default), to show that no test depends on the day it runs. libfaketime shifts the clock of every
// process it starts (Node, its workers, the test server, Chromium), so nothing in the product
// needs a test-only switch. Usage: npm run test:year-ahead [-- DAYS]
import { spawnSync } from 'node:child_process';

const days = Number(process.argv[2] ?? 365);
if (!Number.isInteger(days) || days < 1) {
  console.error('Give the shift as a whole number of days, e.g. npm run test:year-ahead -- 730');
  process.exit(2);
}
if (spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error) {
  console.error('This check needs libfaketime: apt-get install -y faketime');
  process.exit(1);
}

const shift = `+${days}d`;
const run = (command, args) => {
  console.log(`\n$ faketime -f ${shift} ${command} ${args.join(' ')}`);
  const result = spawnSync('faketime', ['-f', shift, command, ...args], { stdio: 'inherit' });
  return result.status ?? 1;
};

const shown = spawnSync('faketime', ['-f', shift, 'date', '-u', '+%F %T'], { encoding: 'utf8' }).stdout.trim();
console.log(`The clock of every process below reads ${shown} UTC.`);
const failed =
  run('npx', ['vitest', 'run', 'tests/api', 'tests/db']) ||
  run('npm', ['run', 'build:renderer']) ||
  run('npx', ['playwright', 'test']);
process.exit(failed);
