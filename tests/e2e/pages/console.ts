import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

// A console left open keeps refetching on every pushed event, and a dozen of them slow the specs
// that follow on a two-core machine. Specs run one after another in one worker, so the first
// console a test opens closes every console an earlier test left behind.
const opened = new Map<BrowserContext, string>();

async function closeConsolesOfEarlierTests(testId: string): Promise<void> {
  for (const [context, openedBy] of opened) {
    if (openedBy === testId) continue;
    opened.delete(context);
    await context.close();
  }
}

/**
 * A console window logged in as one of the demo users (password "demo"), or as a login a test made;
 * on another server than the run's when given its baseURL.
 */
export async function openConsoleAs(
  browser: Browser,
  login: string | { username: string; password: string },
  prepare?: (page: Page) => Promise<void>,
  options: { baseURL?: string } = {},
): Promise<Page> {
  const { username, password } = typeof login === 'string' ? { username: login, password: 'demo' } : login;
  const testId = test.info().testId;
  await closeConsolesOfEarlierTests(testId);
  const context = await browser.newContext(options.baseURL ? { baseURL: options.baseURL } : {});
  opened.set(context, testId);
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  // Logging in loads the console's code; on a busy machine that takes longer than one assertion.
  await expect(page.getByLabel('Logged in as')).toBeVisible({ timeout: 15_000 });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
