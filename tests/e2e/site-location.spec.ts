import { expect, test } from '@playwright/test';
import type { SiteDto } from '../../shared/domain/directory';
import type { TicketDto } from '../../shared/domain/ticket';
import { startGeocoderTestServer } from '../support/geocoder-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { startFreshServer } from './pages/fresh-server';
import { QueuePage } from './pages/queue-page';

test.use({ viewport: { width: 1440, height: 1000 } });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

// A console of the spec's own: a geocoder left set up on the shared server would add a button to
// every later spec's site dialog.
test('a site logged without a location is flagged on its ticket; the desk finds the address and picks the place; an admin set the geocoder', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startFreshServer();
  env.defer(() => server.stop());
  const geocoder = await startGeocoderTestServer(env);
  const stamp = Date.now().toString(36);

  // The admin points the console at the organisation's Nominatim.
  const admin = await openConsoleAs(browser, 'admin', undefined, { baseURL: server.url });
  await admin.getByRole('tab', { name: 'Technicians' }).click();
  await admin.getByRole('tab', { name: 'Dispatch settings' }).click();
  const panel = admin.getByRole('region', { name: 'Finding sites from addresses' });
  await panel.getByLabel('Use a geocoder').check();
  await panel.getByLabel('Server address').fill('nominatim.internal');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByLabel('Server address')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('An http:// or https:// address');
  await panel.getByLabel('Server address').fill(geocoder.url);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(admin, 'geocoder-settings');

  // A call logs a ticket at a site the desk added by its address only.
  const desk = await openConsoleAs(browser, 'desk', undefined, { baseURL: server.url });
  const client = await invoke<{ id: string; name: string }>(desk, 'clients.create', { name: `Fabrikam ${stamp}` });
  const site = await invoke<SiteDto>(desk, 'sites.create', {
    clientId: client.id,
    name: 'Newark depot',
    address: '1 Gateway',
  });
  expect(site.latitude).toBeNull();
  const ticket = await invoke<TicketDto>(desk, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date().toISOString(),
    clientId: client.id,
    siteId: site.id,
    description: 'Label printer at the depot jams on every label.',
    priority: 'medium',
  });

  const queue = new QueuePage(desk);
  await queue.open();
  await queue.openTicket(ticket.number);
  const region = desk.getByRole('region', { name: `Ticket ${ticket.number}` });
  const note = region.getByRole('alert', { name: 'Site without a location' });
  await expect(note).toContainText('Newark depot has no location');
  await expect(note).toContainText('ranking cannot tell who is nearest');
  await screenshot(desk, 'site-location-missing');

  await note.getByRole('button', { name: 'Place it' }).click();
  const form = desk.getByRole('form', { name: 'Edit site Newark depot' });
  await form.getByRole('button', { name: 'Find the address' }).click();
  const places = form.getByRole('list', { name: /Places found/ });
  // Two places match "1 Gateway": the user, not the console, decides which one is the site.
  await expect(places.getByRole('button')).toHaveCount(2);
  await screenshot(desk, 'site-location-candidates');
  await places.getByRole('button', { name: /Newark, Essex County/ }).click();
  await expect(form.getByLabel('Latitude')).toHaveValue('40.735700');
  await expect(form.getByLabel('Longitude')).toHaveValue('-74.172400');
  await expect(form.getByRole('application', { name: 'Map: click where the site is' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Site location' })).toBeVisible();
  await screenshot(desk, 'site-location-picked');

  // A click on the map moves the pin and the coordinates with it.
  const map = form.getByRole('application', { name: 'Map: click where the site is' });
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  await map.click({ position: { x: box.width / 2 + 60, y: box.height / 2 } });
  await expect(form.getByLabel('Longitude')).not.toHaveValue('-74.172400');
  const moved = Number(await form.getByLabel('Longitude').inputValue());
  expect(moved).toBeGreaterThan(-74.1724);
  expect(moved).toBeLessThan(-74.1);
  await expect(form.getByLabel('Latitude')).toHaveValue(/^40\.73/);

  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form).toBeHidden();
  await expect(note).toBeHidden();
  const [saved] = await invoke<SiteDto[]>(desk, 'sites.list', { clientId: client.id });
  expect(saved?.latitude).toBeCloseTo(40.7357, 3);
  expect(saved?.longitude).toBeCloseTo(moved, 6);
  expect(geocoder.requests.map((r) => r.query.get('q'))).toEqual(['1 Gateway']);
});
