import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { DispatchEvent } from '../../shared/api/events';
import { PRINT_CHANNEL, type PrintOutcome } from '../../shared/api/print';
import { fail, type Result } from '../../shared/errors';
import type { Core } from '../core/core';
import { isAppPage } from '../security/url-checks';
import { printPage } from './print-page';

const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'dispatch-event';

export interface RpcBridge {
  /** Makes a window one of ours: it may call the core, and it gets events while logged in. */
  attach(win: BrowserWindow): void;
  /** Stops serving, ends the windows' sessions and waits for that to finish. */
  dispose(): Promise<void>;
}

/**
 * The desktop transport: one ipcMain.handle('rpc') in front of the core. A window's session token
 * lives here, never in the page, in the way browser mode keeps it in an HttpOnly cookie.
 */
export function startRpcBridge(core: Core, indexUrl: string): RpcBridge {
  const windows = new Map<number, WebContents>();
  const sessions = new Map<number, string>();
  const pending = new Set<Promise<unknown>>();

  // Only the top frame of one of our windows, showing our own page, may call the core: not an
  // iframe, not a page the window was somehow navigated to.
  function trusted(event: IpcMainInvokeEvent): boolean {
    const frame = event.senderFrame;
    if (!frame || !windows.has(event.sender.id)) return false;
    const main = event.sender.mainFrame;
    return frame.parent === null && frame.frameToken === main.frameToken && isAppPage(frame.url, indexUrl);
  }

  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) return fail('forbidden', 'This window may not call the console.');
    if (typeof method !== 'string') return fail('unknown_method', 'The method name must be a string.');
    const id = event.sender.id;
    const outcome = await core.invoke(method, input, { sessionToken: sessions.get(id) });
    if (outcome.session === 'ended') sessions.delete(id);
    else if (outcome.session) sessions.set(id, outcome.session.token);
    // An expired or revoked session: stop pushing events to a window that can no longer read.
    else if (!outcome.result.ok && outcome.result.error.code === 'unauthenticated') sessions.delete(id);
    return outcome.result;
  });

  // Printing needs no session (the page shows only what its user could read): only our own page.
  ipcMain.handle(PRINT_CHANNEL, (event): Promise<PrintOutcome> | PrintOutcome =>
    trusted(event)
      ? printPage(event.sender)
      : { printed: false, cancelled: false, reason: 'This window may not print.' },
  );

  function endSession(id: number): void {
    const token = sessions.get(id);
    sessions.delete(id);
    if (!token) return;
    // The window is gone, so is its token: delete the session row rather than wait for it to expire.
    const ending = core
      .invoke('auth.logout', {}, { sessionToken: token })
      .catch((error: unknown) => console.error('could not end a window session:', error))
      .finally(() => pending.delete(ending));
    pending.add(ending);
  }

  const unsubscribe = core.subscribe((event: DispatchEvent) => {
    for (const [id, contents] of windows) {
      if (sessions.has(id) && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
    }
  });

  return {
    attach(win) {
      const contents = win.webContents;
      const id = contents.id;
      windows.set(id, contents);
      contents.once('destroyed', () => {
        windows.delete(id);
        endSession(id);
      });
    },
    async dispose() {
      ipcMain.removeHandler(RPC_CHANNEL);
      ipcMain.removeHandler(PRINT_CHANNEL);
      unsubscribe();
      for (const id of [...sessions.keys()]) endSession(id);
      await Promise.all([...pending]);
    },
  };
}
