import { expect, type Locator, type Page } from '@playwright/test';

/** Dispatch > Messages: the outbox as a list, and one message opened. */
export class MessagesPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Messages' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Messages' }).click();
    await expect(this.table).toBeVisible();
  }

  row(subject: string): Locator {
    return this.table.getByRole('row').filter({ hasText: subject });
  }
}
