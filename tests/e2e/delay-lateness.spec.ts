import { expect as baseExpect, test } from '@playwright/test';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { everyDay } from './pages/records';

// Live refetches on a loaded machine can take longer than the default.
const expect = baseExpect.configure({ timeout: 15_000 });

const MINUTE = 60_000;

test('a visit overrunning shows the next visit projected late on the board and in the queue', async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Lena Late ${stamp}`,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Fabrikam ${stamp}` });
  const site = (name: string, latitude: number, longitude: number) =>
    invoke<{ id: string }>(admin, 'sites.create', {
      clientId: client.id,
      name,
      address: `${name}, New York`,
      latitude,
      longitude,
    });
  const downtown = await site('Downtown office', 40.7128, -74.006);
  const uptown = await site('Uptown store', 40.7831, -73.9712);
  const book = async (siteId: string, startsAt: number) => {
    const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 3 * 60 * MINUTE).toISOString(),
      clientId: client.id,
      siteId,
      description: 'Card terminal offline',
      priority: 'high',
    });
    const visit = await invoke<{ id: string; version: number }>(admin, 'visits.create', {
      ticketId: ticket.id,
      technicianId: technician.id,
      helperIds: [],
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes: 60,
      override: { reason: 'E2E: a day already under way' },
    });
    return { ticket, visit };
  };
  // Whole minutes, so the board's slots line up; the first visit ended ten minutes ago.
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const overrun = await book(downtown.id, now - 70 * MINUTE);
  const next = await book(uptown.id, now + 5 * MINUTE);
  // The crew is still on site past its planned end: the next visit slips by the overrun and the drive.
  await invoke(admin, 'visits.setStatus', {
    id: overrun.visit.id,
    expectedVersion: overrun.visit.version,
    status: 'on_site',
    at: new Date(now - 65 * MINUTE).toISOString(),
  });
  const projected = await invoke<{ projectedLateMinutes: number | null }[]>(admin, 'visits.forTicket', {
    ticketId: next.ticket.id,
  });
  const minutes = projected[0]?.projectedLateMinutes ?? 0;
  expect(minutes).toBeGreaterThan(15);
  // A watcher tick between the projection and the page may move it by a minute.
  const late = new RegExp(`≈ (${minutes - 1}|${minutes}|${minutes + 1}) min late`);

  // A console opened now, on the day as it stands: this spec is about what the board and the queue
  // show of a projection, not about live updates (technician-day and intake-to-queue cover those).
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const board = new BoardPage(dispatcher);
  await board.open(new Date(now).toISOString().slice(0, 10));
  const card = board.visit(next.ticket.number);
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText(late);
  await expect(card).toHaveAttribute('aria-label', /projected ≈ \d+ min late/);
  await expect(board.visit(overrun.ticket.number)).not.toContainText('late');
  await screenshot(dispatcher, 'delay-lateness-board');

  const queue = new QueuePage(dispatcher);
  await queue.open();
  const row = await queue.find(next.ticket.number);
  await expect(row.getByRole('gridcell').filter({ hasText: late })).toBeVisible();
  await screenshot(dispatcher, 'delay-lateness-queue');
});
