import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';

test('a dispatcher overrides a priority with a reason and escalates; the manager is notified and acknowledges', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Escalations' }).click();
  const escalations = manager.getByRole('table', { name: 'Escalations' });
  await expect(escalations).toBeVisible();

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  // The demo's request at Fabrikam (the demo world has other Fabrikam tickets in the queue).
  await queue.openTicket('move the back-office printer');
  const panel = dispatcher.getByRole('region', { name: /^Ticket T-/ });
  const number = ((await panel.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  expect(number).toMatch(/^T-\d{4}-\d{6}$/);

  await panel.getByRole('button', { name: 'Override priority' }).click();
  const override = dispatcher.getByRole('form', { name: `Priority of ${number}` });
  await override.getByLabel('Priority').click();
  await dispatcher.getByRole('option', { name: 'High' }).click();
  await override.getByLabel('Why (kept with the ticket)').fill('Store opening on Saturday depends on it');
  await override.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toContainText('Priority set by hand by Dev Dispatcher');
  await expect(panel).toContainText('Store opening on Saturday depends on it');

  await panel.getByRole('button', { name: 'Escalate' }).click();
  const escalate = dispatcher.getByRole('form', { name: `Escalate ${number} to the client service manager` });
  await escalate.getByLabel('Reason').fill('Store manager called three times');
  await escalate.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toContainText('Store manager called three times — open');
  await screenshot(dispatcher, 'ticket-panel-escalated');

  // The manager's console hears of it without a reload: a notification and a row in the list.
  await expect(
    manager.getByRole('alert').filter({ hasText: new RegExp(`Escalation level \\d: ${number}`) }),
  ).toBeVisible();
  // The SLA watcher may also escalate this (now overdue) ticket on its own: pick the one raised by hand.
  const row = escalations
    .getByRole('row')
    .filter({ hasText: number })
    .filter({ hasText: 'Store manager called three times' });
  await expect(row).toBeVisible();
  await screenshot(manager, 'escalations-open');

  await row.getByRole('button', { name: 'Acknowledge' }).click();
  const acknowledge = manager.getByRole('form', { name: `Acknowledge ${number}` });
  await acknowledge.getByLabel('What happens next').fill('Calling the store manager back at 15:00');
  await acknowledge.getByRole('button', { name: 'Save' }).click();
  await expect(row).toHaveCount(0);

  await manager.getByRole('button', { name: 'All' }).click();
  await expect(
    escalations.getByRole('row').filter({ hasText: number }).filter({ hasText: 'Store manager called three times' }),
  ).toContainText('Calling the store manager back at 15:00');
  await screenshot(manager, 'escalations-acknowledged');
});
