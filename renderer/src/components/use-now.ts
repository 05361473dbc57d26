import { useSyncExternalStore } from 'react';

// One timer for the whole console, however many countdowns are on screen: each visible countdown
// subscribes while it is mounted, so a virtualized grid ticks only the rows it shows.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time in milliseconds, re-rendering every second while the component is mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/**
 * The time now in steps of `stepMs`: re-renders only when a step passes, for counts and filters
 * over thousands of tickets that need not change every second.
 */
export function useNowInSteps(stepMs: number): number {
  return useSyncExternalStore(subscribe, () => Math.floor(now / stepMs) * stepMs);
}
