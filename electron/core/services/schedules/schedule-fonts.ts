import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REGULAR = 'DejaVuSans.ttf';

/**
 * Where the bundled fonts are: in a packaged app, electron-builder copies resources/fonts to
 * `<resourcesPath>/fonts` (build/electron-builder.yml, extraResources); from the repository
 * (tests, `npm run serve`, an unpacked build) it is `resources/fonts` above this file or above
 * dist/electron. `process.resourcesPath` is a property Electron sets on Node's process object,
 * so reading it keeps the core free of `electron` imports.
 */
export function fontsDirectory(): string {
  const candidates: string[] = [];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(path.join(packaged, 'fonts'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((c) => existsSync(path.join(c, REGULAR)));
  if (!found) throw new Error(`The schedule fonts (${REGULAR}) are missing; looked in ${candidates.join(', ')}`);
  return found;
}

/** DejaVu Sans: Latin, Greek and Cyrillic, so "Zoë Łukasiewicz" and "Дмитрий" print right. */
export function scheduleFonts(dir = fontsDirectory()) {
  return {
    DejaVuSans: {
      normal: path.join(dir, REGULAR),
      bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
      italics: path.join(dir, 'DejaVuSans-Oblique.ttf'),
      // No bold oblique is shipped; bold stands in where both are asked for.
      bolditalics: path.join(dir, 'DejaVuSans-Bold.ttf'),
    },
  };
}
