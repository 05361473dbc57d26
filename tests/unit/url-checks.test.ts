import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../electron/security/app-protocol';
import { externalLinkTarget, isAppPage } from '../../electron/security/url-checks';

describe('isAppPage', () => {
  it.each([
    ['the page', 'app://dispatch/index.html'],
    ['a hash route', 'app://dispatch/index.html#/board'],
    ['an empty hash', 'app://dispatch/index.html#'],
  ])('accepts %s', (_what, url) => {
    expect(isAppPage(url, APP_INDEX_URL)).toBe(true);
  });

  it.each([
    ['the page over file://', 'file:///opt/dispatch/dist/renderer/index.html'],
    ['another host on app://', 'app://evil/index.html'],
    ['a port', 'app://dispatch:8080/index.html'],
    ['credentials', 'app://user:pw@dispatch/index.html'],
    ['a query', 'app://dispatch/index.html?next=https://evil.example'],
    ['a longer name', 'app://dispatch/index.html.evil'],
    ['a sibling file', 'app://dispatch/assets/index-abc.js'],
    ['the root path', 'app://dispatch/'],
    ['an encoded name', 'app://dispatch/index%2Ehtml'],
    ['a malformed escape', 'app://dispatch/%E0%A4%A'],
    ['a lone percent sign', 'app://dispatch/%'],
    ['https', 'https://dispatch/index.html'],
    ['no URL', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(isAppPage(url, APP_INDEX_URL)).toBe(false);
  });

  it('refuses everything when the index itself is not on app://', () => {
    const fileIndex = 'file:///opt/dispatch/dist/renderer/index.html';
    expect(isAppPage(fileIndex, fileIndex)).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it.each([
    [
      'an allow-listed https link',
      'https://www.openstreetmap.org/#map=12/52/13',
      'https://www.openstreetmap.org/#map=12/52/13',
    ],
    ['an allow-listed host in capitals', 'https://LEAFLETJS.COM/', 'https://leafletjs.com/'],
    ['a look-alike host', 'https://openstreetmap.org.evil.example/', null],
    ['credentials disguising the host', 'https://www.openstreetmap.org@evil.example/', null],
    ['a javascript: link', 'javascript:alert(1)', null],
    ['a file link', 'file:///etc/passwd', null],
    ['an app link', 'app://dispatch/index.html', null],
  ])('%s', (_what, url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });
});
