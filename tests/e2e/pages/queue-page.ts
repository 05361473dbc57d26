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

  /**
   * A ticket's row, found by its number (or words of it) with the grid's search, as a dispatcher
   * finds one in a long queue: the grid draws only the rows in view, so a ticket sorted far down is
   * not on the page until then.
   */
  async find(ticket: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(ticket);
    const row = this.row(ticket);
    await expect(row).toBeVisible();
    return row;
  }

  /** Finds the ticket (`find`) and opens it in the ticket panel. */
  async openTicket(ticket: string): Promise<void> {
    await (await this.find(ticket)).click();
  }

  row(ticketNumber: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: ticketNumber });
  }
}
