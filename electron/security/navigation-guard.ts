// The navigation decision of harden-window.ts, kept free of electron so it can be tested.
import { isAppPage } from './url-checks';

/** The part of Electron's will-frame-navigate and will-redirect events that the guard uses. */
export interface NavigationAttempt {
  readonly url: string;
  preventDefault(): void;
}

function goesToAppPage(attempt: NavigationAttempt, indexUrl: string): boolean {
  try {
    return isAppPage(attempt.url, indexUrl);
  } catch {
    // A check that fails must deny: an exception here would otherwise skip preventDefault and
    // let the navigation go ahead.
    return false;
  }
}

/** Blocks the navigation unless it goes to the app's own page; true when it was blocked. */
export function blockUnlessAppPage(attempt: NavigationAttempt, indexUrl: string): boolean {
  if (goesToAppPage(attempt, indexUrl)) return false;
  attempt.preventDefault();
  return true;
}
