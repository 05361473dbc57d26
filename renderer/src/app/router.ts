import { useSyncExternalStore } from 'react';

// Hash routes: the renderer is loaded from file:// in Electron, where path routes cannot work.
export const routeNames = [
  'queue',
  'intake',
  'board',
  'map',
  'escalations',
  'technicians',
  'sla-admin',
  'reviews',
] as const;
export type Route = { name: (typeof routeNames)[number] };

function parse(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const name = routeNames.find((r) => r === path);
  return { name: name ?? 'queue' };
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route.name}`;
}
