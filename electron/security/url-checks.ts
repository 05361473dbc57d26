// Pure URL checks, kept apart from harden-window.ts so they need no electron to test.
import { APP_SCHEME } from './app-protocol';

/**
 * Hosts whose links may open in the user's browser. Exact names only: a suffix or substring
 * test would also let "openstreetmap.org.evil.example" through.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'www.openstreetmap.org',
  'openstreetmap.org',
  'leafletjs.com',
]);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page (any hash route, no query), as loaded from `indexUrl` on
 * the app:// scheme. Compared by parsed parts, not by string prefix, so "index.html.evil", a
 * sibling file or another host fails; the path is compared as the parser left it, never decoded,
 * so a malformed escape is simply not our page.
 */
export function isAppPage(url: string, indexUrl: string): boolean {
  const candidate = parse(url);
  const index = parse(indexUrl);
  if (!candidate || !index || index.protocol !== `${APP_SCHEME}:`) return false;
  return (
    candidate.protocol === index.protocol &&
    candidate.host === index.host &&
    candidate.pathname === index.pathname &&
    candidate.search === '' &&
    candidate.username === '' &&
    candidate.password === ''
  );
}

/** The normalized link to open externally, or null when it is not an allow-listed http(s) link. */
export function externalLinkTarget(
  url: string,
  allowedHosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS,
): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  // Credentials in a link are a classic disguise ("https://trusted@evil"); refuse them outright.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return allowedHosts.has(parsed.hostname.toLowerCase()) ? parsed.href : null;
}
