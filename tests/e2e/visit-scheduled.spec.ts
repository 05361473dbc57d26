import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { createTechnician } from './pages/records';

test('a booked visit shows on its ticket as "Scheduled: <time> with <technician>"', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Dana ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  const technicianId = await createTechnician(admin, name);

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const [ticket] = await invoke<{ id: string; number: string }[]>(dispatcher, 'tickets.queue', {});
  if (!ticket) throw new Error('the demo data has no open ticket');
  const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await invoke(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId,
    startsAt,
    durationMinutes: 60,
  });

  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.openTicket(ticket.number);
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  await expect(panel).toContainText(`with ${name}`);
  await expect(panel).toContainText('Scheduled:');
  await screenshot(dispatcher, 'ticket-panel-scheduled');
});

test('the ticket panel follows its visit live: en route with the ETA, then on site since the arrival', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const name = `Toni ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  const technicianId = await createTechnician(admin, name);
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Wingtip ${stamp}` });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: client.id,
    description: 'Card payment terminal offline',
    priority: 'critical',
  });
  const booked = await invoke<{ id: string; version: number }>(admin, 'visits.create', {
    ticketId: ticket.id,
    technicianId,
    startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    durationMinutes: 60,
  });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.openTicket(ticket.number);
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const now = panel.getByRole('status', { name: 'Visit now' });
  await expect(now).toHaveText(new RegExp(`^Scheduled: \\d\\d:\\d\\d with ${name}$`));

  // The crew phones in: set off, then arrived. Each change reaches the open panel by push.
  const eta = new Date(Date.now() + 25 * 60_000);
  const enRoute = await invoke<{ id: string; version: number }>(admin, 'visits.setStatus', {
    id: booked.id,
    expectedVersion: booked.version,
    status: 'en_route',
    etaAt: eta.toISOString(),
  });
  const clock = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  await expect(now).toHaveText(`En route, ETA ${clock(eta)} — ${name}`);
  await screenshot(dispatcher, 'ticket-panel-en-route');

  await invoke(admin, 'visits.setStatus', { id: enRoute.id, expectedVersion: enRoute.version, status: 'on_site' });
  await expect(now).toHaveText(new RegExp(`^On site since \\d\\d:\\d\\d — ${name}$`));
  await expect(panel).not.toContainText('Scheduled:');
  await screenshot(dispatcher, 'ticket-panel-on-site');
});
