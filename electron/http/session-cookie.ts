/**
 * The value of one cookie from a Cookie header, or undefined when it is absent or unreadable.
 * Only that cookie is decoded: cookies are shared by every server on the same host name (ports do
 * not separate them), so another local app's cookie may hold anything, a bare % included, and must
 * never stop this server from answering.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (value === '') return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      // A malformed escape is a cookie we did not write: the caller is simply not signed in.
      return undefined;
    }
  }
  return undefined;
}
