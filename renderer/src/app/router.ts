import { useSyncExternalStore } from 'react';

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
export type Route = { name: (typeof routeNames)[number] };

function parse(hash: string, landing: Route['name']): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\?.*$/, '');
  const name = routeNames.find((r) => r === path);
  return { name: name ?? landing };
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; `landing` when the address names none (each role has its own first view). */
export function useRoute(landing: Route['name'] = 'queue'): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash, landing);
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route.name}`;
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
