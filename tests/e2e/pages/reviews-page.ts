import { expect, type Locator, type Page } from '@playwright/test';

/** Reviews: the closed tickets awaiting a manager's review, and those reviewed. */
export class ReviewsPage {
  readonly pending: Locator;
  readonly reviewed: Locator;

  constructor(readonly page: Page) {
    this.pending = page.getByRole('table', { name: 'Awaiting review' });
    this.reviewed = page.getByRole('table', { name: 'Reviewed' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Reviews' }).click();
    await expect(this.pending).toBeVisible({ timeout: 15_000 });
  }

  pendingRow(ticketNumber: string): Locator {
    return this.pending.getByRole('row', { name: `Ticket ${ticketNumber}` });
  }

  async showReviewed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reviewed' }).click();
    await expect(this.reviewed).toBeVisible();
  }

  reviewedRow(ticketNumber: string): Locator {
    return this.reviewed.getByRole('row', { name: `Ticket ${ticketNumber}` });
  }
}
