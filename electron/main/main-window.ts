import { BrowserWindow } from 'electron';
import { hardenWindow } from '../security/harden-window';
import { APP_INDEX_URL } from '../security/app-protocol';
import { preloadFile } from './app-paths';

/** The console window: sandboxed, isolated, hardened before it loads the page. */
export function createMainWindow(onCreated: (win: BrowserWindow) => void): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Dispatch Console',
    show: false,
    webPreferences: {
      preload: preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // A middle click would otherwise follow a link in a new window (auxclick); the console has no
      // use for it, and every window.open is denied anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  hardenWindow(win, APP_INDEX_URL);
  onCreated(win);
  // Showing on ready-to-show avoids a white flash while React starts.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL).catch((error: unknown) => console.error('could not load the console page:', error));
  return win;
}
