import { shell, type BrowserWindow } from 'electron';
import { blockUnlessAppPage } from './navigation-guard';
import { externalLinkTarget } from './url-checks';

function openIfAllowed(url: string): void {
  const target = externalLinkTarget(url);
  if (target) void shell.openExternal(target).catch((error: unknown) => console.error('could not open link:', error));
  else console.warn(`blocked a link that is not allow-listed: ${url.slice(0, 200)}`);
}

/**
 * Every window goes through here before it loads anything: it may only show the app's own page,
 * opens no windows of its own, embeds no webviews and is granted no permission.
 */
export function hardenWindow(win: BrowserWindow, indexUrl: string): void {
  const contents = win.webContents;

  // will-frame-navigate covers the main frame and every subframe (will-navigate only the first).
  contents.on('will-frame-navigate', (event) => {
    if (blockUnlessAppPage(event, indexUrl) && event.isMainFrame) openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    blockUnlessAppPage(event, indexUrl);
  });

  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  // Camera, location, notifications, clipboard reads…: the console needs none from the page.
  // Applies to the window's whole session (the default one), which only our windows use.
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
