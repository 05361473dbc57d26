import { expect, test, type Page } from '@playwright/test';
import type { ClientDto, ContactDto } from '../../shared/domain/directory';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';

async function openClient(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Clients' }).click();
  await page.getByLabel('Search clients').fill(name);
  await page.getByRole('list', { name: 'Clients' }).getByRole('button', { name }).click();
  await expect(page.getByRole('form', { name: `Client ${name}` })).toBeVisible();
}

test('an admin corrects a contact, is told of a stale edit, and retires a contact whom intake then no longer offers', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const clientName = `Northwind Traders ${stamp}`;
  const ola = `Ola ${stamp}`;
  const per = `Per ${stamp}`;

  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<ClientDto>(admin, 'clients.create', { name: clientName, phone: '+1 425 555 0100' });
  const olaContact = await invoke<ContactDto>(admin, 'contacts.create', {
    clientId: client.id,
    name: ola,
    phone: '+1 425 555 0141',
    role: 'Office manager',
  });
  await invoke<ContactDto>(admin, 'contacts.create', {
    clientId: client.id,
    name: per,
    phone: '+1 425 555 0177',
    email: 'per@northwind.example',
  });

  await openClient(admin, clientName);
  const contacts = admin.getByRole('table', { name: 'Contacts' });
  const olaRow = contacts.getByRole('row', { name: `Contact ${ola}` });
  const perRow = contacts.getByRole('row', { name: `Contact ${per}` });
  await expect(olaRow).toContainText('Office manager');
  await expect(olaRow).toContainText('+1 425 555 0141');
  await expect(perRow).toContainText('per@northwind.example');
  await expect(perRow).toContainText('Active');
  await screenshot(admin, 'clients-contacts-list');

  // Bad values are refused at their fields, and nothing is saved.
  await olaRow.getByRole('button', { name: `Edit contact ${ola}` }).click();
  const form = admin.getByRole('form', { name: `Edit contact ${ola}` });
  await form.getByLabel('Name').fill(' ');
  await form.getByLabel('E-mail').fill('ola.northwind.example');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'false');
  await screenshot(admin, 'clients-contact-field-errors');
  const [unchanged] = await invoke<ContactDto[]>(admin, 'contacts.list', { clientId: client.id });
  expect(unchanged).toEqual(olaContact);

  // Corrected, it saves and the list shows the new values.
  await form.getByLabel('Name').fill(ola);
  await form.getByLabel('E-mail').fill('ola@northwind.example');
  await expect(form.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'false');
  await form.getByLabel('Role').fill('Facilities lead');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form).toBeHidden();
  await expect(olaRow).toContainText('Facilities lead');
  await expect(olaRow).toContainText('ola@northwind.example');

  // Someone else edits the contact while the dialog is open: the save says so and writes nothing.
  await olaRow.getByRole('button', { name: `Edit contact ${ola}` }).click();
  await form.getByLabel('Phone').fill('+1 425 555 0999');
  const [current] = await invoke<ContactDto[]>(admin, 'contacts.list', { clientId: client.id });
  if (!current) throw new Error('the contact is missing');
  await invoke<ContactDto>(admin, 'contacts.update', {
    id: current.id,
    expectedRevision: current.revision,
    name: ola,
    phone: '+1 425 555 0142',
    email: current.email,
    role: 'IT contact',
  });
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form.getByRole('alert')).toContainText('Someone else changed this contact');
  await screenshot(admin, 'clients-contact-stale');
  await form.getByRole('button', { name: 'Load their version' }).click();
  await expect(form.getByLabel('Role')).toHaveValue('IT contact');
  await expect(form.getByLabel('Phone')).toHaveValue('+1 425 555 0142');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(olaRow).toContainText('IT contact');

  // Per has left the client: retired, still listed here, greyed as inactive.
  await perRow.getByRole('button', { name: `Deactivate contact ${per}` }).click();
  await expect(perRow).toContainText('Inactive');
  // Enabled once the save and the list's refetch are done.
  await expect(perRow.getByRole('button', { name: `Reactivate contact ${per}` })).toBeEnabled();
  await screenshot(admin, 'clients-contact-deactivated');

  // At intake the desk finds Ola but is no longer offered Per.
  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();
  await desk.keyboard.type(stamp);
  await expect(desk.getByRole('option').first()).toContainText(ola);
  await expect(desk.getByRole('option', { name: new RegExp(clientName) })).not.toHaveCount(0);
  await expect(desk.getByRole('option', { name: new RegExp(per) })).toHaveCount(0);
  await screenshot(desk, 'intake-inactive-contact-hidden');
});
