import type { DispatchEvent } from '../../../shared/api/events';
import type { PrintOutcome } from '../../../shared/api/print';
import type { Result } from '../../../shared/errors';

/** What the Electron preload exposes as window.dispatch; browser mode implements the same shape. */
export interface DispatchBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** `type` is an event type or '*' for all; returns the unsubscribe function. */
  subscribe(type: string, listener: (event: DispatchEvent) => void): () => void;
  /** The desktop shell's printing (webContents.print); browser mode has none and uses window.print. */
  print?(): Promise<PrintOutcome>;
}

declare global {
  interface Window {
    dispatch?: DispatchBridge;
  }
}
