import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { mondayAhead } from './pages/records';

const weekdays = [['08:00', '17:00']];
const shift = { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays };

test('the ticket panel ranks technicians with reasons in words and books the best in one click', async ({
  browser,
}) => {
  // Two consoles, a ranking and four visit changes on a shared 2-core machine.
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const skill = await invoke<{ id: string; name: string }>(admin, 'skills.create', { name: `Fibre ${stamp}` });
  const technician = (name: string, level: number | null, lat: number) =>
    invoke<{ id: string }>(admin, 'technicians.save', {
      name,
      timeZone: 'America/New_York',
      shiftPattern: shift,
      homeLatitude: lat,
      homeLongitude: -73.99,
      skills: level === null ? [] : [{ skillId: skill.id, level }],
      certifications: [],
    });
  await technician(`Ada ${stamp}`, 4, 40.75);
  await technician(`Ben ${stamp}`, 2, 40.9);
  await technician(`Cy ${stamp}`, null, 40.74);
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Contoso ${stamp}` });
  const site = await invoke<{ id: string }>(admin, 'sites.create', {
    clientId: client.id,
    name: 'Midtown office',
    address: '350 5th Ave, New York',
    latitude: 40.748,
    longitude: -73.985,
  });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: client.id,
    siteId: site.id,
    description: 'Fibre link to the data room is down',
    priority: 'high',
    estimatedMinutes: 45,
    requiredSkills: [{ skillId: skill.id, minLevel: 2 }],
  });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.openTicket(ticket.number);
  const panel = dispatcher.getByRole('region', { name: 'Best technicians' });
  // A working day ahead: ranking starts from now or the day's start, whichever is later.
  await panel.getByLabel('Day').fill(mondayAhead('America/New_York'));
  await expect(panel).toContainText(`Needs: 45 min · Fibre ${stamp} L2+`);
  const best = panel.getByLabel(`1. Ada ${stamp}`);
  await expect(best).toContainText(`skill Fibre ${stamp} L4 ≥ L2`);
  await expect(best).toContainText('min drive');
  await expect(panel.getByLabel(`2. Ben ${stamp}`)).toBeVisible();
  await panel.getByRole('button', { name: /excluded/ }).click();
  await expect(panel).toContainText(`Cy ${stamp}:`);
  await screenshot(dispatcher, 'ticket-best-technicians');

  await best.getByRole('button', { name: 'Book' }).click();
  await expect(panel).toContainText(`Booked with Ada ${stamp}`);
  const ticketPanel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  await expect(ticketPanel).toContainText(`with Ada ${stamp}`);
  // Booked: only the confirmation stays; there is nothing left to rank or book.
  await expect(panel.getByLabel('Day')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Book' })).toHaveCount(0);
  await screenshot(dispatcher, 'ticket-booked-best');

  // Opened again, a scheduled ticket shows no ranking at all.
  await ticketPanel.getByRole('button', { name: 'Close', exact: true }).click();
  await queue.openTicket(ticket.number);
  await expect(ticketPanel.getByRole('status', { name: 'Visit now' })).toContainText(`with Ada ${stamp}`);
  await expect(panel).toHaveCount(0);

  // The visit ends incomplete for want of a part: the ticket is on hold and needs another visit.
  const [visit] = await invoke<{ id: string; version: number }[]>(admin, 'visits.forTicket', { ticketId: ticket.id });
  if (!visit) throw new Error('the booking made no visit');
  const onSite = await invoke<{ id: string; version: number }>(admin, 'visits.setStatus', {
    id: visit.id,
    expectedVersion: visit.version,
    status: 'on_site',
  });
  await expect(panel).toHaveCount(0);
  await invoke(admin, 'visits.setStatus', {
    id: onSite.id,
    expectedVersion: onSite.version,
    status: 'incomplete',
    reason: 'needs_parts',
  });
  await expect(ticketPanel.getByText('On hold', { exact: true })).toBeVisible();
  await expect(panel.getByLabel('Day')).toBeVisible();
  await expect(ticketPanel.getByRole('status', { name: 'Visit now' })).toContainText(`(Needs parts) — Ada ${stamp}`);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'ticket-on-hold-best-technicians');
});
