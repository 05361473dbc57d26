import { expect, test, type Page } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';
import { createTicket } from './pages/records';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('at 1280 × 720 the desk saves a call with Save in the clear, and the queue shows each ticket’s description', async ({
  browser,
}) => {
  const size = (p: Page) => p.setViewportSize({ width: 1280, height: 720 });
  const desk = await openConsoleAs(browser, 'desk', size);
  const intake = new IntakePage(desk);
  await intake.open();
  await intake.findCaller('212 555 0142', 'Maria Anders');
  await intake.takeFirstSite('Head office');
  await desk.keyboard.type('Projector in room 4 flickers when warm.');
  await desk.keyboard.press('Control+Enter');
  await intake.savedTicketNumber();
  const notice = desk.getByRole('status').filter({ hasText: 'logged for' });
  await expect(notice).toBeVisible();
  const save = desk.getByRole('button', { name: 'Save ticket' });
  const [noticeBox, saveBox] = [await notice.boundingBox(), await save.boundingBox()];
  expect(noticeBox && saveBox && !overlaps(noticeBox, saveBox)).toBe(true);
  await screenshot(desk, 'desk-1280-saved');

  const dispatcher = await openConsoleAs(browser, 'dispatcher', size);
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await expect(queue.grid.getByRole('columnheader', { name: 'Description' })).toBeInViewport({ ratio: 1 });
  await screenshot(dispatcher, 'queue-1280');
});

/**
 * How much of each entry of the caller's lists the desk sees at first sight: the part of its box
 * inside every ancestor that clips (a scrolling list, the page) and inside the window, 0 to 1.
 */
async function entriesInSight(intake: IntakePage) {
  return intake.openTickets.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const box = item.getBoundingClientRect();
      let top = Math.max(box.top, 0);
      let bottom = Math.min(box.bottom, window.innerHeight);
      for (let a = item.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible') continue;
        const clip = a.getBoundingClientRect();
        top = Math.max(top, clip.top);
        bottom = Math.min(bottom, clip.bottom);
      }
      const number = /T-\d{4}-\d{6}/.exec(item.textContent)?.[0] ?? '';
      return { number, seen: Math.round((Math.max(0, bottom - top) / box.height) * 100) / 100 };
    }),
  );
}

test('at 1280 × 720 the caller’s open tickets show as whole entries, with the rest behind a "more" cue', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const desk = await openConsoleAs(browser, 'desk', (p) => p.setViewportSize({ width: 1280, height: 720 }));
  // More open tickets than any screen holds, whatever else the run has logged for Northwind.
  for (let i = 1; i <= 6; i++) await createTicket(desk, `Small screen ${stamp} #${i}: monitor ${i} flickers`, 30);
  const [northwind] = await invoke<{ client: { id: string } }[]>(desk, 'clients.search', { query: 'Northwind' });
  const open = await invoke<unknown[]>(desk, 'tickets.queue', { clientId: northwind?.client.id });

  const intake = new IntakePage(desk);
  await intake.open();
  await intake.findCaller('212 555 0142', 'Maria Anders');
  await expect(intake.openTickets).toContainText(`${open.length} open tickets`);
  const shown = await entriesInSight(intake);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((entry) => entry.seen < 1)).toEqual([]);
  const more = intake.openTickets.getByRole('button', { name: /^Show \d+ more open tickets?$/ });
  await expect(more).toBeInViewport({ ratio: 1 });
  await screenshot(desk, 'desk-1280-open-tickets');

  // Asked for, every open ticket is listed.
  await more.click();
  await expect(intake.openTickets.getByRole('list', { name: 'Open tickets' }).getByRole('listitem')).toHaveCount(
    open.length,
  );
  await screenshot(desk, 'desk-1280-open-tickets-all');
});
