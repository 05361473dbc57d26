import path from 'node:path';
import { pathToFileURL } from 'node:url';

// These hold for the bundle only: scripts/build-electron.mjs writes dist/electron/main.cjs, so
// __dirname is dist/electron (inside app.asar once packaged) and the renderer sits beside it.
export const preloadFile = path.join(__dirname, 'preload.cjs');
export const rendererIndexFile = path.join(__dirname, '..', 'renderer', 'index.html');
export const rendererIndexUrl = pathToFileURL(rendererIndexFile).href;
