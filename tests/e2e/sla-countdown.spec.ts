import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { QueuePage } from './pages/queue-page';

test('a Critical ticket shows its countdown and turns at risk when 75% of its two hours have passed', async ({
  browser,
}) => {
  // The browser's clock is Playwright's: moved by hand below, never waited for.
  const desk = await openConsoleAs(browser, 'desk', (page) => page.clock.install({ time: new Date() }));
  const intake = new IntakePage(desk);
  await intake.open();
  await intake.findCaller('Priya', 'Priya Raman');
  await intake.takeFirstSite('Brooklyn clinic');
  await desk.keyboard.type('The clinic network is down: no patient records on any workstation.');
  await desk.getByLabel('Is a service down (outage)?').check();
  await desk.getByLabel('How many users are affected?').click();
  await desk.getByRole('option', { name: 'Several users' }).click();
  await expect(desk.getByTestId('assessed-priority')).toHaveText('Critical');
  await desk.keyboard.press('Control+Enter');
  const number = await intake.savedTicketNumber();

  const queue = new QueuePage(desk);
  await queue.open();
  const row = queue.row(number);
  await expect(row).toContainText('Critical');
  await expect(row.locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'on_track');
  await expect(row).toContainText(/1 h 5\d m left/);
  await screenshot(desk, 'sla-on-track');

  await desk.clock.fastForward('01:29:00'); // 89 minutes: still on track
  await expect(row).toContainText(/\d+ m \d\d s left/);
  await expect(row.locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'on_track');

  await desk.clock.fastForward('02:00'); // 91 minutes: past 90, three quarters of two hours
  await expect(row.locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'at_risk');
  await expect(row).toContainText('At risk');
  await screenshot(desk, 'sla-at-risk');

  await desk.clock.fastForward('30:00'); // 2 h 01 m
  await expect(row.locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'breached');
  await expect(row).toContainText(/Breached\s*\d+ m \d\d s over/);
});
