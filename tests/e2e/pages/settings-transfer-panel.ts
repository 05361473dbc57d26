import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Settings transfer panel of Admin › Settings, and its import dialog. */
export class SettingsTransferPanel {
  readonly panel: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Settings transfer' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await expect(this.panel).toBeVisible();
  }

  /** Clicks Export and answers the file the browser was given. */
  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.panel.getByRole('button', { name: 'Export' }).click();
    return download;
  }

  /** Picks a file for import; the dialog opens with its preview (or its problems). */
  async pick(file: string): Promise<void> {
    await this.panel.getByLabel('Settings file').setInputFiles(file);
    await expect(this.dialog).toBeVisible();
  }

  get preview(): Locator {
    return this.dialog.getByLabel('Import preview');
  }
}
