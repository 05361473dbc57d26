// The app:// protocol that serves the built renderer to the Electron window (Electron's security
// checklist, item 18: no file://). Plain Node, so every refusal is tested without electron; the
// shell only registers the scheme and hands requests to appProtocolResponse.
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dispatch';
/** The window's page. Its hash routes are the renderer's; any other path is a file beside it. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged. `standard` gives the scheme an origin, so 'self' in
 * the CSP and relative asset URLs work; `secure` makes the page a secure context, as file:// was.
 * Nothing else: the page fetches nothing from app:// (the core is reached over IPC), and
 * corsEnabled would let other origins read these files without any CORS check.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

/**
 * Sent with every response. It repeats the page's own <meta> policy (renderer/index.html, also
 * used by browser mode) and adds what a meta tag cannot say or the page never needs.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  // FullCalendar's icon font is a data: URL inside its own bundle; refused, every load of the
  // board logged an error. A font cannot run code, so data: fonts cost nothing to allow.
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// What the Vite build emits (html, js, css) and what it may emit as assets. Module scripts are
// refused by Chromium unless served with a JavaScript type, so this is not cosmetic.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
// With nosniff, an unknown type is only ever downloaded, never run or rendered.
const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}

export type AppFileLookup =
  { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

type Refusal = Extract<AppFileLookup, { ok: false }>;
const refuse = (status: Refusal['status'], reason: string): Refusal => ({ ok: false, status, reason });

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** True when `target` is `root` itself or below it; both absolute and normalized. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The relative path a request asks for, as decoded path segments, or why it is refused. The URL
 * parser has already resolved plain and %2e dot segments; what it leaves (an encoded slash or
 * backslash, a drive letter, a NUL) would only be read as a separator or a root by the file
 * system, so a segment carrying one is refused rather than cleaned.
 */
export function requestedSegments(url: string): { ok: true; segments: string[] } | Refusal {
  const parsed = parse(url);
  if (!parsed) return refuse(400, 'not a URL');
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') {
    return refuse(404, 'not the app origin');
  }
  if (parsed.username !== '' || parsed.password !== '') return refuse(400, 'credentials in the URL');
  if (parsed.pathname === '/') return { ok: true, segments: ['index.html'] };

  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    if (segment === null) return refuse(400, 'a malformed escape in the path');
    if (segment === '' || segment === '.' || segment === '..') return refuse(400, 'an empty or dot segment');
    if (/[/\\:\0]/.test(segment)) return refuse(400, 'a separator, drive or NUL inside a segment');
    segments.push(segment);
  }
  return { ok: true, segments };
}

/**
 * The file under `rootDir` that an app:// URL names, or why it is refused. Symbolic links are
 * followed and the real path must still be inside the real root, so a link cannot lead out.
 */
export async function resolveAppFile(url: string, rootDir: string): Promise<AppFileLookup> {
  const requested = requestedSegments(url);
  if (!requested.ok) return requested;

  const root = path.resolve(rootDir);
  const candidate = path.join(root, ...requested.segments);
  // Unreachable after the segment checks; kept so a later change to them cannot open the door.
  if (!isInside(root, candidate)) return refuse(400, 'outside the renderer folder');

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fsp.realpath(root);
    realFile = await fsp.realpath(candidate);
  } catch {
    return refuse(404, 'no such file');
  }
  if (!isInside(realRoot, realFile)) return refuse(403, 'a link out of the renderer folder');

  const stats = await fsp.stat(realFile).catch(() => null);
  if (!stats?.isFile()) return refuse(404, 'not a file');
  return { ok: true, file: realFile, contentType: contentTypeOf(realFile) };
}

const COMMON_HEADERS = {
  'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // An update replaces index.html and its hashed assets together; never show a stale index.
  'Cache-Control': 'no-cache',
};

function refusalResponse(status: number, reason: string): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** A tile of the street file as the core answers it (see the core's streetTile). */
export interface StreetTileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}
export type StreetTileSource = (pathname: string, version: string | null) => Promise<StreetTileAnswer>;

/** The path under which app:// serves the street file's tiles instead of renderer files. */
const TILE_PREFIX = '/tiles/';

function tileRequest(url: string): URL | null {
  const parsed = parse(url);
  const ours = parsed?.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.port === '';
  return ours && parsed.pathname.startsWith(TILE_PREFIX) ? parsed : null;
}

/**
 * The answer to one app:// request: a tile of the street file from `tiles` for /tiles/…, else the
 * file from `rootDir`, or a refusal with its reason. Only the app's own windows load app://, so
 * tiles need no login here; the core still picks the file and refuses any other path.
 */
export async function appProtocolResponse(
  request: Request,
  rootDir: string,
  tiles?: StreetTileSource,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refusalResponse(405, 'only GET and HEAD');
  }
  const tile = tiles ? tileRequest(request.url) : null;
  if (tiles && tile) {
    const answer = await tiles(tile.pathname, tile.searchParams.get('v'));
    const body =
      request.method === 'HEAD' || answer.status === 204 || !answer.body ? null : new Uint8Array(answer.body);
    return new Response(body, {
      status: answer.status,
      headers: { ...COMMON_HEADERS, ...answer.headers },
    });
  }
  const lookup = await resolveAppFile(request.url, rootDir);
  if (!lookup.ok) return refusalResponse(lookup.status, lookup.reason);

  const body = request.method === 'HEAD' ? null : await fsp.readFile(lookup.file).catch(() => null);
  if (request.method === 'GET' && body === null) return refusalResponse(404, 'no such file');
  return new Response(body, { status: 200, headers: { ...COMMON_HEADERS, 'Content-Type': lookup.contentType } });
}
