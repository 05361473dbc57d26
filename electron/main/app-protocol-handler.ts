import { protocol } from 'electron';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
  type StreetTileSource,
} from '../security/app-protocol';

/** Declares app:// a standard, secure scheme. Electron accepts this only before 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * Serves app:// from `rootDir` in the default session (the one our windows use), and the street
 * file's tiles from `tiles` at app://dispatch/tiles/…. After 'ready'.
 */
export function serveAppProtocol(rootDir: string, tiles: StreetTileSource): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await appProtocolResponse(request, rootDir, tiles);
    // A missing file (Chromium asks for favicon.ico) is ordinary; a malformed or escaping path is not.
    if (response.status >= 400 && response.status !== 404) {
      console.warn(`app:// refused ${request.url.slice(0, 200)}: ${response.status}`);
    }
    return response;
  });
}
