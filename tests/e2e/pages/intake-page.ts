import { expect, type Locator, type Page } from '@playwright/test';

/** The phone-call form, driven by the keyboard as an agent on a call would. */
export class IntakePage {
  readonly caller: Locator;
  readonly description: Locator;
  readonly openTickets: Locator;
  /** The priority the answers to the priority questions give, shown live. */
  readonly priority: Locator;

  constructor(readonly page: Page) {
    this.caller = page.getByLabel('Caller: name or phone');
    this.description = page.getByLabel('What is wrong?');
    this.openTickets = page.getByRole('region', { name: 'Open tickets of this client' });
    this.priority = page.getByTestId('assessed-priority');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'New request' }).click();
    await expect(this.caller).toBeFocused();
  }

  /** Types into the caller field and presses Enter once the wanted option is offered first. */
  async findCaller(typed: string, firstOption: string | RegExp): Promise<void> {
    await this.page.keyboard.type(typed);
    const first = this.page.getByRole('option').first();
    await expect(first).toContainText(firstOption);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Takes the site offered first by pressing Enter, once the client's sites have loaded: pressed
   * earlier, on a loaded machine, the Enter picks nothing and the description is typed elsewhere.
   */
  async takeFirstSite(site: string): Promise<void> {
    await expect(this.page.getByRole('option').first()).toContainText(site);
    await this.page.keyboard.press('Enter');
    await expect(this.description).toBeFocused();
  }

  /** Waits for the save to be confirmed and returns the new ticket number. */
  async savedTicketNumber(): Promise<string> {
    const status = this.page.getByRole('status');
    await expect(status).toContainText(/T-\d{4}-\d{6} logged/);
    const text = (await status.textContent()) ?? '';
    return /T-\d{4}-\d{6}/.exec(text)?.[0] ?? '';
  }

  /** Ticks one of the priority questions the agent asks on the phone. */
  async answerYes(question: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Priority questions' }).getByLabel(question).check();
  }
}
