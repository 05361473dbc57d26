import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { instantWords } from '../../shared/time/instant-words';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createClientWithContact, createTechnician, createTicketFor } from './pages/records';
import { TicketPanel } from './pages/ticket-panel';

// A New York workstation and a London site: the site keeps another clock all year.
const reader = { locale: 'en-US', zone: 'America/New_York' };
test.use({ locale: reader.locale, timezoneId: reader.zone, viewport: { width: 1440, height: 900 } });

test('the timeline reads the work without the messages, remembered on the workstation, every time by one rule', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await createClientWithContact(admin, stamp);
  const london = await invoke<{ id: string }>(admin, 'sites.create', {
    clientId: client.clientId,
    name: 'London office',
    address: '1 Poultry, London EC2R 8EJ',
    timeZone: 'Europe/London',
  });
  const technicianId = await createTechnician(admin, `Timeline Tam ${stamp}`);
  // Logged for a contact with an e-mail address, then booked: the acknowledgement and the booking's
  // message are queued among the work.
  const ticket = await createTicketFor(
    admin,
    { ...client, siteId: london.id },
    `Timeline ${stamp}: the plotter prints blank pages`,
  );
  const startsAt = DateTime.now().plus({ days: 20 }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 });
  const visit = await invoke<{ startsAt: string }>(admin, 'visits.create', {
    ticketId: ticket.id,
    technicianId,
    startsAt: startsAt.toUTC().toISO(),
    durationMinutes: 60,
  });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const queue = new QueuePage(dispatcher);
  await queue.open();
  const panel = new TicketPanel(dispatcher, ticket.number);
  // A click that lands while the search narrows the grid only focuses a cell: a person clicks again.
  const openPanel = () =>
    expect(async () => {
      await queue.openTicket(ticket.number);
      await expect(panel.timeline).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  await openPanel();
  const show = panel.timeline.getByRole('group', { name: 'Show in the timeline' });
  const entries = panel.timeline.getByRole('listitem');
  const messages = panel.timeline.locator('li[data-kind="message"]');
  const booked = panel.timeline.locator('li[data-kind="visit_booked"]');
  await expect(booked).toHaveCount(1);
  await expect(messages).not.toHaveCount(0);
  const all = await entries.count();
  await expect(show.getByRole('button', { name: `All (${all})` })).toHaveAttribute('aria-pressed', 'true');

  // The visit's time in the workstation's words, with the London clock and its abbreviation beside it.
  await expect(booked).toContainText(instantWords(visit.startsAt, reader, 'Europe/London'));
  await expect(booked).toContainText(
    /\((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec \d+, )?\d\d:00\s[AP]M (GMT|BST) at the site\)/,
  );
  await expect(panel.timeline).not.toContainText(/\d\d:\d\d UTC/);

  // Work: no message left; Messages: nothing else.
  await show.getByRole('button', { name: /^Work/ }).click();
  await expect(booked).toHaveCount(1);
  await expect(messages).toHaveCount(0);
  const work = await entries.count();
  await screenshot(dispatcher, 'timeline-work');
  await show.getByRole('button', { name: /^Messages/ }).click();
  await expect(booked).toHaveCount(0);
  await expect(entries).toHaveCount(all - work);
  await expect(messages).toHaveCount(all - work);
  await screenshot(dispatcher, 'timeline-messages');

  // Chosen once, kept on this workstation: the next panel opened, after a reload, shows the work.
  await show.getByRole('button', { name: /^Work/ }).click();
  await dispatcher.reload();
  await openPanel();
  await expect(show.getByRole('button', { name: /^Work/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(messages).toHaveCount(0);
  await expect(entries).toHaveCount(work);
});
