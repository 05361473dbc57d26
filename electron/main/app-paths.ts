import path from 'node:path';

// These hold for the bundle only: scripts/build-electron.mjs writes dist/electron/main.cjs, so
// __dirname is dist/electron (inside app.asar once packaged) and the renderer sits beside it.
export const preloadFile = path.join(__dirname, 'preload.cjs');
/** The built renderer: the only folder the app:// protocol serves from. */
export const rendererDir = path.join(__dirname, '..', 'renderer');
