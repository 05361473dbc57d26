// `npm run bench:vrptw -- FILE_OR_DIR... [--time-limit SECONDS] [--seed N] [--solutions DIR]
//   [--iterations N] [--checkpoints 1,2,5]`
// Solves Solomon-format VRPTW instances with the product's optimizer core (one thread, offline) and
// prints one JSON line per instance. "feasible" comes from the independent checker, never from the
// optimizer. With --checkpoints, each line also carries the best distance found by those seconds
// and the number of iterations. --iterations without --time-limit makes a run repeat bit for bit
// (a time limit ties the annealing schedule to the clock).
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSolomon, solomonToProblem } from '../../electron/core/services/optimizer/solomon-parser';
import { checkVrptwSolution, solomonCheckSpec } from '../../electron/core/services/optimizer/vrptw-checker';
import { VrptwSolver } from '../../electron/core/services/optimizer/vrptw-solver';

function instanceFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      files.push(
        ...readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith('.txt'))
          .sort()
          .map((name) => join(path, name)),
      );
    } else {
      files.push(path);
    }
  }
  return files;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'time-limit': { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string', default: '1' },
      solutions: { type: 'string' },
      checkpoints: { type: 'string' },
    },
  });
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  const seconds = Number(values['time-limit'] ?? (iterations === undefined ? 10 : Infinity));
  const seed = Number(values.seed);
  if (!(seconds > 0)) throw new Error('--time-limit must be a positive number of seconds');
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 0)) {
    throw new Error('--iterations must be a whole number');
  }
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (positionals.length === 0) throw new Error('give at least one instance file or directory');
  const checkpoints = (values.checkpoints ?? '')
    .split(',')
    .filter(Boolean)
    .map((text) => Number(text));
  if (values.solutions) mkdirSync(values.solutions, { recursive: true });

  let failures = 0;
  for (const file of instanceFiles(positionals)) {
    const parsed = parseSolomon(readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      console.error(`${file}:${parsed.line}: ${parsed.message}`);
      failures++;
      continue;
    }
    const name = basename(file).replace(/\.txt$/i, '');
    const began = performance.now();
    const best: Record<string, number | null> = Object.fromEntries(checkpoints.map((s) => [String(s), null]));
    const solver = new VrptwSolver(solomonToProblem(parsed.instance));
    const solution = solver.solve({
      seed,
      timeLimitMs: seconds * 1000,
      ...(iterations === undefined ? {} : { maxIterations: iterations }),
      onImprove: (plan, elapsedMs) => {
        if (plan.unassigned.length > 0) return;
        for (const s of checkpoints) if (elapsedMs <= s * 1000) best[String(s)] = plan.distance;
      },
    });
    const elapsed = (performance.now() - began) / 1000;
    const report = checkVrptwSolution(solomonCheckSpec(parsed.instance), solution.routes, solution.distance);
    if (!report.feasible) failures++;
    const line: Record<string, unknown> = {
      instance: name,
      vehicles: report.vehicles,
      distance: Math.round(report.distance * 1000) / 1000,
      seconds: Math.round(elapsed * 1000) / 1000,
      feasible: report.feasible,
    };
    if (checkpoints.length > 0) {
      line.checkpoints = best;
      line.iterations = solver.iterations;
    }
    if (!report.feasible) line.violations = report.violations.slice(0, 5).map((v) => v.message);
    console.log(JSON.stringify(line));
    if (values.solutions) {
      writeFileSync(join(values.solutions, `${name}.json`), `${JSON.stringify({ routes: solution.routes })}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
