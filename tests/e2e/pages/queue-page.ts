import { expect, type Locator, type Page } from '@playwright/test';

export class QueuePage {
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Ticket queue' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Queue' }).click();
    await expect(this.grid).toBeVisible();
  }

  row(ticketNumber: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: ticketNumber });
  }
}
