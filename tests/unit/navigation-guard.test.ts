import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL as INDEX_URL } from '../../electron/security/app-protocol';
import { blockUnlessAppPage, type NavigationAttempt } from '../../electron/security/navigation-guard';

/** A navigation event as Electron hands it over, recording whether it was cancelled. */
function attemptTo(url: string): NavigationAttempt & { prevented: boolean } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('blockUnlessAppPage', () => {
  it('lets the app page through, with any hash route', () => {
    const attempt = attemptTo(`${INDEX_URL}#/tickets/42`);
    expect(blockUnlessAppPage(attempt, INDEX_URL)).toBe(false);
    expect(attempt.prevented).toBe(false);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a sibling file', 'app://dispatch/other.html'],
    ['the page over file://', 'file:///opt/dispatch/resources/app.asar/dist/renderer/index.html'],
    // decodeURIComponent throws on these: the check failing must block, not let through.
    ['a malformed escape in a file URL', 'file:///opt/dispatch/resources/app.asar/dist/renderer/%E0%A4%A'],
    ['a lone percent sign in a file URL', 'file:///opt/dispatch/%'],
    ['a malformed escape in an app URL', 'app://dispatch/%E0%A4%A'],
    ['no URL at all', 'not a url'],
  ])('blocks %s', (_what, url) => {
    const attempt = attemptTo(url);
    expect(blockUnlessAppPage(attempt, INDEX_URL)).toBe(true);
    expect(attempt.prevented).toBe(true);
  });

  it('blocks the navigation when reading the event itself fails', () => {
    let prevented = false;
    const attempt: NavigationAttempt = {
      get url(): string {
        throw new Error('the event is gone');
      },
      preventDefault() {
        prevented = true;
      },
    };
    expect(blockUnlessAppPage(attempt, INDEX_URL)).toBe(true);
    expect(prevented).toBe(true);
  });
});
