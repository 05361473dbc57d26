import type { DispatchEvent } from '../../../shared/api/events';
import type { Result } from '../../../shared/errors';

/** What the Electron preload exposes as window.dispatch; browser mode implements the same shape. */
export interface DispatchBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** `type` is an event type or '*' for all; returns the unsubscribe function. */
  subscribe(type: string, listener: (event: DispatchEvent) => void): () => void;
}

declare global {
  interface Window {
    dispatch?: DispatchBridge;
  }
}
