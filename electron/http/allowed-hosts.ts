import { isIP } from 'node:net';

/** The names a browser on this machine uses for the server; they always resolve to loopback. */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

const WILDCARD_ADDRESSES = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * A host name as a browser sends it in Host and Origin: lower case, IPv6 in brackets, an
 * international name in punycode, with its port if one is given. Throws on anything that is not
 * a host name with an optional port (a URL, a path, a user name).
 */
export function normalizeHostName(raw: string): string {
  const trimmed = raw.trim().toLowerCase();
  const bracketed = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}`);
  } catch {
    throw new Error(`"${raw}" is not a host name.`);
  }
  const extra = url.username || url.password || url.pathname !== '/' || url.search || url.hash;
  if (trimmed === '' || extra || url.hostname === '') throw new Error(`"${raw}" is not a host name.`);
  return url.host;
}

export interface HostGuard {
  /** Whether a request's Host header names this server (and not a rebinding DNS name). */
  allowsHost(host: string | undefined): boolean;
  /** Whether an Origin header is a page of this server. */
  allowsOrigin(origin: string): boolean;
}

/**
 * DNS rebinding: a page on any name its owner points at 127.0.0.1 reaches this server as "the
 * same origin" as itself, so the Host header is the only thing that tells it apart. The server
 * answers to the loopback names and the address it listens on, at its own port, and to names an
 * admin adds (`--allowed-host`): those at its port or at the default port (behind a proxy), or
 * at exactly the port the admin wrote.
 */
export function createHostGuard(options: {
  listenHost: string;
  /** The port the server listens on (known once it listens, when it was asked for port 0). */
  port: () => number;
  allowedHosts: readonly string[];
}): HostGuard {
  const exactNames = new Set<string>(LOOPBACK_NAMES);
  if (!WILDCARD_ADDRESSES.has(options.listenHost)) exactNames.add(normalizeHostName(options.listenHost));
  const addedNames = new Set<string>();
  const addedHosts = new Set<string>();
  for (const raw of options.allowedHosts) {
    const host = normalizeHostName(raw);
    if (new URL(`http://${host}`).port === '') addedNames.add(host);
    else addedHosts.add(host);
  }

  function allows(url: URL): boolean {
    const port = options.port();
    // URL drops the scheme's default port, so a server on port 80 is addressed by its bare name.
    if (exactNames.has(url.hostname) && url.port === (port === 80 ? '' : String(port))) return true;
    if (addedNames.has(url.hostname) && (url.port === '' || url.port === String(port))) return true;
    return addedHosts.has(url.host);
  }

  return {
    allowsHost(host) {
      if (!host) return false;
      try {
        return allows(new URL(`http://${normalizeHostName(host)}`));
      } catch {
        return false;
      }
    },
    allowsOrigin(origin) {
      try {
        const url = new URL(origin);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && allows(url);
      } catch {
        return false;
      }
    },
  };
}
