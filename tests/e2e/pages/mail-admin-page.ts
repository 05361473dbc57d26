import { expect, type Locator, type Page } from '@playwright/test';

/** Admin > E-mail: the SMTP form, the test send, the retries and the outbox counts. */
export class MailAdminPage {
  readonly smtp: Locator;
  readonly test: Locator;
  readonly retries: Locator;
  readonly outbox: Locator;

  constructor(readonly page: Page) {
    this.smtp = page.getByRole('form', { name: 'SMTP server' });
    this.test = page.getByRole('form', { name: 'Send a test message' });
    this.retries = page.getByRole('form', { name: 'Retries' });
    this.outbox = page.getByRole('region', { name: 'Outbox' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'E-mail' }).click();
    await expect(this.smtp).toBeVisible();
  }

  async fillServer(server: { host: string; port: number | string; fromAddress: string; fromName: string }) {
    await this.smtp.getByLabel('Host').fill(server.host);
    await this.smtp.getByLabel('Port').fill(String(server.port));
    await this.smtp.getByLabel('Security').click();
    await this.page.getByRole('option', { name: /^None/ }).click();
    await this.smtp.getByLabel('From address').fill(server.fromAddress);
    await this.smtp.getByLabel('From name').fill(server.fromName);
  }

  async save(): Promise<void> {
    await this.smtp.getByRole('button', { name: 'Save' }).click();
  }

  async sendTest(to: string): Promise<Locator> {
    await this.test.getByLabel('To').fill(to);
    await this.test.getByRole('button', { name: 'Send' }).click();
    const result = this.test.getByRole('alert', { name: 'Test result' });
    await expect(result).toBeVisible({ timeout: 15_000 });
    return result;
  }
}
