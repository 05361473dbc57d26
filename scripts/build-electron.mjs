// Bundles the Electron main process and the preload into dist/electron (see package.json "main").
// The preload must be one self-contained file: a sandboxed preload cannot require local files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutdir = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

// CommonJS has no import.meta; give it the bundle's own file URL.
const importMetaUrl = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/**
 * Bundles main.cjs, preload.cjs and optimize-worker.cjs into `outdir`. Exported for the test that
 * runs the bundled optimizer worker (tests/unit/bundled-worker.test.ts).
 */
export async function buildElectron(outdir = defaultOutdir) {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: path.join(outdir, 'main.cjs'),
      target: 'node22', // Electron 39 ships Node 22
      // Native modules load from node_modules at run time; pg-native is an optional require of pg.
      external: ['electron', 'better-sqlite3', 'pg', 'pg-native'],
      // The core finds files beside itself (the optimizer's worker) through import.meta.url.
      ...importMetaUrl,
    }),
    build({
      ...common,
      entryPoints: ['electron/core/services/dispatch/optimize-worker.ts'],
      outfile: path.join(outdir, 'optimize-worker.cjs'),
      target: 'node22',
      ...importMetaUrl,
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      target: 'chrome130',
      external: ['electron'],
    }),
  ]);
}

// `node scripts/build-electron.mjs` (npm run build:electron) builds into dist/electron.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log(`Built ${path.relative(root, defaultOutdir)}/main.cjs, preload.cjs and optimize-worker.cjs`);
}
