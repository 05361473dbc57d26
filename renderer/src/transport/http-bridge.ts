import type { DispatchEvent } from '../../../shared/api/events';
import { fail, type Result } from '../../../shared/errors';
import type { DispatchBridge } from './bridge';

/** Browser mode: POST /api/<method> with the session cookie, and one EventSource for pushes. */
export function createHttpBridge(base = ''): DispatchBridge & { reconnect(): void } {
  const listeners = new Set<{ type: string; listener: (event: DispatchEvent) => void }>();
  let source: EventSource | null = null;

  function emit(event: DispatchEvent) {
    for (const entry of listeners) if (entry.type === '*' || entry.type === event.type) entry.listener(event);
  }

  function connect() {
    source?.close();
    source = null;
    if (listeners.size === 0) return;
    const es = new EventSource(`${base}/api/events`);
    es.onmessage = (message: MessageEvent<string>) => {
      try {
        emit(JSON.parse(message.data) as DispatchEvent);
      } catch {
        // A malformed push is dropped; the next refetch brings the truth anyway.
      }
    };
    // After a reconnect, anything missed meanwhile is refetched by listeners of 'ready'.
    es.addEventListener('ready', () => emit({ type: 'directory.changed', clientId: '*' }));
    // The server ends the stream of a session that no longer holds (signed out elsewhere, the user
    // disabled): no reconnecting, the console signs out.
    es.addEventListener('signed-out', () => {
      es.close();
      if (source === es) source = null;
      emit({ type: 'session.ended' });
    });
    source = es;
  }

  return {
    async invoke(method, input) {
      try {
        const response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return fail('internal', 'The console server cannot be reached. Is it still running?');
      }
    },
    subscribe(type, listener) {
      const entry = { type, listener };
      listeners.add(entry);
      if (!source) connect();
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
    /** The event stream needs the session cookie: reopen it after login. */
    reconnect: connect,
  };
}
