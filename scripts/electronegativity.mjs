// npm run lint: Electronegativity (static checks for Electron misconfigurations) over the desktop
// shell, offline. Fails on any finding the allowlist below does not explain, on a file it could not
// parse, and on an allowlist entry that no longer matches anything.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What is scanned: the Electron side, and the page whose <meta> CSP the CSP checks read. */
export const DEFAULT_SOURCES = ['electron', 'renderer/index.html'];

/**
 * The lowest severity that fails the lint: all of them. The tool files some real mistakes low
 * (an explicit `nodeIntegration: true` is only INFORMATIONAL), and on this code base it reports
 * little enough that each finding can be fixed or explained below.
 */
export const FAIL_AT = 'INFORMATIONAL';

/**
 * Findings reviewed and accepted, by check and file. Each says why; keep it short, and remove an
 * entry when its code goes (a stale entry fails the lint).
 */
export const ALLOWLIST = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason:
      "style-src 'unsafe-inline' is needed by Emotion (MUI), which injects its styles at run time; img-src https: is for the opt-in online map tiles. Scripts stay 'self' only.",
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'electron/main/main-window.ts',
    reason:
      'The preload is sandboxed and exposes only invoke/subscribe through contextBridge, never ipcRenderer or Node (electron/preload/index.ts).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/security/harden-window.ts',
    reason:
      'shell.openExternal receives only what externalLinkTarget returns: http(s) links to exact allow-listed hosts, no credentials (tests/unit/url-checks.test.ts).',
  },
];

// Checks that cannot run offline. AvailableSecurityFixesGlobalCheck downloads Electron's release
// list; keeping Electron current is a dependency decision (ENVIRONMENT.md pins it for Node 20).
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));

// The tool fetches translations on every run (and the excluded check a release list) with `got`.
// Lint must work offline and quickly, so its `got` always fails at once: the tool then uses the
// English texts it ships.
function keepToolOffline() {
  const gotPath = createRequire(path.join(toolDir, 'package.json')).resolve('got');
  const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

// The tool scans one folder; copy what we scan into one, keeping the repository's relative paths.
function stage(root, sources) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  for (const source of sources) {
    fs.cpSync(path.join(root, source), path.join(dir, source), { recursive: true });
  }
  return dir;
}

function installedElectronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

const severityName = (issue) => issue.severity.name;
const allows = (entry, issue) => entry.check === issue.id && entry.file === issue.file;

/**
 * Runs the checks over `sources` (paths relative to `root`, the repository by default) and sorts
 * the findings: `failures` fail the lint, `accepted` are allow-listed, `notes` are below FAIL_AT.
 */
export async function runElectronegativity({ root = repoRoot, sources = DEFAULT_SOURCES, allowlist = ALLOWLIST } = {}) {
  keepToolOffline();
  const run = require('@doyensec/electronegativity');
  const { severity } = require(path.join(toolDir, 'dist/finder/attributes.js'));
  const input = stage(root, sources);
  // The tool logs its failed translation fetch through console.log; nothing else of it is wanted.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({
      input,
      isRelative: true,
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: installedElectronVersion(),
    });
  } finally {
    console.log = log;
    fs.rmSync(input, { recursive: true, force: true });
  }

  const failAt = severity[FAIL_AT].value;
  const issues = result.issues.map((issue) => ({ ...issue, file: issue.file.split(path.sep).join('/') }));
  const serious = issues.filter((issue) => issue.severity.value >= failAt);
  return {
    failures: serious.filter((issue) => !allowlist.some((entry) => allows(entry, issue))),
    accepted: serious.filter((issue) => allowlist.some((entry) => allows(entry, issue))),
    notes: issues.filter((issue) => issue.severity.value < failAt),
    unusedAllowlist: allowlist.filter((entry) => !serious.some((issue) => allows(entry, issue))),
    // A file the tool could not parse is a file it did not check.
    parseErrors: result.errors.filter((error) => !error.tolerable),
    checks: result.globalChecks + result.atomicChecks,
  };
}

function describe(issue) {
  const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${issue.location.line}`;
  return `${issue.id} [${severityName(issue)}/${issue.confidence.name}] ${where}: ${issue.description} ${issue.shortenedURL ?? ''}`;
}

// `node scripts/electronegativity.mjs` (part of npm run lint).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const report = await runElectronegativity();
  for (const issue of report.notes) console.log(`note: ${describe(issue)}`);
  for (const issue of report.accepted) console.log(`accepted: ${describe(issue)}`);
  for (const issue of report.failures) console.error(`error: ${describe(issue)}`);
  for (const entry of report.unusedAllowlist) {
    console.error(`error: allowlist entry ${entry.check} in ${entry.file} matches nothing; remove it`);
  }
  for (const error of report.parseErrors) console.error(`error: could not parse ${error.file}: ${error.message}`);
  const failed = report.failures.length + report.unusedAllowlist.length + report.parseErrors.length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const below = report.notes.length > 0 ? `, ${report.notes.length} below ${FAIL_AT}` : '';
  console.log(
    `electronegativity: ${report.checks} checks over ${DEFAULT_SOURCES.join(', ')} in ${seconds} s; ` +
      `${report.failures.length} to fix, ${report.accepted.length} accepted${below}`,
  );
  process.exit(failed > 0 ? 1 : 0);
}
