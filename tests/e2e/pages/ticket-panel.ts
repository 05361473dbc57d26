import { expect, type Locator, type Page } from '@playwright/test';

/** The ticket panel opened from the queue or the reviews: its visits, closure and timeline. */
export class TicketPanel {
  readonly region: Locator;
  readonly closure: Locator;
  readonly checklist: Locator;
  readonly timeline: Locator;

  constructor(
    readonly page: Page,
    readonly number: string,
  ) {
    this.region = page.getByRole('region', { name: `Ticket ${number}` });
    this.closure = this.region.getByRole('region', { name: 'Closure' });
    this.checklist = this.closure.getByRole('list', { name: 'Closure checklist' });
    this.timeline = this.region.getByRole('region', { name: 'Timeline' });
  }

  /** The client says on the phone that it is fixed: recorded with the contact prefilled. */
  async recordConfirmation(note: string): Promise<void> {
    await this.closure.getByRole('button', { name: 'Record client confirmation' }).click();
    const form = this.page.getByRole('form', { name: `Client confirmed ${this.number} is resolved` });
    await expect(form.getByLabel('Who confirmed (client person)')).not.toHaveValue('');
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(this.checklist).toContainText('Done: Resolution confirmed by the client');
  }

  async close(summary: string): Promise<void> {
    await this.closure.getByRole('button', { name: 'Close ticket' }).click();
    const form = this.page.getByRole('form', { name: `Close ${this.number}` });
    await form.getByLabel('Resolution summary (optional)').fill(summary);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  }

  async review(note: string): Promise<void> {
    await this.region.getByRole('button', { name: 'Review', exact: true }).click();
    const form = this.page.getByRole('form', { name: `Review ${this.number}` });
    await form.getByLabel('Review note').fill(note);
    await form.getByLabel('Yes').check();
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect(form).toBeHidden();
  }
}
