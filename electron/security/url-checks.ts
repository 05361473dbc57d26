// Pure URL checks, kept apart from harden-window.ts so they need no electron to test.

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

// decodeURIComponent throws on a malformed escape ("%E0%A4%A", a lone "%"): such a path is not ours.
function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page (any hash route, no query), as loaded from `indexUrl`.
 * Compared by parsed path, not by string prefix, so "index.html.evil" or a sibling file fails.
 */
export function isAppPage(url: string, indexUrl: string): boolean {
  const candidate = parse(url);
  const index = parse(indexUrl);
  if (!candidate || !index || candidate.protocol !== 'file:' || index.protocol !== 'file:') return false;
  if (candidate.host !== index.host || candidate.search !== '') return false;
  const a = decodedPath(candidate);
  const b = decodedPath(index);
  if (a === null || b === null) return false;
  // Windows paths are case-insensitive, and Chromium may spell the drive letter differently.
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
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
