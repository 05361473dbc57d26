import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { createTicket, mondayAhead } from './pages/records';

// The browser and this process run on one machine: the technicians' shifts are in its zone, so
// the board's hours are the shifts' hours.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const weekdays = (open: string, close: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[open, close]]]));

async function officeTechnician(admin: Page, name: string, team: string, open: string, close: string) {
  const t = await invoke<{ id: string }>(admin, 'technicians.save', {
    name,
    team,
    timeZone: zone,
    shiftPattern: weekdays(open, close),
    skills: [],
    certifications: [],
  });
  return t.id;
}

/**
 * The week view's hour labels (the second header row): their date, their text, and whether any
 * of the text's glyphs lie outside the label's frame (FullCalendar hides what overflows it).
 */
async function hourLabels(board: BoardPage) {
  return board.board.locator('.fc-timeline-header-row:last-child .fc-timeline-slot-label').evaluateAll((cells) =>
    cells.map((cell) => {
      const frame = cell.querySelector('.fc-timeline-slot-frame');
      const text = cell.querySelector('.fc-timeline-slot-cushion');
      const glyphs = document.createRange();
      if (text) glyphs.selectNodeContents(text);
      const box = frame?.getBoundingClientRect();
      const inked = glyphs.getBoundingClientRect();
      return {
        date: cell.getAttribute('data-date') ?? '',
        text: text?.textContent ?? '',
        cut: !box || inked.width === 0 || inked.left < box.left - 0.5 || inked.right > box.right + 0.5,
      };
    }),
  );
}

test("the board's week starts on Monday and shows the technicians' working hours in labels that are not cut", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const team = `Desk ${stamp}`;
  // A Wednesday weeks ahead: the week around it belongs to this test alone.
  const monday = mondayAhead(zone, 3);
  const wednesday = DateTime.fromISO(monday).plus({ days: 2 }).toISODate() ?? '';
  const sunday = DateTime.fromISO(monday).plus({ days: 6 }).toISODate() ?? '';

  const admin = await openConsoleAs(browser, 'admin');
  // The organisation's first day, on the admin's settings screen: Monday unless changed.
  await admin.getByRole('tab', { name: 'Settings', exact: true }).click();
  await expect(admin.getByRole('form', { name: 'Organisation' }).getByRole('combobox')).toHaveText('Monday');
  const early = await officeTechnician(admin, `Early ${stamp}`, team, '07:00', '16:00');
  const late = await officeTechnician(admin, `Late ${stamp}`, team, '08:30', '17:30');

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const ticket = await createTicket(dispatcher, `Desk ${stamp}: week view`, 60);
  await invoke(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId: early,
    startsAt: DateTime.fromISO(`${wednesday}T09:00`).toUTC().toISO(),
    durationMinutes: 60,
  });

  const board = new BoardPage(dispatcher);
  await board.open(wednesday);
  await dispatcher.getByRole('combobox', { name: 'Team' }).click();
  await dispatcher.getByRole('option', { name: team }).click();
  await dispatcher.getByRole('button', { name: 'Week' }).click();

  // Monday to Sunday, from 06:00 (07:00 rounded down to the even hour) to 18:00 (17:30 rounded up).
  await expect(board.board.locator('.fc-timeline-slot-label').first()).toHaveAttribute(
    'data-date',
    new RegExp(`^${monday}T`),
  );
  await expect.poll(async () => (await hourLabels(board)).at(0)?.date).toBe(`${monday}T06:00:00`);
  const labels = await hourLabels(board);
  expect(labels.at(-1)?.date).toBe(`${sunday}T16:00:00`);
  expect(labels.slice(0, 6).map((l) => l.text)).toEqual(['06', '08', '10', '12', '14', '16']);
  expect(labels.filter((l) => l.cut)).toEqual([]);
  await expect(board.visit(ticket.number)).toBeVisible();

  // One row height for both: the visit on one of them does not make its row taller.
  // (The frames inside the rows: the table's last row is half a border shorter, visits or not.)
  const frame = (id: string) => board.lane(id).locator('.fc-timeline-lane-frame').boundingBox();
  const [earlyRow, lateRow] = [await frame(early), await frame(late)];
  expect(earlyRow?.height).toBeGreaterThan(0);
  expect(earlyRow?.height).toBe(lateRow?.height);
  await screenshot(dispatcher, 'desk-week-working-hours');

  // All 24 hours on request, labelled every four.
  await dispatcher.getByLabel('Show 24 h').check();
  await expect.poll(async () => (await hourLabels(board)).at(0)?.date).toBe(`${monday}T00:00:00`);
  expect((await hourLabels(board)).slice(0, 6).map((l) => l.text)).toEqual(['00', '04', '08', '12', '16', '20']);
  expect((await hourLabels(board)).filter((l) => l.cut)).toEqual([]);
});

test('the account menu at the right of the top bar logs out', async ({ browser }) => {
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await dispatcher.getByRole('button', { name: /^Logged in as Dev Dispatcher/ }).click();
  await expect(dispatcher.getByRole('menu')).toContainText('Dispatch coordinator');
  await dispatcher.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(dispatcher.getByLabel('Username')).toBeVisible();
  await expect(dispatcher.getByLabel(/Logged in as/)).toHaveCount(0);
});

test('Ctrl+K opens the command palette, which goes to a view and starts a new ticket by keyboard alone', async ({
  browser,
}) => {
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const palette = dispatcher.getByRole('dialog', { name: 'Command palette' });

  // Arrows: the list starts at the first view (Queue); one down is the Board.
  await dispatcher.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Go to or do…' })).toBeFocused();
  await expect(palette.getByRole('option')).toContainText(['Queue', 'Board', 'Map', 'Technicians']);
  await dispatcher.keyboard.press('ArrowDown');
  await dispatcher.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(dispatcher.getByRole('region', { name: 'Board' })).toBeVisible({ timeout: 15_000 });
  await expect(dispatcher.getByRole('tab', { name: 'Board' })).toHaveAttribute('aria-selected', 'true');

  // Typing narrows the list to the action; Enter runs it.
  await dispatcher.keyboard.press('Control+k');
  await dispatcher.keyboard.type('new tick');
  await expect(palette.getByRole('option')).toHaveText(['New ticket']);
  await dispatcher.keyboard.press('Enter');
  await expect(dispatcher.getByRole('heading', { name: 'New request' })).toBeVisible({ timeout: 15_000 });

  // Escape closes it where it was.
  await dispatcher.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await dispatcher.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(dispatcher.getByRole('heading', { name: 'New request' })).toBeVisible();
});
