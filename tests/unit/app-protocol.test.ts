import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
  requestedSegments,
  resolveAppFile,
} from '../../electron/security/app-protocol';

const SECRET = 'the database password';

// A built renderer folder, a secret beside it, and links that stay inside or lead out.
let base: string;
let root: string;
let linkedRoot: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Dispatch Console</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), 'raw');
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(base, 'outside'));
  fs.writeFileSync(path.join(base, 'outside', 'x.js'), SECRET);
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link-out.txt'));
  fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'dir-out'));
  fs.symlinkSync(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'link-in.js'));
  // The root itself reached through a link, as /var is on macOS.
  linkedRoot = path.join(base, 'renderer-link');
  fs.symlinkSync(root, linkedRoot);
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

async function get(url: string, dir = root, method = 'GET'): Promise<Response> {
  return appProtocolResponse(new Request(url, { method }), dir);
}

describe('requestedSegments', () => {
  it.each([
    ['/', 'app://dispatch/', ['index.html']],
    ['the index', 'app://dispatch/index.html', ['index.html']],
    ['an asset', 'app://dispatch/assets/index-abc.js', ['assets', 'index-abc.js']],
    ['a hash route and a query', 'app://dispatch/index.html?x=1#/queue', ['index.html']],
    ['an escaped space', 'app://dispatch/a%20b.png', ['a b.png']],
    // The URL parser resolves plain and %2e dot segments before we see the path.
    ['../ clamped at the root', 'app://dispatch/../../secret.txt', ['secret.txt']],
    ['%2e%2e clamped at the root', 'app://dispatch/%2e%2e/%2E%2E/secret.txt', ['secret.txt']],
    ['a double-encoded dot segment, kept as a name', 'app://dispatch/%252e%252e/secret.txt', ['%2e%2e', 'secret.txt']],
  ])('reads %s', (_what, url, segments) => {
    expect(requestedSegments(url)).toEqual({ ok: true, segments });
  });

  it.each([
    ['an encoded slash', 'app://dispatch/assets/..%2f..%2fsecret.txt', 400],
    ['an encoded absolute path', 'app://dispatch/%2Fetc%2Fpasswd', 400],
    ['a backslash', 'app://dispatch/..\\..\\secret.txt', 400],
    ['an encoded backslash', 'app://dispatch/..%5c..%5csecret.txt', 400],
    ['a drive letter', 'app://dispatch/C:%5CWindows%5Cwin.ini', 400],
    ['a NUL', 'app://dispatch/index.html%00.png', 400],
    ['an empty segment (absolute path)', 'app://dispatch//etc/passwd', 400],
    ['a folder (trailing slash)', 'app://dispatch/assets/', 400],
    ['a malformed escape', 'app://dispatch/%E0%A4%A', 400],
    ['a lone percent sign', 'app://dispatch/%', 400],
    ['credentials', 'app://user:pw@dispatch/index.html', 400],
    ['another host', 'app://evil/index.html', 404],
    ['a port', 'app://dispatch:1234/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['no URL', 'index.html', 400],
  ])('refuses %s', (_what, url, status) => {
    expect(requestedSegments(url)).toMatchObject({ ok: false, status });
  });
});

describe('resolveAppFile', () => {
  it('finds a file inside the folder, through the real path', async () => {
    const lookup = await resolveAppFile('app://dispatch/assets/index-abc.js', root);
    expect(lookup).toEqual({
      ok: true,
      file: fs.realpathSync(path.join(root, 'assets', 'index-abc.js')),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('follows a link that stays inside the folder', async () => {
    const lookup = await resolveAppFile('app://dispatch/link-in.js', root);
    expect(lookup).toMatchObject({ ok: true, file: fs.realpathSync(path.join(root, 'assets', 'index-abc.js')) });
  });

  it('serves from a root that is itself reached through a link', async () => {
    expect(await resolveAppFile(APP_INDEX_URL, linkedRoot)).toMatchObject({ ok: true });
  });

  it.each([
    ['a link to a file outside', 'app://dispatch/link-out.txt'],
    ['a link to a folder outside', 'app://dispatch/dir-out/x.js'],
  ])('refuses %s', async (_what, url) => {
    expect(await resolveAppFile(url, root)).toEqual({
      ok: false,
      status: 403,
      reason: 'a link out of the renderer folder',
    });
  });

  it.each([
    ['a missing file', 'app://dispatch/missing.js'],
    ['a folder', 'app://dispatch/assets'],
    ['the secret named from the root', 'app://dispatch/../secret.txt'],
  ])('answers 404 for %s', async (_what, url) => {
    expect(await resolveAppFile(url, root)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('appProtocolResponse', () => {
  it('serves the page with its type and the CSP', async () => {
    const response = await get('app://dispatch/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Dispatch Console</title>');
  });

  it.each([
    ['app://dispatch/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['app://dispatch/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://dispatch/assets/data.bin', 'application/octet-stream', 'raw'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('answers HEAD without a body', async () => {
    const response = await get(APP_INDEX_URL, root, 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses to take a POST', async () => {
    const response = await get(APP_INDEX_URL, root, 'POST');
    expect(response.status).toBe(405);
  });

  it.each([
    ['app://dispatch/link-out.txt', 403],
    ['app://dispatch/..%2fsecret.txt', 400],
    ['app://dispatch/missing.js', 404],
  ])('refuses %s with %i and a plain-text reason', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).not.toContain(SECRET);
  });

  it('never serves a byte from outside the folder, however the path is spelled', async () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2e',
      '%2e',
      '%252e%252e',
      '..%2f',
      '%2f',
      '%5c',
      '\\',
      '',
      '%00',
      'assets',
      'index.html',
      'link-out.txt',
      'dir-out',
      'x.js',
      'secret.txt',
      'outside',
      'renderer',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), async (pieces) => {
        const response = await get(`app://dispatch/${pieces.join('/')}`);
        const body = await response.text();
        expect(body).not.toContain(SECRET);
        if (response.status === 200) {
          const lookup = await resolveAppFile(`app://dispatch/${pieces.join('/')}`, root);
          expect(lookup.ok && lookup.file.startsWith(fs.realpathSync(root) + path.sep)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the scheme and its policy', () => {
  it('is standard and secure, and not CORS-enabled, CSP-bypassing or fetchable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true });
  });

  it('repeats every directive of the page’s own meta policy', () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = APP_CONTENT_SECURITY_POLICY.split('; ');
    for (const directive of (meta ?? '').split(';').map((d) => d.trim())) {
      expect(header).toContain(directive);
    }
    expect(header).toEqual(expect.arrayContaining(["object-src 'none'", "frame-ancestors 'none'"]));
  });
});
