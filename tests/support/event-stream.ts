import { authHeaders, type Auth } from './test-runtime';

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Reads GET /api/events with fetch and a stream reader. `next` resolves with the next message
 * that matches, as soon as it arrives: tests wait for events, never for time.
 */
export interface EventStream {
  status: number;
  next(match?: (message: SseMessage) => boolean): Promise<SseMessage>;
  close(): Promise<void>;
}

export async function openEventStream(baseUrl: string, auth: Auth): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: { Accept: 'text/event-stream', ...authHeaders(auth) },
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const queued: SseMessage[] = [];
  let buffer = '';

  async function read(): Promise<void> {
    if (!reader) throw new Error('the event stream has no body');
    const { done, value } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { event: 'message', data: '' };
      let hasData = false;
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue; // comment (keep-alive)
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') message.event = text;
        if (field === 'data') {
          message.data = hasData ? `${message.data}\n${text}` : text;
          hasData = true;
        }
      }
      if (hasData) queued.push(message);
    }
  }

  return {
    status: response.status,
    async next(match = () => true) {
      for (;;) {
        const index = queued.findIndex(match);
        if (index >= 0) return queued.splice(index, 1)[0] as SseMessage;
        queued.length = 0; // messages that did not match are skipped, as a console would
        await read();
      }
    },
    async close() {
      abort.abort();
      await reader?.cancel().catch(() => undefined);
    },
  };
}
