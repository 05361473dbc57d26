import type http from 'node:http';
/** How long a refused body's connection stays open, unread, so the client can read the answer. */
const REFUSED_LINGER_MS = 2_000;

export type BodyRead = { kind: 'read'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Reads a request body chunk by chunk with a running count, keeping at most `limit` bytes: a body
 * that declares a larger Content-Length is refused before a byte is read, and one sent chunked (or
 * lying about its length) as soon as the count passes the limit; the rest is never read.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve({ kind: 'too_large' });
    };
    req.on('data', onData);
    req.once('end', () => resolve({ kind: 'read', body: Buffer.concat(chunks, size) }));
    req.once('error', reject);
    // A client that goes away mid-body ends neither with 'end' nor always with 'error'.
    req.once('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' });
    });
  });
}

/**
 * Answers a request whose body will not be read, and closes the connection without reading it.
 * The answer says `Connection: close`, so no client reuses the connection. Closing it at once would
 * reset it while the client is still sending, and the client could lose the answer (the
 * lingering-close problem); so reading stops (the client's writes stall), the answer and a FIN go
 * out, and the socket is destroyed a moment later.
 *
 * This leans on two details of node:http that have held since Node 12: read(0) marks the body as
 * being consumed, so Node does not drain the rest after the answer; and Node closes a
 * `Connection: close` socket with destroySoon() once the answer is written, which is replaced by
 * the lingering close. tests/api/attachments.test.ts fails if either changes.
 */
export function answerUnread(req: http.IncomingMessage, answer: () => void): void {
  req.read(0);
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
  };
  answer();
}
