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
const column = header.split(',').indexOf('distance_double');
const bks = new Map(rows.map((row) => [row.split(',')[0] ?? '', Number(row.split(',')[column])]));
const lines = readFileSync(resultsPath, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l) as Line);

const classOf = (name: string) => (/^(rc|r|c)(\d)/i.exec(name) ?? []).slice(1, 3).join('').toUpperCase();
const gap = (name: string, distance: number) => (100 * (distance - (bks.get(name) ?? NaN))) / (bks.get(name) ?? NaN);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

console.log('| class | instances | mean gap % | max gap % | all feasible |');
console.log('| --- | --- | --- | --- | --- |');
for (const cls of ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2']) {
  const mine = lines.filter((l) => classOf(l.instance) === cls);
  if (mine.length === 0) continue;
  const gaps = mine.map((l) => gap(l.instance, l.distance));
  const feasible = mine.every((l) => l.feasible) ? 'yes' : 'no';
  console.log(`| ${cls} | ${mine.length} | ${mean(gaps).toFixed(2)} | ${Math.max(...gaps).toFixed(2)} | ${feasible} |`);
}
const all = lines.map((l) => gap(l.instance, l.distance));
console.log(
  `| all | ${lines.length} | ${mean(all).toFixed(2)} | ${Math.max(...all).toFixed(2)} | ${lines.every((l) => l.feasible) ? 'yes' : 'no'} |`,
);
const marks = Object.keys(lines[0]?.checkpoints ?? {});
for (const mark of marks) {
  const gaps = lines.map((l) => gap(l.instance, l.checkpoints?.[mark] ?? NaN));
  console.log(`best-so-far at ${mark} s: mean gap ${mean(gaps).toFixed(2)} %`);
}
for (const l of lines) console.error(`${l.instance} ${gap(l.instance, l.distance).toFixed(2)}`);
