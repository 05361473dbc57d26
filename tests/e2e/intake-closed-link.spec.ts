import { expect, test } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { closedTicket } from './pages/documented-visit';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';

test('a caller reporting a closed ticket again is linked to it at intake, and both tickets show the link', async ({
  browser,
}) => {
  // Three consoles and a closed ticket built through a dozen calls: longer than one view's spec.
  test.slow();
  const stamp = Date.now().toString(36);
  const clientName = `Fabrikam ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: clientName });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Kim Yoshida' });
  const earlier = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Label printer jams on every second label',
    stamp,
  });

  // The desk takes the call: no open ticket, the closed one listed after, marked Closed with its date.
  const desk = await openConsoleAs(browser, 'desk');
  const intake = new IntakePage(desk);
  await intake.open();
  await intake.findCaller(clientName, clientName);
  await expect(intake.openTickets).toContainText('None open.');
  const closedList = intake.openTickets.getByRole('list', { name: 'Recently closed tickets' });
  const closedItem = closedList.getByRole('listitem').filter({ hasText: earlier.number });
  await expect(closedItem).toContainText('Closed');
  await expect(closedItem).toContainText('Label printer jams on every second label');
  // Closed a moment ago, so still within the reopen window: said, and left to a dispatcher.
  await expect(closedItem).toContainText('a dispatcher may reopen it until');
  await expect(closedItem.getByRole('button')).toHaveCount(1);

  await intake.description.fill('The label printer jams again since this morning.');
  const sameIssue = closedItem.getByRole('button', { name: `Same issue as ${earlier.number}` });
  await sameIssue.click();
  await expect(sameIssue).toHaveAttribute('aria-pressed', 'true');
  await expect(intake.openTickets.getByRole('status', { name: 'Same issue' })).toHaveText(
    `The new request will be linked to ${earlier.number} when saved.`,
  );
  await screenshot(desk, 'intake-closed-same-issue');
  await intake.description.press('Control+Enter');
  await expect(desk.getByRole('status').filter({ hasText: 'logged' })).toContainText(`linked to ${earlier.number}`);
  const number = await intake.savedTicketNumber();

  // The dispatcher opens the new request: it names the closed ticket and when it was closed.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.openTicket(number);
  const panel = dispatcher.getByRole('region', { name: `Ticket ${number}` });
  const links = panel.locator('[aria-label="Linked tickets"]');
  await expect(links).toContainText(new RegExp(`Same issue as ${earlier.number} \\(closed .+\\)`));
  await links.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'closed-link-new-ticket');

  // The closed ticket, opened from the reviews list, shows the later request and stays closed.
  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reviews' }).click();
  await manager
    .getByRole('table', { name: 'Awaiting review' })
    .getByRole('row', { name: `Ticket ${earlier.number}` })
    .click();
  const closedPanel = manager.getByRole('region', { name: `Ticket ${earlier.number}` });
  await expect(closedPanel.locator('[aria-label="Linked tickets"]')).toContainText(`Followed up by ${number} (New)`);
  await expect(closedPanel.getByRole('region', { name: 'Closed' })).toBeVisible();
  const timeline = closedPanel.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('li').last()).toContainText(`Follow-up ticket ${number} linked`);
  await closedPanel.locator('[aria-label="Linked tickets"]').scrollIntoViewIfNeeded();
  await screenshot(manager, 'closed-link-closed-ticket');

  const created = await invoke<{ links: { number: string; direction: string; closedAt: string | null }[] }>(
    desk,
    'tickets.get',
    {
      id: (await invoke<{ id: string; number: string }[]>(desk, 'tickets.queue', {})).find((t) => t.number === number)
        ?.id,
    },
  );
  expect(created.links).toEqual([
    expect.objectContaining({ number: earlier.number, direction: 'earlier', closedAt: earlier.closedAt }),
  ]);
});
