import { expect, type Locator, type Page } from '@playwright/test';

/** Admin > Templates: the message kinds, the template being edited and its live preview. */
export class MessageTemplatesPage {
  readonly kinds: Locator;
  readonly form: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly preview: Locator;
  readonly ticket: Locator;

  constructor(readonly page: Page) {
    this.kinds = page.getByRole('navigation', { name: 'Message kinds' });
    this.form = page.getByRole('form', { name: 'Template' });
    this.subject = this.form.getByLabel('Subject');
    this.body = this.form.getByLabel('Body (plain text)');
    this.preview = page.getByRole('region', { name: 'Preview' });
    this.ticket = page.getByRole('combobox', { name: 'Preview with ticket' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Templates' }).click();
    await expect(this.kinds).toBeVisible();
  }

  kind(label: string): Locator {
    return this.kinds.getByRole('button', { name: new RegExp(`^${label}`) });
  }

  async openKind(label: string): Promise<void> {
    await this.kind(label).click();
    await expect(this.form.getByRole('heading', { name: label })).toBeVisible();
  }

  placeholder(name: string): Locator {
    return this.form.getByRole('button', { name: `Insert {{${name}}}` });
  }

  previewPart(part: 'subject' | 'text' | 'HTML'): Locator {
    return this.preview.getByRole('group', { name: `Preview ${part}` });
  }

  async pickTicket(number: string): Promise<void> {
    await this.ticket.fill(number);
    await this.page.getByRole('option', { name: new RegExp(`^${number}`) }).click();
  }

  /** Before a screenshot: the preview made and no tooltip half faded over the chips. */
  async settled(): Promise<void> {
    await this.page.mouse.move(0, 0);
    await expect(this.page.getByRole('tooltip')).toHaveCount(0);
    await expect(this.preview.getByLabel('Updating the preview')).toHaveCount(0);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save' }).click();
  }
}
