import { expect, type Browser, type Page } from '@playwright/test';

/** A console window logged in as one of the demo users. */
export async function openConsoleAs(
  browser: Browser,
  username: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.keyboard.press('Enter');
  // Logging in loads the console's code; on a busy machine that takes longer than one assertion.
  await expect(page.getByLabel('Logged in as')).toBeVisible({ timeout: 15_000 });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
