import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';

test('an admin tunes the ranking weights and travel settings; a bad value is refused at its field', async ({
  browser,
}) => {
  const admin = await openConsoleAs(browser, 'admin');
  await admin.getByRole('navigation', { name: 'Views' }).getByRole('tab', { name: 'Technicians' }).click();
  await admin.getByRole('tab', { name: 'Dispatch settings' }).click();
  const form = admin.getByRole('form', { name: 'Dispatch settings' });
  const lateness = form.getByLabel('Lateness');
  const detour = form.getByLabel('Detour factor');
  await expect(lateness).toHaveValue('10');

  await detour.fill('0.5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('At least 1')).toBeVisible();
  await screenshot(admin, 'dispatch-settings-refused');

  await detour.fill('1.4');
  await lateness.fill('12');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved')).toBeVisible();
  await admin.reload();
  await admin.getByRole('navigation', { name: 'Views' }).getByRole('tab', { name: 'Technicians' }).click();
  await admin.getByRole('tab', { name: 'Dispatch settings' }).click();
  await expect(lateness).toHaveValue('12');
  await expect(detour).toHaveValue('1.4');
  await screenshot(admin, 'dispatch-settings');

  // The specs share one server: put the defaults back.
  await lateness.fill('10');
  await detour.fill('1.3');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved')).toBeVisible();
});
