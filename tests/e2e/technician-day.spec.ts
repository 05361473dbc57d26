import { expect as baseExpect, test, type Page } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { createTechnicianLogin, everyDay } from './pages/records';

// Live updates cross three consoles; on a loaded machine a refetch can take longer than the default.
const expect = baseExpect.configure({ timeout: 15_000 });

const HOUR = 3_600_000;

test('a technician works through their day and every console sees it live, on-behalf changes marked', async ({
  browser,
}) => {
  // Four consoles and a dozen round trips: longer than one view's spec.
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const name = `Toni ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  // A login of the test's own: the demo's `technician` login belongs to the demo's Toni Technician.
  const technicianUser = await createTechnicianLogin(admin);
  const record = {
    name,
    timeZone: 'UTC',
    homeLatitude: 40.7128,
    homeLongitude: -74.006,
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  };
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', { ...record, userId: technicianUser.id });
  const consoles: Page[] = [admin];
  try {
    const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Northwind ${stamp}` });
    const contact = await invoke<{ id: string }>(admin, 'contacts.create', {
      clientId: client.id,
      name: 'Nancy Davolio',
      phone: '+1 212 555 0147',
      email: 'nancy@northwind.example',
    });
    const site = await invoke<{ id: string }>(admin, 'sites.create', {
      clientId: client.id,
      name: 'Midtown office',
      address: '350 5th Ave, New York',
      latitude: 40.7484,
      longitude: -73.9857,
      accessRequirements: 'Sign in at the lobby desk; badge needed for floor 12',
    });
    const ticket = (description: string) =>
      invoke<{ id: string; number: string }>(admin, 'tickets.create', {
        channel: 'phone',
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        clientId: client.id,
        contactId: contact.id,
        siteId: site.id,
        description,
        priority: 'high',
      });
    const tickets = [
      await ticket('Reception printer jams on every page'),
      await ticket('Meeting room screen shows no signal'),
      await ticket('Badge reader at the side door is dead'),
    ] as const;

    // Today on the server's clock, in the technician's zone (UTC): three visits an hour apart,
    // booked out of order, starting an hour ago (or at the start of the day) and ending by 24:00.
    const now = new Date();
    const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const base = dayStart + Math.min(Math.max(now.getUTCHours() - 1, 0), 21) * HOUR;
    for (const i of [2, 0, 1]) {
      const t = tickets[i];
      if (!t) throw new Error('no such ticket');
      await invoke(admin, 'visits.create', {
        ticketId: t.id,
        technicianId: technician.id,
        startsAt: new Date(base + i * HOUR).toISOString(),
        durationMinutes: 50,
      });
    }

    // The technician lands on their day, visits in order, with what they need on the road.
    const tech = await openConsoleAs(browser, technicianUser);
    consoles.push(tech);
    await expect(tech.getByRole('heading', { name: 'My day' })).toBeVisible();
    const cards = tech.getByRole('article');
    await expect(cards).toHaveCount(3);
    for (const [i, t] of tickets.entries()) await expect(cards.nth(i)).toContainText(t.number);
    const first = tech.getByRole('article', { name: `Visit ${tickets[0].number}` });
    await expect(first).toContainText('Midtown office, 350 5th Ave, New York');
    await expect(first).toContainText('Sign in at the lobby desk');
    await expect(first).toContainText('Reception printer jams on every page');
    await expect(first.getByRole('link', { name: '+1 212 555 0147' })).toHaveAttribute('href', 'tel:+12125550147');

    // The dispatcher watches the first ticket's panel.
    const dispatcher = await openConsoleAs(browser, 'dispatcher');
    // A dispatcher lands on the queue.
    const queue = new QueuePage(dispatcher);
    await expect(queue.grid).toBeVisible();
    await queue.openTicket(tickets[0].number);
    const panel = dispatcher.getByRole('region', { name: `Ticket ${tickets[0].number}` });
    const panelStatus = panel.getByRole('region', { name: 'Visits' }).locator('[data-visit-status]');
    await expect(panelStatus).toHaveAttribute('data-visit-status', 'scheduled');

    // En route: the ETA is prefilled from the travel model.
    await first.getByRole('button', { name: 'En route' }).click();
    const setOff = tech.getByRole('dialog', { name: `En route: ${tickets[0].number}` });
    await expect(setOff.getByLabel('Expected arrival (ETA)')).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await expect(setOff).toContainText('From the travel model');
    await setOff.getByRole('button', { name: 'Record en route' }).click();
    await expect(setOff).toBeHidden();
    await expect(first.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'en_route');
    await expect(first).toContainText('ETA');
    await expect(panelStatus).toHaveAttribute('data-visit-status', 'en_route');

    await first.getByRole('button', { name: 'On site' }).click();
    await expect(first.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'on_site');
    await expect(panelStatus).toHaveAttribute('data-visit-status', 'on_site');
    // The first arrival is the SLA response moment: the panel now says met or missed.
    await expect(panel.locator('[data-sla-state]')).toHaveAttribute('data-sla-state', /^(met|missed)$/);

    await first.getByRole('button', { name: 'Completed' }).click();
    await expect(first.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'completed');
    await expect(panelStatus).toHaveAttribute('data-visit-status', 'completed');
    await expect(first.getByRole('button', { name: 'On site' })).toHaveCount(0);
    // Their own presses are no news to the technician.
    await expect(tech.getByRole('alert', { name: 'Visit notification' })).toHaveCount(0);
    await screenshot(tech, 'technician-day');
    await screenshot(dispatcher, 'ticket-panel-visit-status');

    // A dispatcher takes a phone call: "I'm at the second job". Recorded on behalf, and marked so.
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await queue.openTicket(tickets[1].number);
    const second = dispatcher.getByRole('region', { name: `Ticket ${tickets[1].number}` });
    await second.getByRole('button', { name: 'On site' }).click();
    const call = dispatcher.getByRole('dialog', { name: `On site: ${tickets[1].number} for ${name}` });
    await expect(call).toContainText(`Recorded on behalf of ${name}`);
    await call.getByRole('button', { name: 'Record on site' }).click();
    await expect(call).toBeHidden();
    await expect(second.getByRole('region', { name: 'Visits' })).toContainText('on behalf');
    const secondCard = tech.getByRole('article', { name: `Visit ${tickets[1].number}` });
    await expect(secondCard.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'on_site');
    await expect(secondCard).toContainText('recorded by Dev Dispatcher');
    await expect(secondCard).toContainText('on behalf');
    // Someone else's change for them is news.
    await expect(tech.getByRole('alert', { name: 'Visit notification' })).toContainText(
      `Visit status changed: ${tickets[1].number}`,
    );
    await screenshot(dispatcher, 'ticket-panel-on-behalf');

    // The dispatcher's view of the technician's day says whose behalf they record on.
    await dispatcher.keyboard.press('Escape');
    await dispatcher.getByRole('tab', { name: 'My day' }).click();
    await dispatcher.getByLabel('Technician').click();
    await dispatcher.getByRole('option', { name }).click();
    await expect(dispatcher.getByText(`Recording on behalf of ${name}`)).toBeVisible();
    await expect(dispatcher.getByRole('article')).toHaveCount(3);
    await screenshot(dispatcher, 'technician-day-dispatcher');
  } finally {
    // Unlink the shared demo login again, so other specs' bookings do not land in this day.
    await invoke(admin, 'technicians.save', { ...record, id: technician.id, userId: null });
    // Live consoles left open would keep refetching through the next specs.
    for (const page of consoles) await page.context().close();
  }
});
