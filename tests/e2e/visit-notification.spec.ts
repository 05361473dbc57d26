import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { invoke } from './pages/api';
import { createTechnicianLogin, everyDay } from './pages/records';

test('a technician is told at once, with the details, when a dispatcher books them', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  // A login of the test's own: the demo's `technician` login belongs to the demo's Toni Technician.
  const technicianUser = await createTechnicianLogin(admin);
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Theo ${stamp}`,
    userId: technicianUser.id,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Litware ${stamp}` });
  const site = await invoke<{ id: string }>(admin, 'sites.create', {
    clientId: client.id,
    name: 'Harbour office',
    address: '1 Harbour Way',
  });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: client.id,
    siteId: site.id,
    description: 'Meeting room display flickers',
    priority: 'medium',
  });

  const tech = await openConsoleAs(browser, technicianUser);
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await invoke(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    durationMinutes: 45,
  });

  const note = tech.getByRole('alert', { name: 'Visit notification' });
  await expect(note).toContainText(`New visit for you: ${ticket.number}`);
  await expect(note).toContainText('Harbour office, 1 Harbour Way');
  await expect(note).toContainText(`(45 min) · Litware ${stamp}`);
  await screenshot(tech, 'technician-visit-notification');
  // Unlink the shared demo login again, so other specs' bookings do not notify it.
  await invoke(admin, 'technicians.save', {
    id: technician.id,
    name: `Theo ${stamp}`,
    userId: null,
    timeZone: 'UTC',
    shiftPattern: { mon: everyDay.mon },
    skills: [],
    certifications: [],
  });
});
