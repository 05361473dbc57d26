import { shell, type BrowserWindow } from 'electron';
import { blockUnlessAppPage } from './navigation-guard';
import { isGrantedPermission } from './granted-permissions';
import { externalLinkTarget } from './url-checks';

function openIfAllowed(url: string): void {
  const target = externalLinkTarget(url);
  if (target) void shell.openExternal(target).catch((error: unknown) => console.error('could not open link:', error));
  else console.warn(`blocked a link that is not allow-listed: ${url.slice(0, 200)}`);
}

/**
 * Every window goes through here before it loads anything: it may only show the app's own page,
 * opens no windows of its own, embeds no webviews and is granted no permission but notifications.
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

  // Camera, location, clipboard reads…: the console needs none from the page; notifications are
  // how a technician hears of a new visit with the window behind others. Applies to the window's
  // whole session (the default one), which only our windows use.
  contents.session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isGrantedPermission(permission)),
  );
  contents.session.setPermissionCheckHandler((_contents, permission) => isGrantedPermission(permission));
}
