// npm start: runs the built app in Electron, or says in one line why it cannot.
// The electron package only carries a launcher; its binary is a separate download that is skipped
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or blocked on offline machines.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  try {
    // require('electron') under plain Node returns the binary's path, or throws without path.txt.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'The Electron binary is not installed (it could not be downloaded here); run the console in a browser with: npm run serve',
  );
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE, if inherited, would start plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Electron could not be started: ${error.message}`);
  process.exit(1);
});
// Exit as Electron did; a signal becomes the shell's usual 128 + its number.
child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal ?? 'SIGTERM'] ?? 15)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
