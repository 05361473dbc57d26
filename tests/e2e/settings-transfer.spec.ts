import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { SettingsTransferPanel } from './pages/settings-transfer-panel';

test('an admin exports the settings, changes one, imports the file back and, after reading the preview, has it restored', async ({
  browser,
}, testInfo) => {
  const admin = await openConsoleAs(browser, 'admin');
  const before = await invoke<{ firstDayOfWeek: string }>(admin, 'organisation.settings', {});
  expect(before).toEqual({ firstDayOfWeek: 'mon' });
  const transfer = new SettingsTransferPanel(admin);
  await transfer.open();

  const download = await transfer.export();
  expect(download.suggestedFilename()).toMatch(/^dispatch-settings-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(transfer.panel.getByRole('status')).toContainText('Exported as dispatch-settings-');
  await screenshot(admin, 'settings-transfer-exported');

  // Someone changes a setting after the export.
  const organisation = admin.getByRole('form', { name: 'Organisation' });
  await organisation.getByLabel('First day of the week').click();
  await admin.getByRole('option', { name: 'Wednesday' }).click();
  await expect(organisation).toContainText('Saved.');
  expect(await invoke(admin, 'organisation.settings', {})).toEqual({ firstDayOfWeek: 'wed' });

  // Importing the file back tells, in words, what it puts back; Cancel changes nothing.
  await transfer.pick(file);
  await expect(transfer.preview).toContainText('Importing this file changes 1 thing here.');
  await expect(transfer.preview.getByRole('region', { name: 'Organisation' })).toContainText(
    'First day of the week: Wednesday → Monday',
  );
  await expect(transfer.preview).toContainText('Never in a settings file: The SMTP password');
  await screenshot(admin, 'settings-transfer-preview');
  await transfer.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(transfer.dialog).toBeHidden();
  expect(await invoke(admin, 'organisation.settings', {})).toEqual({ firstDayOfWeek: 'wed' });

  await transfer.pick(file);
  await transfer.dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(transfer.dialog).toBeHidden();
  await expect(transfer.panel.getByRole('status')).toContainText('1 change applied.');
  await expect(organisation.getByLabel('First day of the week')).toHaveText('Monday');
  expect(await invoke(admin, 'organisation.settings', {})).toEqual(before);
  await transfer.panel.scrollIntoViewIfNeeded();
  await screenshot(admin, 'settings-transfer-applied');

  // The same file again changes nothing, and says so.
  await transfer.pick(file);
  await expect(transfer.preview).toContainText('importing changes nothing');
  await expect(transfer.dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await transfer.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a file that is not a settings file is refused in words, and nothing changes', async ({ browser }, testInfo) => {
  const admin = await openConsoleAs(browser, 'admin');
  const transfer = new SettingsTransferPanel(admin);
  await transfer.open();
  const file = testInfo.outputPath('newer.json');
  writeFileSync(file, JSON.stringify({ format: 'dispatch-console-settings', formatVersion: 9, sections: {} }));
  await transfer.pick(file);
  const problems = transfer.dialog.getByLabel('Import problems');
  await expect(problems).toContainText('Made by a newer Dispatch Console');
  await expect(problems).toContainText('Nothing was changed.');
  await screenshot(admin, 'settings-transfer-refused');
  await transfer.dialog.getByRole('button', { name: 'Cancel' }).click();
});
