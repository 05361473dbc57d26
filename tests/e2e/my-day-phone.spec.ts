import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';

test('the technician’s day fits a 360 px phone screen, with the views and Log out in reach', async ({ browser }) => {
  const tech = await openConsoleAs(browser, 'technician', (page) => page.setViewportSize({ width: 360, height: 740 }));
  await expect(tech.getByRole('region', { name: 'Visits of the day' }).getByRole('article').first()).toBeVisible();
  await screenshot(tech, 'my-day-phone');
  const overflow = await tech.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBe(0);
  for (const view of ['My day', 'Schedule', 'Queue', 'Parts'])
    await expect(tech.getByRole('tab', { name: view })).toBeInViewport({ ratio: 1 });

  // Every visit's buttons, e-mail links and addresses stay inside the screen.
  const cards = tech.getByRole('region', { name: 'Visits of the day' }).getByRole('article');
  for (const card of await cards.all()) {
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  }

  await tech.getByRole('button', { name: /^Logged in as/ }).click();
  await expect(tech.getByRole('menuitem', { name: 'Log out' })).toBeInViewport();
  // Past the menu's fade-in, so the screenshot shows it as the technician does.
  await expect(tech.locator('.MuiMenu-paper')).toHaveCSS('opacity', '1');
  await screenshot(tech, 'my-day-phone-menu');
});
