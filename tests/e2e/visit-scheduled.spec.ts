import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { everyDay } from './pages/records';

test('a booked visit shows on its ticket as "Scheduled: <time> with <technician>"', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Dana ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const [ticket] = await invoke<{ id: string; number: string }[]>(dispatcher, 'tickets.queue', {});
  if (!ticket) throw new Error('the demo data has no open ticket');
  const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await invoke(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt,
    durationMinutes: 60,
  });

  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.row(ticket.number).click();
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  await expect(panel).toContainText(`with ${name}`);
  await expect(panel).toContainText('Scheduled:');
  await screenshot(dispatcher, 'ticket-panel-scheduled');
});
