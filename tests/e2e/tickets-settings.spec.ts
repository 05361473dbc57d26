import { expect, test } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';

test('an admin sets the reopen window and the largest attachment on the Settings screen; a bad value is refused at its field', async ({
  browser,
}) => {
  const admin = await openConsoleAs(browser, 'admin');
  const before = {
    closure: await invoke<{ reopenWindowDays: number }>(admin, 'closure.settings', {}),
    attachments: await invoke<{ maxUploadMegabytes: number }>(admin, 'attachments.settings', {}),
  };
  await admin.getByRole('tab', { name: 'Settings', exact: true }).click();
  const panel = admin.getByRole('form', { name: 'Tickets and attachments' });
  const reopen = panel.getByLabel('Reopen window');
  const largest = panel.getByLabel('Largest attachment');
  await expect(reopen).toHaveValue(String(before.closure.reopenWindowDays));
  await expect(largest).toHaveValue(String(before.attachments.maxUploadMegabytes));

  // Each setting is saved on its own: the refused one keeps what was typed, with its reason.
  await reopen.fill('0');
  await largest.fill('30');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toContainText('At least 1 day');
  await expect(panel.getByRole('status')).toHaveCount(0);
  await screenshot(admin, 'settings-tickets-refused');
  expect(await invoke(admin, 'closure.settings', {})).toEqual(before.closure);
  expect(await invoke(admin, 'attachments.settings', {})).toEqual({ maxUploadMegabytes: 30 });

  await reopen.fill('30');
  await largest.fill('2.5');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toContainText('Whole megabytes');
  expect(await invoke(admin, 'closure.settings', {})).toEqual({ reopenWindowDays: 30 });

  await largest.fill('40');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await screenshot(admin, 'settings-tickets-saved');
  expect(await invoke(admin, 'attachments.settings', {})).toEqual({ maxUploadMegabytes: 40 });

  // Read back after a reload, then put back as other specs expect them.
  await admin.reload();
  await admin.getByRole('tab', { name: 'Settings', exact: true }).click();
  await expect(reopen).toHaveValue('30');
  await expect(largest).toHaveValue('40');
  await invoke(admin, 'closure.saveSettings', before.closure);
  await invoke(admin, 'attachments.saveSettings', before.attachments);
});
