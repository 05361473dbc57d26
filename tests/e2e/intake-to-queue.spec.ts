import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';

test('a phone call logged by the desk appears in the dispatcher’s queue without a reload', async ({ browser }) => {
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await expect(queue.grid).toContainText('Northwind Logistics');
  let reloaded = false;
  dispatcher.on('framenavigated', (frame) => {
    if (frame === dispatcher.mainFrame()) reloaded = true;
  });

  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();

  // Keyboard only from here: find the caller by phone, take the first site, describe, Ctrl+Enter.
  await intake.findCaller('212 555 0142', 'Maria Anders');
  await expect(intake.openTickets).toContainText('T-');
  await expect(intake.openTickets).toContainText('Core switch down');
  await expect(desk.getByRole('option').first()).toContainText('Head office');
  await desk.keyboard.press('Enter'); // the site field has focus and offers Head office first
  await expect(intake.description).toBeFocused();
  await desk.keyboard.type('Badge readers at the main entrance reject every card since 09:00.');
  await screenshot(desk, 'intake-filled');
  await desk.keyboard.press('Control+Enter');
  const number = await intake.savedTicketNumber();
  await expect(intake.caller).toBeFocused();
  await screenshot(desk, 'intake-saved');

  const row = queue.row(number);
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expect(row).toContainText('Northwind Logistics');
  await expect(row).toContainText('Head office');
  await expect(row).toContainText('Badge readers');
  expect(reloaded).toBe(false);
  await screenshot(dispatcher, 'queue-with-new-ticket');
});

test('a new caller and a new site are created in place during the call', async ({ browser }) => {
  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();

  await intake.findCaller('Globex Corporation', 'Create client “Globex Corporation”');
  const clientDialog = desk.getByRole('form', { name: 'New client' });
  await expect(clientDialog.getByLabel('Organization name')).toHaveValue('Globex Corporation');
  await expect(clientDialog.getByLabel('Organization name')).toBeFocused();
  await desk.keyboard.press('Tab'); // main phone
  await desk.keyboard.type('+1 312 555 0199');
  await desk.keyboard.press('Tab'); // email
  await desk.keyboard.press('Tab'); // contact name
  await desk.keyboard.type('Hank Scorpio');
  await desk.keyboard.press('Enter');
  await expect(clientDialog).toBeHidden();
  await expect(intake.openTickets).toContainText('None: this is a new problem.');

  // The site field has focus; the client has no sites, so the only option adds one.
  await expect(desk.getByRole('option').first()).toContainText('Add a site');
  await desk.keyboard.press('Enter');
  const siteDialog = desk.getByRole('form', { name: /New site of Globex/ });
  await desk.keyboard.type('Cypress Creek campus');
  await desk.keyboard.press('Tab');
  await desk.keyboard.type('1 Cypress Creek Rd, Springfield');
  await desk.keyboard.press('Enter');
  await expect(siteDialog).toBeHidden();
  await expect(intake.description).toBeFocused();
  await desk.keyboard.type('Projector in the main hall shows no picture.');
  await desk.keyboard.press('Control+Enter');
  const number = await intake.savedTicketNumber();

  const queue = new QueuePage(desk);
  await queue.open();
  await expect(queue.row(number)).toContainText('Globex Corporation');
  await expect(queue.row(number)).toContainText('Cypress Creek campus');
});

test('the desk sees why a ticket cannot be saved and nothing is logged', async ({ browser }) => {
  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();
  const openTickets = async () => {
    const response = await desk.request.post('/api/tickets.queue', { data: {} });
    return ((await response.json()) as { value: unknown[] }).value.length;
  };
  const before = await openTickets();
  await intake.findCaller('Priya', 'Priya Raman');
  await desk.keyboard.press('Control+Enter'); // no description yet
  await expect(intake.description).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('What is wrong: Required');
  await expect(desk.getByText(/T-\d{4}-\d{6} logged/)).toHaveCount(0);
  expect(await openTickets()).toBe(before);
  await screenshot(desk, 'intake-invalid');
});
