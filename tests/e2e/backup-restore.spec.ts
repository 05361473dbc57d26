import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { startFreshServer } from './pages/fresh-server';

async function openBackupScreen(page: Page) {
  await page.getByRole('tab', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', level: 1 })).toBeVisible();
}

test('an admin backs the database up, restores the backup, and after a restart works on it', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-e2e-restore-'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-e2e-backups-'));
  try {
    const first = await startFreshServer({ dataDir });
    let page: Page;
    try {
      page = await openConsoleAs(browser, 'admin', undefined, { baseURL: first.url });
      await openBackupScreen(page);
      const settings = page.getByRole('form', { name: 'Backup settings' });
      // A folder that is not there is refused at the field.
      await settings.getByLabel('Backup folder').fill(path.join(folder, 'missing'));
      await settings.getByRole('button', { name: 'Save' }).click();
      await expect(settings.getByText('The folder does not exist; create it first.')).toBeVisible();
      await settings.getByLabel('Backup folder').fill(folder);
      await settings.getByLabel('Daily backup at hour').fill('2');
      await settings.getByLabel('Backups to keep').fill('5');
      await settings.getByRole('button', { name: 'Save' }).click();
      await expect(settings.getByRole('status')).toHaveText('Saved.');

      await page.getByRole('button', { name: 'Back up now' }).click();
      await expect(page.getByText(/Backed up and checked: dispatch-backup-/)).toBeVisible();
      const backups = page.getByLabel('Backups', { exact: true });
      await expect(backups.getByRole('button', { name: /^Restore dispatch-backup-/ })).toHaveCount(1);
      await screenshot(page, 'backup-made');

      // Recorded after the backup: gone once the backup is restored.
      await invoke(page, 'clients.create', { name: 'Made after the backup' });

      await backups.getByRole('button', { name: /^Restore dispatch-backup-/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
      await expect(dialog).toContainText('kept aside, not deleted');
      await screenshot(page, 'backup-restore-confirm');
      await dialog.getByRole('button', { name: 'Restore at next start' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(/Restart the console to finish the restore/)).toBeVisible();
      await screenshot(page, 'backup-restore-staged');
    } finally {
      await first.stop();
    }

    const second = await startFreshServer({ dataDir });
    try {
      page = await openConsoleAs(browser, 'admin', undefined, { baseURL: second.url });
      const clients = await invoke<unknown[]>(page, 'clients.search', { query: 'Made after the backup' });
      expect(clients).toEqual([]);
      await openBackupScreen(page);
      await expect(page.getByText(/Restart the console to finish the restore/)).toBeHidden();
      await expect(page.getByRole('form', { name: 'Backup settings' }).getByLabel('Backup folder')).toHaveValue(folder);
      await screenshot(page, 'backup-after-restart');
      expect(fs.readdirSync(path.join(dataDir, 'before-restore'))).toHaveLength(1);
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
