// The only bridge between the page and the main process (the core's calls and events, and print). Sandboxed preloads cannot require local
// files, so scripts/build-electron.mjs bundles this (and what it imports from shared/) into one file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DispatchEvent } from '../../shared/api/events';
import { PRINT_CHANNEL, type PrintOutcome } from '../../shared/api/print';
import { fail, type Result } from '../../shared/errors';

const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'dispatch-event';

type EventCallback = (event: DispatchEvent) => void;

async function invoke(method: unknown, input: unknown): Promise<Result<unknown>> {
  if (typeof method !== 'string') return fail('unknown_method', 'The method name must be a string.');
  try {
    return (await ipcRenderer.invoke(RPC_CHANNEL, method, input)) as Result<unknown>;
  } catch {
    // The renderer only ever sees Results, even when the channel itself fails.
    return fail('internal', 'The desktop app did not answer; try again.');
  }
}

/** Calls `callback` for every event ('*') or for one event type; returns the unsubscribe. */
function subscribe(eventType: unknown, callback: unknown): () => void {
  if (typeof eventType !== 'string' || typeof callback !== 'function') {
    throw new TypeError('subscribe(eventType, callback) takes a string and a function.');
  }
  const notify = callback as EventCallback;
  // Only the event crosses into the page, never the IpcRendererEvent (it exposes the sender).
  const listener = (_ipcEvent: IpcRendererEvent, event: DispatchEvent) => {
    if (eventType === '*' || event.type === eventType) notify(event);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  };
}

/** Prints this window's page through the main process's webContents.print (the system dialog). */
async function print(): Promise<PrintOutcome> {
  try {
    return (await ipcRenderer.invoke(PRINT_CHANNEL)) as PrintOutcome;
  } catch {
    return { printed: false, cancelled: false, reason: 'The desktop app did not answer; try again.' };
  }
}

contextBridge.exposeInMainWorld('dispatch', { invoke, subscribe, print });
