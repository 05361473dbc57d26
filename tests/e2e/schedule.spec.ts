import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { DateTime } from 'luxon';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { createClientWithContact, mondayAhead } from './pages/records';

/** A team of two, each with one visit on a Monday ahead, booked by the admin over the API. */
async function seedTeamDay(browser: Browser) {
  const stamp = Date.now().toString(36);
  const team = `Owls ${stamp}`;
  const day = mondayAhead('UTC', 3);
  const admin = await openConsoleAs(browser, 'admin');
  const to = await createClientWithContact(admin, stamp);
  const technician = async (name: string) =>
    (
      await invoke<{ id: string }>(admin, 'technicians.save', {
        name,
        team,
        timeZone: 'UTC',
        homeLatitude: 40.75,
        homeLongitude: -73.99,
        shiftPattern: { mon: [['08:00', '17:00']] },
        skills: [],
        certifications: [],
      })
    ).id;
  const people = [
    { name: `Zoë Łukasiewicz ${stamp}`, time: '09:00', id: '', number: '' },
    { name: `Дмитрий ${stamp}`, time: '10:30', id: '', number: '' },
  ];
  for (const person of people) {
    person.id = await technician(person.name);
    const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
      channel: 'phone',
      receivedAt: DateTime.now().minus({ minutes: 5 }).toUTC().toISO(),
      clientId: to.clientId,
      contactId: to.contactId,
      siteId: to.siteId,
      description: 'Badge reader at the side door stays red',
      priority: 'high',
    });
    await invoke(admin, 'visits.create', {
      ticketId: ticket.id,
      technicianId: person.id,
      startsAt: `${day}T${person.time}:00.000Z`,
      durationMinutes: 60,
    });
    person.number = ticket.number;
  }
  return { stamp, team, day, people, numbers: people.map((p) => p.number) };
}

test('a supervisor opens the schedule for a team and day, reads the visits and saves the PDF', async ({ browser }) => {
  test.setTimeout(90_000);
  const { stamp, team, day, numbers } = await seedTeamDay(browser);
  const supervisor = await openConsoleAs(browser, 'supervisor');
  await supervisor.getByRole('tab', { name: 'Schedule' }).click();
  await supervisor.getByLabel('Day', { exact: true }).fill(day);
  await supervisor.getByRole('combobox', { name: 'Whose day' }).click();
  await supervisor.getByRole('option', { name: `Team ${team}` }).click();
  for (const name of [`Zoë Łukasiewicz ${stamp}`, `Дмитрий ${stamp}`]) {
    await expect(supervisor.getByRole('region', { name })).toBeVisible();
  }
  for (const number of numbers) await expect(supervisor.getByText(number, { exact: true })).toBeVisible();
  await expect(supervisor.getByText('1 Main St, New York, NY 10001').first()).toBeVisible();
  // The team menu closes with an animation; the screenshot waits for it to be gone.
  await expect(supervisor.getByRole('listbox')).toBeHidden();
  await screenshot(supervisor, 'schedule-view');

  // In the browser, Print is the browser's own print dialog (the desktop shell prints from its main process).
  await supervisor.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void (w.printed += 1);
  });
  await supervisor.getByRole('button', { name: 'Print', exact: true }).click();
  await expect.poll(() => supervisor.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const [download] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.getByRole('button', { name: 'Save as PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`schedule-${day}-team-owls-${stamp}.pdf`);
  const file = 'test-results/screenshots/schedule.pdf';
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // What Ctrl+P gives: the sheets alone, one technician per page.
  await supervisor.emulateMedia({ media: 'print' });
  await expect(supervisor.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
  await expect(supervisor.getByRole('tab', { name: 'Schedule' })).toBeHidden();
  await screenshot(supervisor, 'schedule-print');
});

test("a dispatcher prints the board's day: the team filtered to, then the technician selected", async ({ browser }) => {
  test.setTimeout(90_000);
  const { team, day, people, numbers } = await seedTeamDay(browser);
  const [zoe, dmitry] = people;
  if (!zoe || !dmitry) throw new Error('two technicians were seeded');
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const board = new BoardPage(dispatcher);
  await board.open(day);
  await board.showTeam(team);
  await expect(board.visit(zoe.number)).toBeVisible();
  // The team menu fades out after the listbox goes: its popover root is the last to leave.
  await expect(dispatcher.locator('.MuiPopover-root')).toHaveCount(0);
  await screenshot(dispatcher, 'board-print-day');

  await dispatcher.getByRole('button', { name: 'Print day' }).click();
  await expect(dispatcher).toHaveURL(new RegExp(`#/schedule\\?date=${day}&team=`));
  await expect(dispatcher.getByLabel('Day', { exact: true })).toHaveValue(day);
  await expect(dispatcher.getByRole('combobox', { name: 'Whose day' })).toHaveText(`Team ${team}`);
  for (const person of people) await expect(dispatcher.getByRole('region', { name: person.name })).toBeVisible();
  for (const number of numbers) await expect(dispatcher.getByText(number, { exact: true })).toBeVisible();
  await screenshot(dispatcher, 'schedule-from-board-team');

  // Back on the board, a click on a name selects that technician: Print day now prints them alone.
  await dispatcher.goBack();
  await expect(board.board).toBeVisible();
  await board.board.getByRole('button', { name: `Select ${dmitry.name}` }).click();
  await dispatcher.getByRole('button', { name: 'Print day' }).click();
  await expect(dispatcher).toHaveURL(new RegExp(`#/schedule\\?date=${day}&technician=${dmitry.id}$`));
  await expect(dispatcher.getByRole('region', { name: dmitry.name })).toBeVisible();
  await expect(dispatcher.getByText(dmitry.number, { exact: true })).toBeVisible();
  await expect(dispatcher.getByRole('region', { name: zoe.name })).toHaveCount(0);
  await screenshot(dispatcher, 'schedule-from-board-technician');
});

test("an admin turns on tomorrow's schedule by e-mail at 18:00, and off again", async ({ browser }) => {
  const admin = await openConsoleAs(browser, 'admin');
  await admin.getByRole('tab', { name: 'E-mail' }).click();
  const panel = admin.getByRole('form', { name: "Tomorrow's schedule by e-mail" });
  const enabled = panel.getByRole('checkbox', { name: "Send each technician tomorrow's schedule" });
  await expect(enabled).not.toBeChecked();
  await expect(panel.getByRole('combobox', { name: 'At' })).toBeDisabled();
  await enabled.check();
  await panel.getByRole('combobox', { name: 'At' }).click();
  await admin.getByRole('option', { name: '18:00' }).click();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();
  expect(await invoke(admin, 'schedules.mailSettings', {})).toEqual({ enabled: true, hour: 18 });
  await expect(admin.locator('.MuiPopover-root')).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(admin, 'mail-admin-schedule');
  // Off again: the other specs share this server, and their technicians need no schedules.
  await enabled.uncheck();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();
  expect(await invoke(admin, 'schedules.mailSettings', {})).toEqual({ enabled: false, hour: 18 });
});
