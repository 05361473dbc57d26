// `npx tsx tests/bench/vrptw-gaps.ts RESULTS.jsonl BKS_CSV`: turns the JSON lines printed by
// bench:vrptw into gaps against bks_distance_objective.csv (column distance_double), per Solomon class.
import { readFileSync } from 'node:fs';

interface Line {
  instance: string;
  distance: number;
  feasible: boolean;
  checkpoints?: Record<string, number | null>;
}

const [resultsPath, bksPath] = process.argv.slice(2);
if (!resultsPath || !bksPath) throw new Error('usage: vrptw-gaps.ts RESULTS.jsonl bks_distance_objective.csv');

const [header = '', ...rows] = readFileSync(bksPath, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
const cell = (row: string, name: string) => Number(row.split(',')[columns.indexOf(name)]);
const bks = new Map(rows.map((row) => [row.split(',')[0] ?? '', cell(row, 'distance_double')]));
// Truncating every arc to one decimal (DIMACS) only shortens arcs and travel times, so no plan can
// cost less in double precision than the DIMACS optimum: a double-precision value below it is suspect.
const suspect = new Set(
  rows.filter((row) => cell(row, 'distance_double') < cell(row, 'cost_dimacs')).map((row) => row.split(',')[0]),
);
const lines = readFileSync(resultsPath, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l) as Line);

const classOf = (name: string) => (/^(rc|r|c)(\d)/i.exec(name) ?? []).slice(1, 3).join('').toUpperCase();
const gap = (name: string, distance: number) => (100 * (distance - (bks.get(name) ?? NaN))) / (bks.get(name) ?? NaN);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Two decimals, without printing a rounding-level negative as -0.00. */
const pct = (x: number) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

console.log('| class | instances | mean gap % | max gap % | all feasible |');
console.log('| --- | --- | --- | --- | --- |');
for (const cls of ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2']) {
  const mine = lines.filter((l) => classOf(l.instance) === cls);
  if (mine.length === 0) continue;
  const gaps = mine.map((l) => gap(l.instance, l.distance));
  const feasible = mine.every((l) => l.feasible) ? 'yes' : 'no';
  console.log(`| ${cls} | ${mine.length} | ${pct(mean(gaps))} | ${pct(Math.max(...gaps))} | ${feasible} |`);
}
const all = lines.map((l) => gap(l.instance, l.distance));
console.log(
  `| all | ${lines.length} | ${pct(mean(all))} | ${pct(Math.max(...all))} | ${lines.every((l) => l.feasible) ? 'yes' : 'no'} |`,
);
const trusted = lines.filter((l) => !suspect.has(l.instance)).map((l) => gap(l.instance, l.distance));
console.log(`mean gap without ${[...suspect].join(', ')} (distance_double below cost_dimacs): ${pct(mean(trusted))} %`);
const marks = Object.keys(lines[0]?.checkpoints ?? {});
for (const mark of marks) {
  const gaps = lines.map((l) => gap(l.instance, l.checkpoints?.[mark] ?? NaN));
  console.log(`best-so-far at ${mark} s: mean gap ${pct(mean(gaps))} %`);
}
for (const l of lines) console.error(`${l.instance} ${pct(gap(l.instance, l.distance))}`);
