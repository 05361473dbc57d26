import { expect, type Locator, type Page } from '@playwright/test';
import { drawSignature } from './signature';

/** The technician's day: one card per visit, with the status buttons and the visit's documentation. */
export class MyDayPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'My day' });
  }

  /** The technician lands on today: the day is chosen with the day field, as they would. */
  async open(day: string): Promise<void> {
    await expect(this.heading).toBeVisible({ timeout: 15_000 });
    await this.page.getByRole('group', { name: 'Choose the day' }).getByLabel('Day', { exact: true }).fill(day);
  }

  visit(ticketNumber: string): Locator {
    return this.page.getByRole('article', { name: `Visit ${ticketNumber}` });
  }

  status(ticketNumber: string): Locator {
    return this.visit(ticketNumber).locator('[data-visit-status]');
  }

  /** "En route" asks for the ETA, prefilled from the travel model; the prefilled one is taken. */
  async setOff(ticketNumber: string): Promise<void> {
    await this.visit(ticketNumber).getByRole('button', { name: 'En route' }).click();
    const dialog = this.page.getByRole('dialog', { name: `En route: ${ticketNumber}` });
    await expect(dialog.getByLabel('Expected arrival (ETA)')).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await dialog.getByRole('button', { name: 'Record en route' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.status(ticketNumber)).toHaveAttribute('data-visit-status', 'en_route');
  }

  async arrive(ticketNumber: string): Promise<void> {
    await this.visit(ticketNumber).getByRole('button', { name: 'On site' }).click();
    await expect(this.status(ticketNumber)).toHaveAttribute('data-visit-status', 'on_site');
  }

  async complete(ticketNumber: string): Promise<void> {
    await this.visit(ticketNumber).getByRole('button', { name: 'Completed' }).click();
    await expect(this.status(ticketNumber)).toHaveAttribute('data-visit-status', 'completed');
  }

  /** Unfolds the card's documentation (work log, photos, sign-off). */
  async openDocumentation(ticketNumber: string): Promise<Locator> {
    await this.visit(ticketNumber).getByRole('button', { name: 'Documentation' }).click();
    const docs = this.visit(ticketNumber).getByLabel(`Documentation of the visit for ${ticketNumber}`);
    await expect(docs).toBeVisible();
    return docs;
  }

  /** Writes the work log with its actions and "No parts used", resolved, and saves it. */
  async writeWorkLog(docs: Locator, actions: string): Promise<void> {
    const form = docs.getByRole('form', { name: 'Edit work log' });
    await form.getByLabel('Actions taken').fill(actions);
    await form.getByLabel('No parts used').check();
    await form.getByLabel('Outcome').click();
    await this.page.getByRole('option', { name: 'Resolved', exact: true }).click();
    await form.getByRole('button', { name: 'Save work log' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved (version 1).');
  }

  /**
   * The client signs on the pad; the resolution is left for the desk to confirm by phone, so the
   * "client confirms" box stays clear.
   */
  async captureSignature(docs: Locator, signer: { name: string; role: string }): Promise<Locator> {
    const signOff = docs.getByRole('region', { name: 'Client sign-off' });
    await signOff.getByLabel("Signer's name").fill(signer.name);
    await signOff.getByLabel('Role at the client').fill(signer.role);
    await drawSignature(this.page, signOff.getByLabel('Signature pad'));
    await signOff.getByRole('button', { name: 'Save sign-off' }).click();
    const current = signOff.getByRole('group', { name: 'Current sign-off' });
    await expect(current).toContainText(`Signed by ${signer.name} (${signer.role})`);
    await expect(current.getByRole('img', { name: `Signature of ${signer.name}` })).toBeVisible();
    return current;
  }
}
