import { expect, test, type Locator, type Page } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createTechnicianLogin, everyDay } from './pages/records';

interface Visit {
  id: string;
  version: number;
}

/** Opens a ticket from the queue and unfolds the documentation of its (only) visit. */
async function openDocumentation(page: Page, number: string): Promise<Locator> {
  const queue = new QueuePage(page);
  await page.getByRole('tab', { name: 'Queue' }).click();
  await expect(queue.grid).toBeVisible({ timeout: 20_000 });
  await queue.openTicket(number);
  const panel = page.getByRole('region', { name: `Ticket ${number}` });
  await panel.getByRole('button', { name: /^Documentation of the visit/ }).click();
  return panel;
}

/** Nothing in the panel offers to write the documentation. */
async function expectNoWriteButtons(panel: Locator): Promise<void> {
  await expect(panel.getByRole('region', { name: 'Work log', exact: true })).toBeVisible();
  await expect(panel.getByRole('form', { name: 'Edit work log' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Save work log' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Add photo or PDF' })).toHaveCount(0);
  await expect(panel.getByRole('form', { name: 'Record the sign-off' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Save (new )?sign-off$/ })).toHaveCount(0);
}

test('documentation is read-only for another crew’s technician and on a closed ticket', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  // A login of the test's own: the demo's `technician` login belongs to the demo's Toni Technician.
  const technicianUser = await createTechnicianLogin(admin);
  const mine = { name: `Toni ${stamp}`, timeZone: 'UTC', shiftPattern: everyDay, skills: [], certifications: [] };
  const me = await invoke<{ id: string }>(admin, 'technicians.save', { ...mine, userId: technicianUser.id });
  const other = await invoke<{ id: string }>(admin, 'technicians.save', { ...mine, name: `Omar ${stamp}` });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Northwind ${stamp}` });
  const book = async (description: string, technicianId: string) => {
    const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      clientId: client.id,
      description,
      priority: 'medium',
    });
    const visit = await invoke<Visit>(admin, 'visits.create', {
      ticketId: ticket.id,
      technicianId,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 60,
    });
    return { ticket, visit };
  };
  const theirs = await book('Printer on floor 3 jams', other.id);
  const own = await book('Badge reader at the side door is dead', me.id);

  try {
    // The technician looks at another crew's visit: everything to read, nothing to write.
    const tech = await openConsoleAs(browser, technicianUser);
    const theirPanel = await openDocumentation(tech, theirs.ticket.number);
    await expect(theirPanel.getByRole('note').first()).toHaveText(
      'Only the crew of this visit, a dispatcher or an admin can document it.',
    );
    await expect(theirPanel.getByRole('note').last()).toHaveText(
      `Only technicians with a visit on ${theirs.ticket.number}, a dispatcher or an admin can add to it.`,
    );
    await expectNoWriteButtons(theirPanel);
    await expect(theirPanel.getByRole('region', { name: 'Client sign-off' })).toContainText('Not signed off yet.');
    await theirPanel
      .getByRole('region', { name: 'Documentation', exact: true })
      .screenshot({ path: 'test-results/screenshots/documentation-other-crew.png' });

    // On their own visit the same technician documents as before.
    await theirPanel.getByRole('button', { name: 'Close', exact: true }).click();
    const ownPanel = await openDocumentation(tech, own.ticket.number);
    await expect(ownPanel.getByRole('form', { name: 'Edit work log' })).toBeVisible();
    await expect(ownPanel.getByRole('button', { name: 'Add photo or PDF' })).toHaveCount(2);
    await expect(ownPanel.getByRole('form', { name: 'Record the sign-off' })).toBeVisible();
    await expect(ownPanel.getByRole('note')).toHaveCount(0);
    await tech.context().close();

    // The visit is worked and the ticket closed; then not even a dispatcher can add to it.
    const onSite = await invoke<Visit>(admin, 'visits.setStatus', {
      id: own.visit.id,
      expectedVersion: own.visit.version,
      status: 'on_site',
    });
    await invoke(admin, 'visits.setStatus', { id: onSite.id, expectedVersion: onSite.version, status: 'completed' });
    await invoke(admin, 'workLogs.save', {
      visitId: own.visit.id,
      expectedVersion: 0,
      actions: 'Replaced the reader; tested with three badges.',
      steps: ['Swapped the reader'],
      parts: [],
      noParts: true,
      timeOnSiteMinutes: 30,
      outcome: 'resolved',
    });
    await invoke(admin, 'tickets.confirmResolution', {
      ticketId: own.ticket.id,
      confirmedBy: 'Facilities desk',
      method: 'phone',
    });

    // A dispatcher documents it until it is closed; closing locks the documentation at once.
    const dispatcher = await openConsoleAs(browser, 'dispatcher');
    const panel = await openDocumentation(dispatcher, own.ticket.number);
    await expect(panel.getByRole('form', { name: 'Edit work log' })).toBeVisible();
    const closure = panel.getByRole('region', { name: 'Closure' });
    await closure.getByRole('button', { name: 'Close ticket' }).click();
    await dispatcher
      .getByRole('form', { name: `Close ${own.ticket.number}` })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(panel.getByRole('region', { name: 'Closed' })).toContainText('by Dev Dispatcher');

    const closedNote = `Ticket ${own.ticket.number} is closed; reopen it before changing its documentation.`;
    await expect(panel.getByRole('note').first()).toHaveText(closedNote);
    await expect(panel.getByRole('note').last()).toHaveText(closedNote);
    await expectNoWriteButtons(panel);
    await expect(panel.getByLabel('Work log details')).toContainText('Replaced the reader');
    await panel
      .getByLabel(`Documentation of the visit for ${own.ticket.number}`)
      .screenshot({ path: 'test-results/screenshots/documentation-closed-ticket.png' });
  } finally {
    // Unlink the shared demo login again, so other specs' bookings do not notify it.
    await invoke(admin, 'technicians.save', { ...mine, id: me.id, userId: null });
  }
});
