import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { MapPage } from './pages/map-page';
import { createTechnician, createTicket, everyDay } from './pages/records';

const rows = 64; // above the board's windowing threshold (renderer/src/features/board/use-row-window.ts)

test('a board of many technicians draws the visits of the rows in view, fills the rest as they scroll in, and drags there', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const day = DateTime.now().plus({ days: 47 }).toISODate();
  const at = (time: string) => DateTime.fromISO(`${day}T${time}`).toUTC().toISO();
  const team = `Rows ${stamp}`;
  const name = (i: number) => `Row ${String(i).padStart(2, '0')} ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  const ids: string[] = [];
  try {
    for (let i = 0; i < rows; i++) ids.push(await createTechnician(admin, name(i), team));
    const dispatcher = await openConsoleAs(browser, 'dispatcher');
    const ticket = await createTicket(dispatcher, `Rows ${stamp}: one visit per row`, 60);
    const last = await createTicket(dispatcher, `Rows ${stamp}: the bottom row`, 60);
    for (const [i, technicianId] of ids.entries()) {
      await invoke(dispatcher, 'visits.create', {
        ticketId: i === rows - 1 ? last.id : ticket.id,
        technicianId,
        startsAt: at('09:00'),
        durationMinutes: 60,
      });
    }
    const [firstId, lastId, nearLastId] = [ids[0] ?? '', ids[rows - 1] ?? '', ids[rows - 4] ?? ''];

    const board = new BoardPage(dispatcher);
    await board.open(day);
    await dispatcher.getByRole('combobox', { name: 'Team' }).click();
    await dispatcher.getByRole('option', { name: team, exact: true }).click();

    // Every row is there; the visits are drawn for the rows in view only.
    const lanes = board.board.locator('td.fc-timeline-lane[data-resource-id]');
    await expect(lanes).toHaveCount(rows);
    await expect(board.lane(firstId).locator('.board-visit')).toBeVisible();
    await expect(board.lane(lastId).locator('.board-visit')).toHaveCount(0);
    expect(await board.board.locator('.board-visit').count()).toBeLessThan(rows);
    // Rows with and without their visits drawn are equally tall, so nothing jumps as they fill.
    const heights = await lanes.evaluateAll((tds) => [
      ...new Set(tds.map((td) => Math.round(td.getBoundingClientRect().height))),
    ]);
    expect(heights).toHaveLength(1);
    await screenshot(dispatcher, 'board-many-rows-top');

    // Scrolled to the bottom, the last rows get their visits.
    await board.lane(lastId).scrollIntoViewIfNeeded();
    await expect(board.visit(last.number)).toBeVisible();
    await expect(board.lane(lastId).locator('.board-visit')).toHaveAttribute('aria-label', new RegExp(name(rows - 1)));

    // A visit drawn after scrolling drags like any other: an hour later on its row.
    const event = board.visit(last.number);
    const box = await event.boundingBox();
    const hourLater = await board.pointAt(lastId, day, '10:00');
    if (!box) throw new Error('the last visit is not on screen');
    const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const updated = dispatcher.waitForResponse((r) => r.url().endsWith('/api/visits.update'));
    await dispatcher.mouse.move(grab.x, grab.y);
    await dispatcher.mouse.down();
    await dispatcher.mouse.move(grab.x + (hourLater.x - 3 - box.x), grab.y, { steps: 15 });
    await dispatcher.mouse.up();
    expect((await (await updated).json()) as { ok: boolean }).toMatchObject({ ok: true });
    const [moved] = await invoke<{ startsAt: string }[]>(dispatcher, 'visits.forTicket', { ticketId: last.id });
    expect(moved?.startsAt).toBe(at('10:00'));

    // A booking made elsewhere for a row in view shows without a reload.
    await invoke(admin, 'visits.create', {
      ticketId: ticket.id,
      technicianId: nearLastId,
      startsAt: at('13:00'),
      durationMinutes: 30,
    });
    await expect(board.lane(nearLastId).locator('.board-visit')).toHaveCount(2);
    await screenshot(dispatcher, 'board-many-rows-bottom');

    // Back at the top, the first rows have their visits again.
    await board.lane(firstId).scrollIntoViewIfNeeded();
    await expect(board.lane(firstId).locator('.board-visit')).toBeVisible();

    // The last row selected here is selected on the map; back on the board (all teams now, the
    // row far below) it is scrolled into view with its visit.
    await dispatcher.getByRole('button', { name: `Select ${name(rows - 1)}` }).click();
    const map = new MapPage(dispatcher);
    await map.open();
    await expect(map.selectedTechnician).toContainText(name(rows - 1));
    await board.open(day);
    await expect(board.visit(last.number)).toBeInViewport();
    await screenshot(dispatcher, 'board-many-rows-selected');
  } finally {
    // Out of the way of the specs that follow: other boards, rankings and plans skip inactive technicians.
    for (const [i, id] of ids.entries()) {
      await invoke(admin, 'technicians.save', {
        id,
        name: name(i),
        team,
        timeZone: 'UTC',
        shiftPattern: everyDay,
        skills: [],
        certifications: [],
        active: false,
      });
    }
  }
});
