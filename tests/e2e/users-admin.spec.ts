import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { invoke } from './pages/api';
import { UsersPage } from './pages/users-page';

const PASSWORD = 'field-work-passphrase';

test('an admin disables a user, who is signed out in their open console at once; a reset password must be replaced at sign-in', async ({
  browser,
}) => {
  const admin = await openConsoleAs(browser, 'admin');
  const users = new UsersPage(admin);
  await users.open();
  const username = `kim${Date.now().toString(36)}`;
  await users.createUser({ username, displayName: 'Kim Field', role: 'Technician', password: PASSWORD });
  await screenshot(admin, 'users-list');

  // Kim works in another browser (another context: its own cookie and event stream).
  const kim = await openConsoleAs(browser, { username, password: PASSWORD });
  await users.disable('Kim Field');
  // Pushed over the event stream, not polled: the console's own refetch would take far longer.
  await expect(kim.getByLabel('Username')).toBeVisible({ timeout: 2_000 });
  await screenshot(kim, 'users-signed-out');

  await users.enable('Kim Field');
  const temporary = await users.resetPassword('Kim Field');
  await screenshot(admin, 'users-temporary-password');
  await admin.getByRole('button', { name: 'Done' }).click();
  await expect(users.row('Kim Field')).toContainText('Must set a new password');

  await kim.getByLabel('Username').fill(username);
  await kim.getByLabel('Password').fill(temporary);
  await kim.keyboard.press('Enter');
  const form = kim.getByRole('form', { name: 'Choose a new password' });
  await expect(form).toBeVisible();
  await form.getByLabel('Current password').fill(temporary);
  await form.getByLabel('New password', { exact: true }).fill('kims-own-passphrase');
  await form.getByLabel('Repeat the new password').fill('kims-own-passphrase');
  await expect(form.getByRole('button', { name: 'Set password' })).toBeEnabled();
  await screenshot(kim, 'users-set-new-password');
  await form.getByRole('button', { name: 'Set password' }).click();
  await expect(kim.getByLabel('Logged in as Kim Field')).toBeVisible();
  await expect(users.row('Kim Field')).toContainText('Active');
});

test('failed sign-ins slow a user name down and lock it, in words; the admin unlocks it', async ({ browser }) => {
  const admin = await openConsoleAs(browser, 'admin');
  const username = `lee${Date.now().toString(36)}`;
  await invoke(admin, 'users.create', { username, displayName: 'Lee Lock', role: 'technician', password: PASSWORD });
  const defaults = await invoke(admin, 'signIn.settings', {});
  await invoke(admin, 'signIn.saveSettings', { delayAfterFailures: 1, lockAfterFailures: 2, lockMinutes: 15 });
  try {
    const context = await browser.newContext();
    const lee = await context.newPage();
    await lee.goto('/');
    // The last alert: the demo's notice stands above the refusal.
    const refusal = lee.getByRole('alert').last();
    const attempt = async (password: string) => {
      await lee.getByLabel('Username').fill(username);
      await lee.getByLabel('Password').fill(password);
      await lee.getByRole('button', { name: 'Log in' }).click();
    };
    await attempt('not-my-password');
    await expect(refusal).toHaveText('Wrong username or password.');
    await attempt('not-my-password');
    await expect(refusal).toContainText('wait 1 second before trying again');
    await screenshot(lee, 'users-sign-in-slowed');
    // Tried again until the second failure counts (the wait is one second) and the lock is said.
    await expect(async () => {
      await attempt('not-my-password');
      await expect(refusal).toContainText('locked for 15 minutes', { timeout: 500 });
    }).toPass();
    await screenshot(lee, 'users-sign-in-locked');

    const users = new UsersPage(admin);
    await users.open();
    await expect(users.row('Lee Lock')).toContainText('Locked until');
    await screenshot(admin, 'users-locked');
    await admin.getByRole('button', { name: 'Unlock Lee Lock' }).click();
    await expect(users.row('Lee Lock')).toContainText('Active');

    await attempt(PASSWORD);
    await expect(lee.getByLabel('Logged in as Lee Lock')).toBeVisible({ timeout: 15_000 });
    await context.close();
  } finally {
    await invoke(admin, 'signIn.saveSettings', defaults);
  }
});

test('an admin makes an API token, sees it once, and revokes it', async ({ browser, request }) => {
  const admin = await openConsoleAs(browser, 'admin');
  const users = new UsersPage(admin);
  await users.open();
  await users.openSection('API tokens');
  const name = `bridge ${Date.now().toString(36)}`;
  await admin.getByRole('button', { name: 'New API token' }).click();
  const form = admin.getByRole('form', { name: 'New API token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Acts as').click();
  await admin.getByRole('option', { name: 'Dana Desk (desk)' }).click();
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = admin.getByLabel('API token', { exact: true });
  await expect(shown).toHaveText(/^dt_/);
  const token = (await shown.textContent()) ?? '';
  await screenshot(admin, 'users-api-token-shown');
  await admin.getByRole('button', { name: 'Done' }).click();
  const row = admin.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Dana Desk (desk)');
  await expect(row).toContainText('Never');
  const asToken = () => request.post('/api/tickets.queue', { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect((await asToken()).status()).toBe(200);
  await screenshot(admin, 'users-api-tokens');

  await admin.getByRole('button', { name: `Revoke ${name}` }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  expect((await asToken()).status()).toBe(401);
});
