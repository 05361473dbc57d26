import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { documentedTicket } from './pages/documented-visit';

test('a dispatcher closes a documented ticket once the client confirms; a manager reviews it; the timeline tells it all', async ({
  browser,
}) => {
  // Three consoles and a dozen round trips: longer than one view's spec, on a shared machine.
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Fabrikam ${stamp}` });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Kim Yoshida' });
  const ticket = await documentedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Label printer jams on every second label',
    stamp,
  });

  // The dispatcher opens the ticket: everything is in place but the client's confirmation.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.openTicket(ticket.number);
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const closure = panel.getByRole('region', { name: 'Closure' });
  const checklist = closure.getByRole('list', { name: 'Closure checklist' });
  await expect(checklist).toContainText('Done: Steps taken (work log)');
  await expect(checklist).toContainText('Done: Parts used');
  await expect(checklist).toContainText('Missing: Resolution confirmed by the client');

  await closure.getByRole('button', { name: 'Close ticket' }).click();
  const refusal = closure.getByRole('alert', { name: 'Cannot close yet' });
  await expect(refusal).toContainText('Resolution confirmed by the client');
  await expect(refusal).not.toContainText('Steps taken');
  await closure.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'closure-missing-confirmation');

  await closure.getByRole('button', { name: 'Record client confirmation' }).click();
  const confirm = dispatcher.getByRole('form', { name: `Client confirmed ${ticket.number} is resolved` });
  await expect(confirm.getByLabel('Who confirmed (client person)')).toHaveValue('Kim Yoshida');
  await confirm.getByLabel('Note').fill('Printed a full roll without a jam');
  await confirm.getByRole('button', { name: 'Save' }).click();
  await expect(checklist).toContainText('Done: Resolution confirmed by the client');
  await expect(checklist.locator('[data-met="false"]')).toHaveCount(0);

  await closure.getByRole('button', { name: 'Close ticket' }).click();
  const closeForm = dispatcher.getByRole('form', { name: `Close ${ticket.number}` });
  await closeForm.getByLabel('Resolution summary (optional)').fill('Feed roller replaced');
  await closeForm.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('region', { name: 'Closed' })).toContainText('by Dev Dispatcher');
  await expect(closure).toContainText(/SLA (met|missed)/);
  await expect(closure).toContainText('Resolution: Feed roller replaced');
  await expect(closure).toContainText('Awaiting review.');
  await expect(closure.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await closure.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'closure-closed');

  // The manager finds it awaiting review and reviews it.
  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reviews' }).click();
  const pending = manager.getByRole('table', { name: 'Awaiting review' });
  const row = pending.getByRole('row', { name: `Ticket ${ticket.number}` });
  await expect(row).toContainText(`Fabrikam ${stamp}`);
  await expect(row).toContainText('Dev Dispatcher');
  await screenshot(manager, 'reviews-awaiting');
  await row.click();
  const managerPanel = manager.getByRole('region', { name: `Ticket ${ticket.number}` });
  await managerPanel.getByRole('button', { name: 'Review', exact: true }).click();
  const reviewForm = manager.getByRole('form', { name: `Review ${ticket.number}` });
  await reviewForm.getByLabel('Review note').fill('Right part on the first visit; confirmation taken the same day');
  await reviewForm.getByLabel('Parts missing').check();
  await reviewForm.getByLabel('Yes').check();
  await reviewForm.getByRole('button', { name: 'Save review' }).click();
  await expect(managerPanel.getByRole('alert', { name: 'Review' })).toContainText('SOP followed.');

  const timeline = managerPanel.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('li')).toHaveText([
    /Logged/,
    /Visit booked/,
    /Status: Scheduled/,
    /Visit on site/,
    /Status: In progress/,
    /Visit completed/,
    /Work log recorded/,
    /Resolution confirmed by the client.*Kim Yoshida · Phone · Printed a full roll/,
    /Closed.*Feed roller replaced/,
    /Reviewed: SOP followed.*Parts missing/,
  ]);
  await timeline.scrollIntoViewIfNeeded();
  await screenshot(manager, 'ticket-timeline');

  await managerPanel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(pending.getByRole('row', { name: `Ticket ${ticket.number}` })).toHaveCount(0);
  await manager.getByRole('button', { name: 'Reviewed' }).click();
  await expect(
    manager.getByRole('table', { name: 'Reviewed' }).getByRole('row', { name: `Ticket ${ticket.number}` }),
  ).toContainText('SOP followed · Parts missing · Morgan Manager');
  await screenshot(manager, 'reviews-reviewed');
});
