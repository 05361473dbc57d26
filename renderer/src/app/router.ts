import { useSyncExternalStore } from 'react';

// Hash routes: the renderer is loaded from file:// in Electron, where path routes cannot work.
export type Route = { name: 'queue' } | { name: 'intake' };

function parse(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'intake') return { name: 'intake' };
  return { name: 'queue' };
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
