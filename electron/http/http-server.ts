import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, Result } from '../../shared/errors';
import { fail } from '../../shared/errors';
import type { Core, Credentials } from '../core/core';
import type { BodyLimit } from '../core/services/attachments/upload-limits';

export const SESSION_COOKIE = 'dispatch_session';
const HEARTBEAT_MS = 25_000;

const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  stale: 409,
  setup_required: 409,
  internal: 500,
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; frame-ancestors 'none'",
};

export interface HttpServerOptions {
  core: Core;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  host: string;
  port: number;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}

function credentialsOf(req: http.IncomingMessage): Credentials {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  return { apiToken: bearer, sessionToken: bearer ? undefined : parseCookies(req.headers.cookie)[SESSION_COOKIE] };
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendResult(
  res: http.ServerResponse,
  result: Result<unknown>,
  headers: Record<string, string | string[]> = {},
) {
  sendJson(res, result.ok ? 200 : statusFor[result.error.code], result, headers);
}

/** How long a refused upload's connection stays open, unread, so the client can read the answer. */
const REFUSED_LINGER_MS = 2_000;

/**
 * Refuses a body over the method's limit as early as possible: by its Content-Length before
 * reading a byte, else as soon as the bytes read pass the limit; the rest is never read.
 * The answer says `Connection: close`, so no client reuses the connection. Closing it at once
 * would reset it while the client is still sending, and the client could lose the answer
 * (the lingering-close problem); so reading stops (the client's writes stall), the answer and
 * a FIN go out, and the socket is destroyed a moment later.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: BodyLimit) {
  // read(0) marks the body as being consumed, so Node does not drain the rest after the answer.
  req.read(0);
  req.pause();
  const socket = req.socket;
  // Node closes a `Connection: close` socket with destroySoon() once the answer is written.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
  };
  sendJson(res, 413, { ok: false, error: limit.failure }, { Connection: 'close' });
}

/** The whole body, or null once it passes the limit (the caller then refuses it). */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Reads a JSON body up to the limit; answers null (and has already replied) when it cannot. */
async function readJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: BodyLimit,
): Promise<{ value: unknown } | null> {
  const declared = Number(req.headers['content-length']);
  const body = Number.isFinite(declared) && declared > limit.bytes ? null : await readBody(req, limit.bytes);
  if (body === null) {
    refuseTooLarge(req, res, limit);
    return null;
  }
  const text = body.toString('utf8');
  if (text.trim() === '') return { value: {} };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    sendResult(res, fail('invalid_input', 'The request body is not valid JSON.'));
    return null;
  }
}

/**
 * A cross-site page cannot send JSON without a preflight we never answer, and the cookie is
 * SameSite=Strict; the Origin check is a third lock for browsers that send it.
 */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function sessionCookie(token: string, expiresAt: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Expires=${new Date(expiresAt).toUTCString()}`;
}

const clearedCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

async function handleRpc(core: Core, method: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (!sameOrigin(req)) {
    sendResult(res, fail('forbidden', 'Cross-origin requests are not accepted.'));
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    sendResult(res, fail('invalid_input', 'Send the input as JSON (Content-Type: application/json).'));
    return;
  }
  const body = await readJson(req, res, await core.bodyLimit(method));
  if (!body) return;
  const outcome = await core.invoke(method, body.value, credentialsOf(req));
  const headers: Record<string, string> = {};
  if (outcome.session === 'ended') headers['Set-Cookie'] = clearedCookie;
  else if (outcome.session) headers['Set-Cookie'] = sessionCookie(outcome.session.token, outcome.session.expiresAt);
  sendResult(res, outcome.result, headers);
}

async function handleEvents(core: Core, req: http.IncomingMessage, res: http.ServerResponse) {
  const user = await core.authenticate(credentialsOf(req));
  if (!user) {
    sendResult(res, fail('unauthenticated', 'Log in first.'));
    return;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(`event: ready\ndata: {}\n\n`);
  // A stream lives only as long as its session: before each event and at each heartbeat the
  // credentials are checked again, so a logged-out or deactivated user stops hearing at once.
  // The checks run one after another, which also keeps events in the order they happened.
  const credentials = credentialsOf(req);
  let queue = Promise.resolve();
  let open = true;
  const deliver = (text: string) => {
    queue = queue
      .then(async () => {
        if (!open) return;
        if (!(await core.authenticate(credentials))) {
          close();
          res.end();
          return;
        }
        res.write(text);
      })
      .catch((error: unknown) => console.error('event stream failed:', error));
  };
  const unsubscribe = core.subscribe((event) => deliver(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => deliver(': keep-alive\n\n'), HEARTBEAT_MS);
  function close() {
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
  }
  req.on('close', close);
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse) {
  const root = path.resolve(staticDir);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    relative = '/';
  }
  let file = path.resolve(root, `.${relative}`);
  // Anything outside the build folder, or not a file, gets the app shell (hash routes live in it).
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    file = path.join(root, 'index.html');
  }
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The console is not built yet: run `npm run build:renderer`.');
    return;
  }
  const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': cache });
  fs.createReadStream(file).pipe(res);
}

/** Browser mode: the same core as the desktop app, over POST /api/<method> and SSE /api/events. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { core, staticDir } = options;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(core, req, res);
      if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          return sendJson(res, 405, fail('invalid_input', 'Call methods with POST.'), { Allow: 'POST' });
        }
        return handleRpc(core, url.pathname.slice('/api/'.length), req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, fail('invalid_input', 'Not allowed.'));
      if (!staticDir) return sendJson(res, 404, fail('not_found', 'No such page.'));
      return serveStatic(staticDir, url.pathname, res);
    };
    route().catch((error: unknown) => {
      console.error('request failed:', error);
      if (!res.headersSent) sendResult(res, fail('internal', 'Something went wrong.'));
      else res.end();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
