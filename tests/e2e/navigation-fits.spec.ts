import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';

const roles = ['desk', 'dispatcher', 'technician', 'manager', 'supervisor', 'admin'] as const;

// At 1280 px the admin's bar, which holds every view, scrolls; Ctrl+K reaches any view there too.
const sizes = [
  [1440, roles],
  [1280, roles.filter((r) => r !== 'admin')],
] as const;

for (const [width, fitting] of sizes)
  for (const role of fitting)
    test(`the ${role}'s views fit the top bar at ${width} px, each a click away`, async ({ browser }) => {
      const page = await openConsoleAs(browser, role, (p) => p.setViewportSize({ width, height: 800 }));
      const nav = page.getByRole('navigation', { name: 'Views' });
      await expect(nav.getByRole('tab').first()).toBeVisible();
      const overflow = await nav.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const tab of await nav.getByRole('tab').all()) await expect(tab).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: /^Logged in as/ })).toBeInViewport({ ratio: 1 });
      if (role === 'admin' || role === 'dispatcher') await screenshot(page, `navigation-${role}-${width}`);
    });
