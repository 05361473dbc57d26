import { expect, type Locator, type Page } from '@playwright/test';

/** Admin > E-mail: the SMTP form, the test send, the retries, the outbox counts, the webhook and feedback links. */
export class MailAdminPage {
  readonly smtp: Locator;
  readonly webhook: Locator;
  readonly feedbackLinks: Locator;
  readonly test: Locator;
  readonly retries: Locator;
  readonly outbox: Locator;

  constructor(readonly page: Page) {
    this.smtp = page.getByRole('form', { name: 'SMTP server' });
    this.test = page.getByRole('form', { name: 'Send a test message' });
    this.retries = page.getByRole('form', { name: 'Retries' });
    this.outbox = page.getByRole('region', { name: 'Outbox' });
    this.webhook = page.getByRole('form', { name: 'Webhook' });
    this.feedbackLinks = page.getByRole('form', { name: 'Feedback links' });
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

  async saveWebhook(): Promise<void> {
    await this.webhook.getByRole('button', { name: 'Save' }).click();
  }

  /** Presses "Send a test" on the webhook and waits for what the gateway answered. */
  async sendWebhookTest(): Promise<Locator> {
    await this.webhook.getByRole('button', { name: 'Send a test' }).click();
    const result = this.webhook.getByRole('alert', { name: 'Webhook test result' });
    await expect(result).toBeVisible({ timeout: 15_000 });
    return result;
  }
}
