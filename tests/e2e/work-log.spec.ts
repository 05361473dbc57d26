import { expect, test, type Page } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { createTechnicianLogin, everyDay } from './pages/records';

/** The queue of a freshly logged-in console; its lazy chunk can take a while on a loaded machine. */
async function openQueue(page: Page): Promise<QueuePage> {
  const queue = new QueuePage(page);
  await page.getByRole('tab', { name: 'Queue' }).click();
  await expect(queue.grid).toBeVisible({ timeout: 20_000 });
  return queue;
}

test('an admin imports parts from CSV; a technician documents a visit with them; a dispatcher sees it', async ({
  browser,
}) => {
  // Four consoles and two forms on a shared 2-core machine: far more than the default 30 s.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36).toUpperCase();
  const sfp = `E2E-SFP-${stamp}`;
  const cable = `E2E-CAT6-${stamp}`;

  // The admin imports two parts: a preview first, then the import.
  const admin = await openConsoleAs(browser, 'admin');
  await admin.getByRole('tab', { name: 'Parts' }).click();
  await expect(admin.getByRole('heading', { name: 'Parts catalog' })).toBeVisible();
  await admin.getByRole('button', { name: 'Import CSV' }).click();
  const csv = `\uFEFFsku;name;unit\n${sfp};"SFP+ module 10G SR; multimode";each\n${cable};Patch cable Cat6;m\n`;
  await admin
    .getByLabel('CSV file')
    .setInputFiles({ name: 'parts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = admin.getByRole('status', { name: 'Import preview' });
  await expect(preview).toContainText('2 lines read: 2 will be created, 0 will be updated, 0 unchanged.');
  await screenshot(admin, 'parts-import-preview');
  await admin.getByRole('button', { name: 'Import 2 changes' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Imported.' })).toContainText('2 were created');
  await admin.getByRole('button', { name: 'Close' }).click();
  await admin.getByLabel('Search parts').fill(stamp.toLowerCase());
  const table = admin.getByRole('table', { name: 'Parts' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('SFP+ module 10G SR; multimode');
  await expect(table).toContainText('Patch cable Cat6');
  await admin.getByLabel('Search parts').fill('');
  await expect(table).toContainText('SW-C9200-24P');
  await screenshot(admin, 'parts-catalog');

  await admin.getByRole('tab', { name: 'Queue' }).click();

  // A visit for the demo technician, booked through the API.
  // A login of the test's own: the demo's `technician` login belongs to the demo's Toni Technician.
  const technicianUser = await createTechnicianLogin(admin);
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Tess ${stamp}`,
    userId: technicianUser.id,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Adventure Works ${stamp}` });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: client.id,
    description: 'Uplink to the warehouse switch is down',
    priority: 'high',
  });
  await invoke(admin, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    durationMinutes: 60,
  });

  // The technician records the work from the ticket.
  const tech = await openConsoleAs(browser, technicianUser);
  const techQueue = await openQueue(tech);
  await techQueue.openTicket(ticket.number);
  const panel = tech.getByRole('region', { name: `Ticket ${ticket.number}` });
  await panel.getByRole('button', { name: /^Documentation of the visit/ }).click();
  const form = panel.getByRole('form', { name: 'Edit work log' });
  await form.getByLabel('Actions taken').fill('Replaced the failed SFP+ module on the uplink; link is up at 10G.');
  await form.getByLabel('New step').fill('Checked the port counters and the optical levels');
  await form.getByLabel('New step').press('Enter');
  await form.getByLabel('New step').fill('Swapped the SFP+ module');
  await form.getByRole('button', { name: 'Add step' }).click();
  await expect(form.getByRole('textbox', { name: 'Step 2', exact: true })).toHaveValue('Swapped the SFP+ module');
  await form.getByRole('button', { name: 'Add part' }).click();
  await form.getByLabel('Part 1: SKU').fill(sfp);
  await tech.getByRole('option', { name: new RegExp(sfp) }).click();
  await form.getByLabel('Part 1: quantity').fill('1');
  await form.getByLabel('Part 1: Serials installed').fill('AGM2231X0AB');
  await form.getByLabel('Part 1: Serials installed').press('Enter');
  await form.getByLabel('Outcome').click();
  await tech.getByRole('option', { name: 'Resolved', exact: true }).click();
  await form.getByRole('button', { name: 'Save work log' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved (version 1).');
  await expect(form.getByRole('button', { name: 'AGM2231X0AB' })).toBeVisible();
  await panel.getByRole('region', { name: 'Work log', exact: true }).screenshot({
    path: 'test-results/screenshots/work-log-panel.png',
  });

  // One console at a time from here on: each open one keeps its event stream and renders live updates.
  await tech.context().close();

  // A dispatcher opening the ticket sees what was recorded.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = await openQueue(dispatcher);
  await queue.openTicket(ticket.number);
  const dispatcherPanel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const fold = dispatcherPanel.getByRole('button', { name: /^Documentation of the visit/ });
  await expect(fold).toContainText('Resolved · 1 part line');
  await fold.click();
  const seen = dispatcherPanel.getByRole('form', { name: 'Edit work log' });
  await expect(seen.getByLabel('Actions taken')).toHaveValue(/Replaced the failed SFP\+ module/);
  await expect(seen.getByRole('textbox', { name: 'Step 1', exact: true })).toHaveValue(
    'Checked the port counters and the optical levels',
  );
  await expect(seen.getByLabel('Part 1: SKU')).toHaveValue(new RegExp(sfp));
  await expect(seen.getByRole('button', { name: 'AGM2231X0AB' })).toBeVisible();
  await screenshot(dispatcher, 'work-log-dispatcher');

  await dispatcher.context().close();

  // The client service manager reads it and cannot change it.
  const manager = await openConsoleAs(browser, 'manager');
  const managerQueue = await openQueue(manager);
  await managerQueue.openTicket(ticket.number);
  const managerPanel = manager.getByRole('region', { name: `Ticket ${ticket.number}` });
  await managerPanel.getByRole('button', { name: /^Documentation of the visit/ }).click();
  const details = managerPanel.getByLabel('Work log details');
  await expect(details.getByRole('list', { name: 'Steps taken' }).getByRole('listitem')).toHaveCount(2);
  await expect(details.getByRole('table', { name: 'Parts used' })).toContainText('In: AGM2231X0AB');
  await expect(managerPanel.getByRole('form', { name: 'Edit work log' })).toHaveCount(0);
  await managerPanel.getByRole('region', { name: 'Work log', exact: true }).screenshot({
    path: 'test-results/screenshots/work-log-read-only.png',
  });

  // Unlink the shared demo login again, so other specs' bookings do not notify it.
  await invoke(admin, 'technicians.save', {
    id: technician.id,
    name: `Tess ${stamp}`,
    userId: null,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
});
