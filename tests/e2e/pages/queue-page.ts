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

  /** Finds the ticket (`find`) and opens it in the ticket panel. */
  async openTicket(ticket: string): Promise<void> {
    await (await this.find(ticket)).click();
  }

  row(ticketNumber: string): Locator {
    return this.grid.getByRole('row').filter({ hasText: ticketNumber });
  }

  /**
   * The ticket's row, with the grid narrowed to it by its search: the grid renders only the rows
   * in view, and every spec of a run adds tickets, so a ticket low in the order may be out of it.
   */
  async find(ticketNumber: string): Promise<Locator> {
    await this.search(ticketNumber);
    const row = this.row(ticketNumber);
    // A ticket made a moment ago arrives with the pushed event's refetch, later on a busy machine.
    await expect(row).toBeVisible({ timeout: 10_000 });
    return row;
  }

  /** Narrows the grid to the rows holding `text`, with the grid's own search field. */
  async search(text: string): Promise<void> {
    const toolbar = this.page.getByRole('toolbar');
    const search = toolbar.getByRole('searchbox', { name: 'Search…' });
    const opener = toolbar.getByRole('button', { name: 'Search', exact: true });
    // While a closing ticket panel still covers it, the grid is hidden from the accessibility tree:
    // wait for it to come back with either the open search field or the button that opens it.
    await expect(search.or(opener).first()).toBeVisible();
    if (!(await search.isVisible())) await opener.click();
    await search.fill(text);
  }
}
