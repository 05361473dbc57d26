import type { Page } from '@playwright/test';

/** Calls a method with the page's session, as the console's own transport does. */
export async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/${method}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}
