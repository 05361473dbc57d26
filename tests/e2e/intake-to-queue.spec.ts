import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';

test('a phone call logged by the desk appears in the dispatcher’s queue without a reload', async ({ browser }) => {
  // Typed key by key, as an agent would: on a loaded 2-core machine that alone can take 20 s.
  test.setTimeout(60_000);
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await expect(queue.grid).toContainText('Northwind Logistics');
  // The grid draws only the rows in view, and a run's other specs fill the queue: narrowed to this
  // call's words, the new row is in view when it arrives.
  const stamp = `card-${Date.now().toString(36)}`;
  await queue.search(stamp);
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
  await intake.takeFirstSite('Head office');
  await desk.keyboard.type(`Badge readers at the main entrance reject every card since 09:00 (${stamp}).`);
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
  test.setTimeout(60_000); // two dialogs typed key by key; see the first test
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
  await desk.keyboard.press('Tab'); // what the caller does for the client
  await desk.keyboard.type('Facilities lead');
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
  const saved = await queue.find(number);
  await expect(saved).toContainText('Globex Corporation');
  await expect(saved).toContainText('Cypress Creek campus');
  const row = (await invoke<{ id: string; number: string }[]>(desk, 'tickets.queue', {})).find(
    (t) => t.number === number,
  );
  const ticket = await invoke<{ client: { id: string } }>(desk, 'tickets.get', { id: row?.id });
  const contacts = await invoke<{ name: string; role: string | null }[]>(desk, 'contacts.list', {
    clientId: ticket.client.id,
  });
  expect(contacts).toEqual([expect.objectContaining({ name: 'Hank Scorpio', role: 'Facilities lead' })]);
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

test('a caller reporting an open ticket again is linked to it as the same issue in one click', async ({ browser }) => {
  test.setTimeout(60_000); // typed key by key; see the first test
  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();
  await intake.findCaller('212 555 0142', 'Maria Anders');
  const earlier = intake.openTickets.getByRole('listitem').filter({ hasText: 'Core switch down' });
  const earlierNumber = /T-\d{4}-\d{6}/.exec((await earlier.textContent()) ?? '')?.[0] ?? '';
  expect(earlierNumber).not.toBe('');
  await intake.takeFirstSite('Head office');
  await desk.keyboard.type('Floor 21 is still offline after this morning’s switch restart.');

  const sameIssue = earlier.getByRole('button', { name: `Same issue as ${earlierNumber}` });
  await sameIssue.click();
  await expect(sameIssue).toHaveAttribute('aria-pressed', 'true');
  await expect(intake.openTickets.getByRole('status', { name: 'Same issue' })).toHaveText(
    `The new request will be linked to ${earlierNumber} when saved.`,
  );
  await screenshot(desk, 'intake-same-issue');

  await intake.description.press('Control+Enter');
  await expect(desk.getByRole('status').filter({ hasText: 'logged' })).toContainText(`linked to ${earlierNumber}`);
  const number = await intake.savedTicketNumber();
  // The form is cleared for the next call, the choice with it.
  await intake.findCaller('212 555 0142', 'Maria Anders');
  await expect(intake.openTickets.getByRole('button', { pressed: true })).toHaveCount(0);

  const queue = await invoke<{ id: string; number: string }[]>(desk, 'tickets.queue', {});
  const created = queue.find((t) => t.number === number);
  if (!created) throw new Error(`${number} is not in the queue`);
  const ticket = await invoke<{ links: { number: string; direction: string }[] }>(desk, 'tickets.get', {
    id: created.id,
  });
  expect(ticket.links).toEqual([expect.objectContaining({ number: earlierNumber, direction: 'earlier' })]);
});
