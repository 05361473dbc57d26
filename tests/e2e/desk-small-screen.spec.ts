import { expect, test, type Page } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';

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
