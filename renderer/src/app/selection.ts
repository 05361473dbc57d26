import { useSyncExternalStore } from 'react';

/**
 * What the coordinator has selected, shared by the board and the map so that selecting on one
 * selects on the other. Kept outside React state because the two views are separate lazy trees.
 */
export interface Selection {
  technicianId: string | null;
  ticketId: string | null;
  /** The day both views show, YYYY-MM-DD in the organisation's zone. */
  day: string | null;
}

let current: Selection = { technicianId: null, ticketId: null, day: null };
const listeners = new Set<() => void>();

export function select(change: Partial<Selection>): void {
  const next = { ...current, ...change };
  if (next.technicianId === current.technicianId && next.ticketId === current.ticketId && next.day === current.day)
    return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSelection(): Selection {
  return useSyncExternalStore(subscribe, () => current);
}
