import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/errors';
import { fail } from '../../shared/errors';
import { STREET_TILE_PATH } from '../../shared/domain/street-map';
import type { Core, Credentials } from '../core/core';
import type { BodyLimit } from '../core/services/attachments/upload-limits';
import { createHostGuard, type HostGuard } from './allowed-hosts';
import { refusedBodyStatus, statusFor, WRONG_VERB_STATUS } from './error-status';
import { FEEDBACK_PATH, handleFeedbackPage } from './feedback-route';
import { tokenBucketLimiter } from './rate-limit';
import { answerUnread, readBody } from './request-body';
import { cookieValue } from './session-cookie';

export const SESSION_COOKIE = 'dispatch_session';
const HEARTBEAT_MS = 25_000;
/** The event stream's last word when its session no longer holds (see handleEvents). */
export const SIGNED_OUT_EVENT = 'signed-out';

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
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

export interface HttpServerOptions {
  core: Core;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  host: string;
  port: number;
  /**
   * Names beyond the loopback ones (and `host`) that browsers may use for this server, e.g.
   * `dispatch.example.com` or `dispatch.example.com:8443` (npm run serve -- --allowed-host).
   */
  allowedHosts?: readonly string[];
  /** The public feedback page's limit per remote address (default: 20 at once, 20 a minute). */
  feedbackRateLimit?: { burst: number; perMinute: number };
}

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

function credentialsOf(req: http.IncomingMessage): Credentials {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  return {
    apiToken: bearer,
    sessionToken: bearer ? undefined : cookieValue(req.headers.cookie, SESSION_COOKIE),
    // The peer, not X-Forwarded-For: a header anyone can write must not pick whose count grows.
    address: req.socket.remoteAddress,
  };
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

/** Reads a JSON body up to the limit; answers null (and has already replied) when it cannot. */
async function readJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: BodyLimit,
): Promise<{ value: unknown } | null> {
  const read = await readBody(req, limit.bytes);
  if (read.kind === 'aborted') return null;
  if (read.kind === 'too_large') {
    const failure = limit.failure;
    answerUnread(req, () =>
      sendJson(res, refusedBodyStatus(failure), { ok: false, error: failure }, { Connection: 'close' }),
    );
    return null;
  }
  const text = read.body.toString('utf8');
  if (text.trim() === '') return { value: {} };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    sendResult(res, fail('invalid_input', 'The request body is not valid JSON.'));
    return null;
  }
}

function sessionCookie(token: string, expiresAt: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Expires=${new Date(expiresAt).toUTCString()}`;
}

const clearedCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

async function handleRpc(core: Core, method: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    sendResult(res, fail('invalid_input', 'Send the input as JSON (Content-Type: application/json).'));
    return;
  }
  // The core knows who may send a large body (an upload): a caller it does not know is refused
  // before a byte is read.
  const credentials = credentialsOf(req);
  const body = await readJson(req, res, await core.bodyLimit(method, credentials));
  if (!body) return;
  const outcome = await core.invoke(method, body.value, credentials);
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
          // Said before the stream ends, so the console signs out at once (a disabled user, a
          // reset password) instead of retrying a stream that will not open again.
          res.write(`event: ${SIGNED_OUT_EVENT}\ndata: {}\n\n`);
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

/** GET /tiles/{z}/{x}/{y}: a tile of the street file, for a logged-in user (the core picks the file). */
async function handleTile(core: Core, url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, WRONG_VERB_STATUS, fail('invalid_input', 'Not allowed.'), { Allow: 'GET, HEAD' });
  }
  if (!(await core.authenticate(credentialsOf(req)))) return sendResult(res, fail('unauthenticated', 'Log in first.'));
  const answer = await core.streetTile(url.pathname, url.searchParams.get('v'));
  res.writeHead(answer.status, { ...securityHeaders, ...answer.headers });
  res.end(req.method === 'HEAD' ? undefined : (answer.body ?? undefined));
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

/**
 * Every request, for a method, the event stream or a page, must name this server in its Host
 * (DNS rebinding) and, when a browser says where it comes from, come from one of its pages. A
 * cross-site page also cannot send JSON without a preflight we never answer, and the cookie is
 * SameSite=Strict; but a page on a rebinding name is same-site to its own name, so these checks
 * are what stop it.
 */
function refusal(guard: HostGuard, req: http.IncomingMessage): Result<never> | null {
  const host = req.headers.host;
  if (!guard.allowsHost(host)) {
    const named = host ? `the name ${JSON.stringify(host.slice(0, 100))}` : 'a request without a Host';
    return fail(
      'forbidden',
      `This server does not answer to ${named}: open it by a name it was started with (see --allowed-host).`,
    );
  }
  const origin = req.headers.origin;
  // The feedback page sends Referrer-Policy: no-referrer, under which a browser posts its own form
  // with `Origin: null`; there the token in the path is the capability, and a page elsewhere
  // cannot know it. Any other origin is still refused.
  const opaqueAllowed = origin === 'null' && (req.url ?? '').startsWith(FEEDBACK_PATH);
  if (origin !== undefined && !opaqueAllowed && !guard.allowsOrigin(origin)) {
    return fail('forbidden', 'Cross-origin requests are not accepted.');
  }
  return null;
}

/** Browser mode: the same core as the desktop app, over POST /api/<method> and SSE /api/events. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { core, staticDir } = options;
  const guard = createHostGuard({
    listenHost: options.host,
    allowedHosts: options.allowedHosts ?? [],
    port: () => (server.address() as AddressInfo).port,
  });
  const feedbackLimiter = tokenBucketLimiter(options.feedbackRateLimit ?? { burst: 20, perMinute: 20 });
  const server = http.createServer((req, res) => {
    const route = async () => {
      const refused = refusal(guard, req);
      if (refused) return sendResult(res, refused);
      const url = URL.parse(req.url ?? '/', 'http://localhost');
      if (!url) return sendResult(res, fail('invalid_input', 'The request target is not a URL.'));
      if (url.pathname.startsWith(FEEDBACK_PATH)) {
        const token = url.pathname.slice(FEEDBACK_PATH.length);
        return handleFeedbackPage(core, feedbackLimiter, securityHeaders, req, res, token);
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(core, req, res);
      if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
      if (url.pathname.startsWith(STREET_TILE_PATH)) return handleTile(core, url, req, res);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          return sendJson(res, WRONG_VERB_STATUS, fail('invalid_input', 'Call methods with POST.'), { Allow: 'POST' });
        }
        return handleRpc(core, url.pathname.slice('/api/'.length), req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, WRONG_VERB_STATUS, fail('invalid_input', 'Not allowed.'), { Allow: 'GET, HEAD' });
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
  // Listening on every address, the server is reached here by its loopback name.
  const reachable = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const host = address.family === 'IPv6' ? `[${reachable}]` : reachable;
  const url = `http://${host}:${address.port}`;
  // The default start of feedback links, unless an admin sets a public address.
  core.announceServedAt(url);
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
