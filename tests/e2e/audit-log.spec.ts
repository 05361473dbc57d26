import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';

test('an admin finds a refused sign-in and a sign-out in the audit log, opens one, and exports the list', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const intruder = `mallory-${stamp}`;

  // Someone tries a name that does not exist, and the desk signs in and out.
  const stranger = await browser.newContext();
  const door = await stranger.newPage();
  await door.goto('/');
  await door.getByLabel('Username').fill(intruder);
  await door.getByLabel('Password').fill('letmein-please');
  await door.keyboard.press('Enter');
  await expect(door.getByText('Wrong username or password.')).toBeVisible();
  await stranger.close();
  const desk = await openConsoleAs(browser, 'desk');
  await invoke(desk, 'auth.logout', {});

  const admin = await openConsoleAs(browser, 'admin');
  await admin.getByRole('tab', { name: 'Audit', exact: true }).click();
  const table = admin.getByRole('table', { name: 'Audit entries' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  const filter = admin.getByRole('form', { name: 'Filter the audit log' });
  await filter.getByLabel('Kind').click();
  await admin.getByRole('option', { name: 'Sign in', exact: true }).click();
  const refused = table.getByRole('row').filter({ hasText: intruder });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('auth.login');
  await expect(refused).toContainText('Console');
  await expect(table.getByRole('row').filter({ hasText: 'auth.logout' })).toHaveCount(0);
  await expect(admin.locator('.MuiPopover-root')).toHaveCount(0);
  await screenshot(admin, 'audit-log-sign-ins');

  await refused.click();
  const dialog = admin.getByRole('dialog', { name: 'Sign in · auth.login' });
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row', { name: /outcome/ })).toContainText('refused');
  await expect(changes.getByRole('row', { name: /reason/ })).toContainText('unknown_user');
  await expect(dialog).not.toContainText('letmein-please');
  await screenshot(admin, 'audit-log-entry');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The desk's sign-out is there too, under their name.
  await filter.getByLabel('Kind').click();
  await admin.getByRole('option', { name: 'Session', exact: true }).click();
  await filter.getByLabel('Who').click();
  await admin.getByRole('option', { name: 'Dana Desk (desk)' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('auth.logout');
  await filter.getByLabel('Who').click();
  await admin.getByRole('option', { name: 'Anyone' }).click();
  await filter.getByLabel('Kind').click();
  await admin.getByRole('option', { name: 'Sign in', exact: true }).click();

  // The record filter narrows to the one name; the export holds what the list shows.
  await filter.getByLabel('Record').fill(intruder);
  await expect(table.getByRole('row')).toHaveCount(2);
  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('at (UTC),username,name,method,kind,record,ticket,before,after');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(intruder);
  await expect(admin.getByRole('alert').filter({ hasText: 'Exported 1 entry to audit-log-' })).toBeVisible();
});
