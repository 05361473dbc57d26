import { useMemo, useSyncExternalStore } from 'react';

// Hash routes: Electron serves only real files under app:// (index.html for the page), so a path
// route reloaded there would be refused; the hash never reaches the protocol handler.
export const routeNames = [
  'queue',
  'intake',
  'board',
  'map',
  'escalations',
  'technicians',
  'sla-admin',
  'my-day',
  'parts',
  'reviews',
  'reports',
  'clients',
  'audit',
  'mail-admin',
  'message-templates',
  'messages',
  'schedule',
  'backup',
  'users',
] as const;
/**
 * A view and what it was opened on (`#/schedule?date=2027-03-02&team=North`): the query part
 * lives in the hash too, so a reload or a bookmark opens the same thing.
 */
export type Route = { name: (typeof routeNames)[number]; params?: Readonly<Record<string, string>> };

/** The route a hash names; `landing` when it names none. */
export function parseRoute(hash: string, landing: Route['name']): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const name = routeNames.find((r) => r === path);
  if (!name) return { name: landing };
  const params = Object.fromEntries(new URLSearchParams(query));
  return Object.keys(params).length > 0 ? { name, params } : { name };
}

/** The hash for a route, its parameters encoded as a query (`#/schedule?date=…`). */
export function routeHash(route: Route): string {
  const query = new URLSearchParams(route.params).toString();
  return `#/${route.name}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; `landing` when the address names none (each role has its own first view). */
export function useRoute(landing: Route['name'] = 'queue'): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Memoised on the hash: useSyncExternalStore needs the same object while nothing changed.
  return useMemo(() => parseRoute(hash, landing), [hash, landing]);
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** Changes the current route's parameters without a new history entry (a picker's choice). */
export function replaceRoute(route: Route): void {
  window.history.replaceState(null, '', routeHash(route));
  // replaceState fires no hashchange: tell the subscribers, as a navigation would.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A value the current view keeps in its address after "?" (e.g. which report), so a reload or a link keeps it. */
export function useRouteParam(key: string): string | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get(key);
}

export function setRouteParam(key: string, value: string): void {
  const [path = '', query = ''] = window.location.hash.split('?');
  const params = new URLSearchParams(query);
  params.set(key, value);
  window.location.hash = `${path}?${params.toString()}`;
}
