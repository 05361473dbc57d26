import { useSyncExternalStore } from 'react';
import { parseUnseen, withChange, withoutVisits, type UnseenChange } from './unseen-changes';

// One list per login on this workstation; several windows of one login share it through storage.
const keyOf = (userId: string) => `dispatch.unseen.${userId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; list: UnseenChange[] }>();

function read(userId: string): UnseenChange[] {
  const raw = localStorage.getItem(keyOf(userId));
  const cached = cache.get(userId);
  // The same array while storage is unchanged, as useSyncExternalStore requires.
  if (cached && cached.raw === raw) return cached.list;
  const list = parseUnseen(raw);
  cache.set(userId, { raw, list });
  return list;
}

function write(userId: string, list: UnseenChange[]): void {
  if (list.length === 0) localStorage.removeItem(keyOf(userId));
  else localStorage.setItem(keyOf(userId), JSON.stringify(list));
  listeners.forEach((l) => l());
}

export function recordUnseen(userId: string, change: UnseenChange): void {
  write(userId, withChange(read(userId), change));
}

export function markSeen(userId: string, visitIds: readonly string[]): void {
  write(userId, withoutVisits(read(userId), visitIds));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key?.startsWith('dispatch.unseen.') && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The changes to this login's visits not yet seen, oldest first. */
export function useUnseenChanges(userId: string): UnseenChange[] {
  return useSyncExternalStore(subscribe, () => read(userId));
}
