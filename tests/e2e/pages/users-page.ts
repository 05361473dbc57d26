import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's Users screen. */
export class UsersPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Users' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('tab', { name: 'Users' }).click();
    await expect(this.table).toBeVisible();
  }

  async openSection(name: 'Users' | 'API tokens' | 'Sign-in protection'): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Users and sign-in' }).getByRole('tab', { name }).click();
  }

  row(displayName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: displayName, exact: true }) });
  }

  async createUser(user: { username: string; displayName: string; role: string; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New user' }).click();
    const form = this.page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill(user.username);
    await form.getByLabel('Full name').fill(user.displayName);
    await form.getByLabel('Role').click();
    await this.page.getByRole('option', { name: user.role }).click();
    await form.getByLabel('First password').fill(user.password);
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(this.row(user.displayName)).toBeVisible();
  }

  async disable(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Disable ${displayName}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await expect(this.row(displayName)).toContainText('Disabled');
  }

  async enable(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Enable ${displayName}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await expect(this.row(displayName)).toContainText('Active');
  }

  /** Resets the password and returns the temporary one the dialog shows once. */
  async resetPassword(displayName: string): Promise<string> {
    await this.page.getByRole('button', { name: `Reset the password of ${displayName}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    const shown = this.page.getByLabel('Temporary password', { exact: true });
    await expect(shown).toHaveText(/^[a-z2-9-]{19}$/);
    return (await shown.textContent()) ?? '';
  }
}
