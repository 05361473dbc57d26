import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';

test('the desk records a fix made by remote session; a dispatcher closes it; the review shows a remote first-time fix', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Contoso Dental ${stamp}` });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Ola Nordmann' });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    clientId: client.id,
    contactId: contact.id,
    description: `Reception printer shows offline ${stamp}`,
    priority: 'medium',
  });

  // The desk talks the client through it on a remote session and records how.
  const desk = await openConsoleAs(browser, 'desk');
  const deskQueue = new QueuePage(desk);
  await deskQueue.open();
  await deskQueue.openTicket(ticket.number);
  const deskPanel = desk.getByRole('region', { name: `Ticket ${ticket.number}` });
  const deskClosure = deskPanel.getByRole('region', { name: 'Closure' });
  await expect(deskClosure.getByRole('button', { name: 'Close ticket' })).toHaveCount(0);
  await deskClosure.getByRole('button', { name: 'Resolved without a visit…' }).click();
  const form = desk.getByRole('form', { name: `${ticket.number} resolved without a visit` });
  await form.getByLabel('How it was worked').click();
  await desk.getByRole('option', { name: 'Remote session' }).click();
  await expect(form.getByLabel('Confirmed by (client person)')).toHaveValue('Ola Nordmann');
  await form.getByLabel('How it was resolved').fill('Printer had a new IP address; re-added it on the reception PC');
  await form
    .getByLabel('Steps taken (one per line)')
    .fill(
      'Connected to the reception PC\nFound the printer at its new address\nRe-added the printer and printed a test page',
    );
  await screenshot(desk, 'remote-resolution-form');
  await form.getByRole('button', { name: 'Record remote resolution' }).click();
  await expect(form).toHaveCount(0);

  const summary = deskClosure.getByRole('alert', { name: 'Remote resolution' });
  await expect(summary).toContainText('Resolved remotely (remote session)');
  await expect(summary.locator('li')).toHaveText([
    'Connected to the reception PC',
    'Found the printer at its new address',
    'Re-added the printer and printed a test page',
  ]);
  await expect(summary).toContainText('confirmed by Ola Nordmann');
  const checklist = deskClosure.getByRole('list', { name: 'Closure checklist' });
  await expect(checklist.locator('[data-met="false"]')).toHaveCount(0);
  // Times read as everywhere in the console (the workstation's words), never the core's UTC text.
  await expect(checklist.locator('[data-requirement="resolution"]')).toContainText('Confirmed by Ola Nordmann');
  await expect(checklist).not.toContainText('UTC');
  await expect(deskPanel).toContainText('Responded (remote work started)');
  await deskClosure.scrollIntoViewIfNeeded();
  await screenshot(desk, 'remote-resolution-recorded');

  // The dispatcher finds it resolved in the queue and closes it.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  const resolved = await queue.find(ticket.number);
  await expect(resolved).toContainText('Resolved');
  await resolved.click();
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const closure = panel.getByRole('region', { name: 'Closure' });
  await expect(closure.getByRole('list', { name: 'Closure checklist' })).toContainText(
    'None: resolved remotely (remote session), without a visit.',
  );
  await closure.getByRole('button', { name: 'Close ticket' }).click();
  await dispatcher
    .getByRole('form', { name: `Close ${ticket.number}` })
    .getByRole('button', { name: 'Save' })
    .click();
  const closed = panel.getByRole('region', { name: 'Closed' });
  await expect(closed).toContainText('Resolved remotely');
  await expect(closed).toContainText('First-time fix');
  await expect(closed).toContainText('SLA met');
  await closure.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'remote-resolution-closed');

  // The manager sees how it was fixed in the review list and on the timeline.
  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reviews' }).click();
  const row = manager
    .getByRole('table', { name: 'Awaiting review' })
    .getByRole('row', { name: `Ticket ${ticket.number}` });
  await expect(row).toContainText('Remote · first-time fix');
  await screenshot(manager, 'remote-resolution-review-list');
  await row.click();
  const timeline = manager
    .getByRole('region', { name: `Ticket ${ticket.number}` })
    .getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('li')).toHaveText([
    /Logged/,
    /Resolved remotely \(remote session\).*3 steps · confirmed by Ola Nordmann/,
    /Status: Resolved/,
    /Closed.*resolved remotely · first-time fix/,
  ]);
  await timeline.scrollIntoViewIfNeeded();
  await screenshot(manager, 'remote-resolution-timeline');
});
