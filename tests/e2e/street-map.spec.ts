import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import type { ClientDto } from '../../shared/domain/directory';
import { pngBytes } from '../support/images';
import { writeMbtiles, type MbtilesTile } from '../support/mbtiles';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { startFreshServer } from './pages/fresh-server';
import { MapPage } from './pages/map-page';

test.use({ viewport: { width: 1440, height: 1000 } });

let disposers: (() => unknown)[] = [];
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

// A street file of the spec's own: every tile around downtown Newark from zoom 0 to 14, each a
// 256-pixel picture coloured by its zoom level, as a city extract would have (in miniature).
const area = { west: -74.2, south: 40.72, east: -74.15, north: 40.75 };
const site = { latitude: 40.7357, longitude: -74.1724 };

function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

function cityTiles(): MbtilesTile[] {
  const tiles: MbtilesTile[] = [];
  for (let z = 0; z <= 14; z++) {
    for (let x = tileX(area.west, z); x <= tileX(area.east, z); x++) {
      for (let y = tileY(area.north, z); y <= tileY(area.south, z); y++) {
        tiles.push({ z, x, y, data: pngBytes(256, 256, z * 17 + x + y) });
      }
    }
  }
  return tiles;
}

/** Every tile response the page gets from the console, to check what the map loaded. */
function tileResponses(page: Page): Response[] {
  const seen: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/tiles/')) seen.push(response);
  });
  return seen;
}

async function expectTilesLoaded(seen: Response[]): Promise<void> {
  await expect.poll(() => seen.filter((r) => r.status() === 200).length, { timeout: 10_000 }).toBeGreaterThan(0);
  for (const response of seen.filter((r) => r.status() === 200)) {
    expect(await response.headerValue('content-type')).toBe('image/png');
    expect(response.request().resourceType()).toBe('image');
  }
  // Only tiles the file has are asked for (its bounds and zoom range), so none is refused.
  expect(seen.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
}

test('an admin sets the offline street file; a dispatcher switches the map to it and its tiles load, in the site map too', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startFreshServer();
  disposers.push(() => server.stop());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'street-file-'));
  disposers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'newark.mbtiles');
  writeMbtiles(
    file,
    {
      name: 'Newark streets',
      format: 'png',
      minzoom: '0',
      maxzoom: '14',
      bounds: `${area.west},${area.south},${area.east},${area.north}`,
      attribution: '© OpenStreetMap contributors',
    },
    cityTiles(),
  );

  // The admin names the file under Settings; a wrong path is refused at the field first.
  const admin = await openConsoleAs(browser, 'admin', undefined, { baseURL: server.url });
  await admin.getByRole('tab', { name: 'Settings' }).click();
  const panel = admin.getByRole('region', { name: 'Offline street map' });
  await panel.getByLabel('Street file (full path)').fill(path.join(dir, 'newark.pmtiles'));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByLabel('Street file (full path)')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('There is no such file');
  await panel.getByLabel('Street file (full path)').fill(file);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await expect(panel.getByLabel('Street file in use')).toHaveText(
    'In use: PNG tiles, zoom 0 to 14; © OpenStreetMap contributors',
  );
  await panel.scrollIntoViewIfNeeded();
  await screenshot(admin, 'street-map-admin');

  // A dispatcher chooses it on the map at their workstation; the tiles come from the console.
  const dispatcher = await openConsoleAs(browser, 'dispatcher', undefined, { baseURL: server.url });
  const seen = tileResponses(dispatcher);
  const map = new MapPage(dispatcher);
  await map.open();
  expect(seen).toEqual([]);
  await dispatcher.getByRole('radio', { name: 'Offline street file (from the console)' }).check();
  await expect(map.map.locator('.leaflet-tile-pane img.leaflet-tile-loaded').first()).toBeVisible();
  await expect(map.map).toContainText('© OpenStreetMap contributors');
  await expectTilesLoaded(seen);
  await expect(dispatcher.getByRole('alert', { name: 'Basemap' })).toHaveCount(0);
  await screenshot(dispatcher, 'street-map-dispatch-map');

  // The site-placing map on this workstation uses it too, at street zoom.
  const client = await invoke<ClientDto>(dispatcher, 'clients.create', { name: `Newark Works ${Date.now()}` });
  await invoke(dispatcher, 'sites.create', {
    clientId: client.id,
    name: 'Gateway depot',
    address: '1 Gateway Center, Newark',
    ...site,
  });
  seen.length = 0;
  await dispatcher.getByRole('tab', { name: 'Clients' }).click();
  await dispatcher.getByLabel('Search clients').fill(client.name);
  await dispatcher.getByRole('list', { name: 'Clients' }).getByRole('button', { name: client.name }).click();
  await dispatcher
    .getByRole('article', { name: 'Site Gateway depot' })
    .getByRole('button', { name: 'Edit site Gateway depot' })
    .click();
  const form = dispatcher.getByRole('form', { name: 'Edit site Gateway depot' });
  await form.getByRole('button', { name: 'Place on the map' }).click();
  const siteMap = form.getByRole('application', { name: 'Map: click where the site is' });
  await expect(siteMap.locator('.leaflet-tile-pane img.leaflet-tile-loaded').first()).toBeVisible();
  await expectTilesLoaded(seen);
  // Street zoom (16) is past the file's deepest level (14): its tiles are enlarged, not asked for.
  expect(seen.every((r) => new URL(r.url()).pathname.startsWith('/tiles/14/'))).toBe(true);
  await siteMap.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'street-map-site-map');

  // The file goes (an unmounted share): the map says so and falls back to the shapes.
  fs.rmSync(file);
  await dispatcher.reload();
  await map.open();
  await expect(dispatcher.getByRole('alert', { name: 'Basemap' })).toContainText('cannot be found');
  await screenshot(dispatcher, 'street-map-file-gone');
});
