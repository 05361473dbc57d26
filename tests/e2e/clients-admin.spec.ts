import { expect, test, type Page } from '@playwright/test';
import type { ClientDto, SiteDto } from '../../shared/domain/directory';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';

async function openClient(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Clients' }).click();
  await page.getByLabel('Search clients').fill(name);
  await page.getByRole('list', { name: 'Clients' }).getByRole('button', { name }).click();
  await expect(page.getByRole('form', { name: `Client ${name}` })).toBeVisible();
}

test('an admin sets a site’s access requirements and hours; bad values are refused at their fields; another console sees the change', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const clientName = `Adatum Labs ${stamp}`;

  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<ClientDto>(admin, 'clients.create', { name: clientName, phone: '+1 425 555 0100' });
  await invoke<SiteDto>(admin, 'sites.create', {
    clientId: client.id,
    name: 'Research campus',
    address: '1 Lab Way, Redmond',
    latitude: 47.674,
    longitude: -122.121,
    timeZone: 'America/Los_Angeles',
  });

  // A dispatcher has the same client open at another console.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await openClient(dispatcher, clientName);
  const dispatcherSite = dispatcher.getByRole('article', { name: 'Site Research campus' });
  await expect(dispatcherSite).toContainText('No restriction');

  await openClient(admin, clientName);
  const site = admin.getByRole('article', { name: 'Site Research campus' });
  await expect(site).toContainText('No restriction');
  await expect(site).toContainText('America/Los_Angeles');
  await site.getByRole('button', { name: 'Edit site Research campus' }).click();

  const form = admin.getByRole('form', { name: 'Edit site Research campus' });
  await form.getByLabel('Access requirements').fill('Badge at building 4 reception; escort to the lab floor');
  await form.getByLabel('Technicians may only work there at set hours').check();
  // Weekdays 08:00–18:00 are proposed; Monday is made to close before it opens, and the latitude is off the globe.
  await expect(form.getByLabel('Friday closes')).toHaveValue('18:00');
  await form.getByLabel('Monday opens').fill('14:00');
  await form.getByLabel('Monday closes').fill('09:00');
  await form.getByLabel('Latitude').fill('97.5');
  await form.getByRole('button', { name: 'Save site' }).click();

  await expect(form.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('From -90 to 90');
  const monday = form.getByRole('group', { name: 'Monday hours' });
  await expect(monday).toContainText('The closing time must be after the opening time');
  await expect(monday.getByLabel('Monday closes')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(admin, 'clients-site-field-errors');
  // Nothing was saved.
  const [unchanged] = await invoke<SiteDto[]>(admin, 'sites.list', { clientId: client.id });
  expect(unchanged?.accessHours).toBeNull();
  expect(unchanged?.accessRequirements).toBeNull();

  // A corrected field drops its error; the one not yet corrected keeps it.
  await form.getByLabel('Latitude').fill('47.674');
  await expect(form.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'false');
  await expect(monday).toContainText('The closing time must be after the opening time');
  await form.getByLabel('Monday opens').fill('07:30');
  await form.getByLabel('Monday closes').fill('12:00');
  await form.getByRole('button', { name: 'Add hours on Monday' }).click();
  await form.getByLabel('Monday opens, hours 2').fill('13:00');
  await form.getByLabel('Monday closes, hours 2').fill('17:00');
  await form.getByLabel('Technicians may only work there at set hours').uncheck();
  await form.getByLabel('Technicians may only work there at set hours').check();
  await expect(form.getByLabel('Monday closes, hours 2')).toHaveValue('17:00');
  await screenshot(admin, 'clients-site-form');
  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form).toBeHidden();

  await expect(site).toContainText('Mon 07:30–12:00, 13:00–17:00 · Tue–Fri 08:00–18:00');
  await expect(site).toContainText('Badge at building 4 reception');
  const [saved] = await invoke<SiteDto[]>(admin, 'sites.list', { clientId: client.id });
  expect(saved?.accessHours).toEqual({
    mon: [
      ['07:30', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '18:00']],
  });
  await screenshot(admin, 'clients-page');

  // The dispatcher's console refetches on site.changed, without a reload.
  await expect(dispatcherSite).toContainText('Mon 07:30–12:00, 13:00–17:00', { timeout: 5_000 });
  await expect(dispatcherSite).toContainText('Badge at building 4 reception');

  // Two people edit the same site: the later save is refused, and the admin loads the other version.
  await site.getByRole('button', { name: 'Edit site Research campus' }).click();
  await form.getByLabel('Access requirements').fill('No badge needed any more');
  const [current] = await invoke<SiteDto[]>(dispatcher, 'sites.list', { clientId: client.id });
  if (!current) throw new Error('the site is missing');
  const { clientId: _clientId, revision, ...fields } = current;
  await invoke<SiteDto>(dispatcher, 'sites.update', {
    ...fields,
    expectedRevision: revision,
    accessRequirements: 'Badge at building 4; ring the lab on arrival',
  });
  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form).toContainText('Someone else changed this site since you opened it');
  await screenshot(admin, 'clients-site-stale');
  await form.getByRole('button', { name: 'Load their version' }).click();
  await expect(form.getByLabel('Access requirements')).toHaveValue('Badge at building 4; ring the lab on arrival');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(site).toContainText('ring the lab on arrival');

  // The client's own fields: a bad phone number is refused at its field; a good one is saved.
  const clientForm = admin.getByRole('form', { name: `Client ${clientName}` });
  await clientForm.getByLabel('Phone').fill('ask reception');
  await clientForm.getByRole('button', { name: 'Save client' }).click();
  await expect(clientForm.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(clientForm).toContainText('A phone number has digits');
  await clientForm.getByLabel('Phone').fill('+1 425 555 0199');
  await clientForm.getByLabel('E-mail').fill(`facilities@${stamp}.example`);
  await clientForm.getByRole('button', { name: 'Save client' }).click();
  await expect(admin.getByRole('list', { name: 'Clients' })).toContainText('+1 425 555 0199');
  await expect(clientForm.getByRole('button', { name: 'Save client' })).toBeDisabled();
  await expect(dispatcher.getByRole('form', { name: `Client ${clientName}` }).getByLabel('Phone')).toHaveValue(
    '+1 425 555 0199',
  );
});

test('a technician has no Clients tab; the desk has one', async ({ browser }) => {
  const technician = await openConsoleAs(browser, 'technician');
  await expect(technician.getByRole('tab', { name: 'My day' })).toBeVisible();
  await expect(technician.getByRole('tab', { name: 'Clients' })).toHaveCount(0);
  const desk = await openConsoleAs(browser, 'desk');
  await expect(desk.getByRole('tab', { name: 'Clients' })).toBeVisible();
});
