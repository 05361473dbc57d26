import { expect as baseExpect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { MapPage } from './pages/map-page';

// What a new user sees on the first start of `npm run serve -- --demo`: the demo world is there
// without anyone setting it up. The board and map views load their code on first use.
const expect = baseExpect.configure({ timeout: 15_000 });

test.use({ viewport: { width: 1440, height: 900 } });

test('the demo technician logs in to a day of visits', async ({ browser }) => {
  const tech = await openConsoleAs(browser, 'technician');
  await expect(tech.getByRole('heading', { name: 'My day' })).toBeVisible();
  await expect(tech.getByText('not linked to a technician record')).toHaveCount(0);
  const cards = tech.getByRole('article');
  // Work under way (done this morning, on site now) whatever time the demo started.
  await expect(cards.locator('[data-visit-status="completed"]')).toHaveCount(1);
  await expect(cards.locator('[data-visit-status="on_site"]')).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Head office' }).first()).toBeVisible();
  await screenshot(tech, 'first-run-my-day');
});

test('a dispatcher finds teams and visits on the board and technicians on the map', async ({ browser }) => {
  // Everything the page logs as an error, from the login on: a blocked resource (the content
  // security policy refusing the calendar's icon font) shows up here.
  const errors: string[] = [];
  const dispatcher = await openConsoleAs(browser, 'dispatcher', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return Promise.resolve();
  });
  const board = new BoardPage(dispatcher);
  await board.open(DateTime.now().toISODate());
  for (const name of ['Toni Technician', 'Ray Brooks', 'Lena Kowalski', 'Priya Shah', 'Omar Haddad']) {
    await expect(board.board.getByText(name, { exact: true })).toBeVisible();
  }
  await expect.poll(() => board.board.locator('.board-visit').count()).toBeGreaterThanOrEqual(6);
  // The fonts the page uses have loaded (or failed) by now, so a refusal would have been logged.
  await dispatcher.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(errors).toEqual([]);
  await screenshot(dispatcher, 'first-run-board');

  const map = new MapPage(dispatcher);
  await map.open();
  // Lena is on site at the Brooklyn clinic, Marcus at his home base; the crews at Head office
  // and in New Jersey share their sites with others, so they are drawn as clusters there.
  for (const name of ['Lena Kowalski', 'Marcus Bell']) await expect(map.technician(name)).toBeVisible();
  await screenshot(dispatcher, 'first-run-map');
});

test('an admin links a new technician to a login created in the dialog, and sees which logins are taken', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  await admin.getByRole('tab', { name: 'Technicians' }).click();
  const toni = admin.getByRole('row', { name: 'Toni Technician' });
  await expect(toni).toContainText('technician');

  await admin.getByRole('button', { name: 'Add technician' }).click();
  const form = admin.getByRole('form', { name: 'Add technician' });
  await form.getByRole('textbox', { name: /^Name/ }).fill(`Sasha ${stamp}`);
  await form.getByRole('combobox', { name: 'Login' }).click();
  const taken = admin.getByRole('option', { name: /^technician \(Toni Technician\)/ });
  await expect(taken).toContainText('linked to Toni Technician');
  await expect(taken).toHaveAttribute('aria-disabled', 'true');
  await admin.getByRole('option', { name: 'Create a login…' }).click();
  await form.getByLabel('Username').fill(`sasha${stamp}`);
  await form.getByLabel('Display name').fill(`Sasha ${stamp}`);
  await form.getByLabel('Temporary password').fill('first-day-on-site');
  await screenshot(admin, 'first-run-link-login');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(admin.getByRole('row', { name: `Sasha ${stamp}` })).toContainText(`sasha${stamp}`);

  const sasha = await openConsoleAs(browser, { username: `sasha${stamp}`, password: 'first-day-on-site' });
  await expect(sasha.getByRole('heading', { name: 'My day' })).toBeVisible();
  await expect(sasha.getByText('not linked to a technician record')).toHaveCount(0);
});
