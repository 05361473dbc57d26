import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { screenshot } from './pages/console';

/**
 * The screen scrolls inside the window, so a full-page screenshot would stop at the window's edge:
 * the window grows to the content for the picture, then returns to its size.
 */
async function screenshotWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1400, height: 860 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    const scroller = main?.firstElementChild;
    return (main?.getBoundingClientRect().top ?? 0) + (scroller?.scrollHeight ?? 0) + 40;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

// Each test logs in afresh and reloads at least once; on a loaded machine that alone can take
// half of the default 30 seconds.
test.describe.configure({ timeout: 60_000 });

// The demo's default calendar is "New York office hours": America/New_York, Mon–Fri 08:00–18:00,
// US-NY public holidays. The workstation runs in New York too, so the received time typed into
// the preview and both due-time columns read in the same zone.
const workstationZone = 'America/New_York';
// A Friday that is no US or New York holiday.
const fridayLunchtime = '2026-12-04T12:30';

// The specs share one server: put back what these tests change, so other specs see the demo's
// settings whatever order they run in.
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext();
  const api = context.request;
  await api.post('/api/auth.login', { data: { username: 'admin', password: 'demo' } });
  const weekday = [['08:00', '18:00']];
  const restored = await Promise.all([
    api.post('/api/calendars.save', {
      data: {
        scope: { kind: 'default' },
        name: 'New York office hours',
        calendar: {
          timeZone: 'America/New_York',
          hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
          holidays: { country: 'US', state: 'NY' },
        },
      },
    }),
    api.post('/api/sla.saveSettings', {
      data: {
        policy: { criticalMinutes: 120, sameDayCutoff: '13:00', mediumDays: 2, lowDays: 5 },
        matrix: {
          high: { high: 'critical', medium: 'high', low: 'medium' },
          medium: { high: 'high', medium: 'medium', low: 'low' },
          low: { high: 'high', medium: 'medium', low: 'low' },
        },
        atRiskFraction: 0.75,
      },
    }),
  ]);
  for (const response of restored) expect(response.ok()).toBe(true);
  await context.close();
});

/** The admin's SLA settings screen: calendar list, calendar editor, preview and policy. */
class SlaAdminScreen {
  readonly calendars: Locator;
  readonly editor: Locator;
  readonly preview: Locator;
  readonly policy: Locator;

  constructor(readonly page: Page) {
    this.calendars = page.getByRole('navigation', { name: 'Business calendars' });
    this.editor = page.getByRole('form', { name: 'Calendar', exact: true });
    this.preview = page.getByRole('region', { name: 'Preview' });
    this.policy = page.getByRole('form', { name: 'SLA policy' });
  }

  static async openAsAdmin(browser: Browser): Promise<SlaAdminScreen> {
    const context = await browser.newContext({ timezoneId: workstationZone });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('demo');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Logged in as')).toBeVisible();
    const screen = new SlaAdminScreen(page);
    await screen.open();
    return screen;
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await expect(this.editor.getByLabel('Calendar name')).toHaveValue('New York office hours');
  }

  time(label: string): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  /** The preview's row for one priority: [priority, due in calendar time, due here, window]. */
  previewRow(priority: string): Locator {
    return this.preview.getByRole('row').filter({ hasText: priority });
  }

  async defaultCalendarHours(): Promise<Record<string, [string, string][]>> {
    const response = await this.page.request.post('/api/calendars.list', { data: {} });
    const body = (await response.json()) as {
      value: { scope: { kind: string }; calendar: { hours: Record<string, [string, string][]> } }[];
    };
    const found = body.value.find((c) => c.scope.kind === 'default');
    if (!found) throw new Error('no default calendar');
    return found.calendar.hours;
  }
}

test('the admin closes Fridays at 13:00, checks it in the preview before saving, and finds it saved', async ({
  browser,
}) => {
  const admin = await SlaAdminScreen.openAsAdmin(browser);
  await expect(admin.calendars.getByRole('button', { name: /New York office hours/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(admin.editor.getByLabel('Time zone')).toHaveValue('America/New_York');
  await expect(admin.time('Monday opens')).toHaveValue('08:00');
  await expect(admin.time('Friday closes')).toHaveValue('18:00');
  await expect(admin.editor.getByRole('group', { name: 'Saturday hours' })).toContainText('Closed');
  await expect(admin.editor.getByLabel('Country')).toHaveValue('US');
  await expect(admin.editor.getByLabel('State')).toHaveValue('NY');

  // A High ticket received on a Friday at 12:30, before the 13:00 cut-off, is due at Friday's close.
  await admin.preview.getByLabel('Received').fill(fridayLunchtime);
  await expect(admin.preview.getByRole('combobox', { name: 'Priority' })).toHaveText('High');
  const high = admin.previewRow('High');
  await expect(high.getByRole('cell').nth(1)).toHaveText('Fri 4 Dec, 18:00');
  await expect(high.getByRole('cell').nth(2)).toHaveText('Fri 4 Dec, 18:00');
  await expect(admin.preview).toContainText('is due Fri 4 Dec, 18:00');
  await screenshot(admin.page, 'sla-admin-default');

  // Not saved yet: the preview already follows the edited calendar.
  await admin.time('Friday closes').fill('13:00');
  await expect(high.getByRole('cell').nth(1)).toHaveText('Fri 4 Dec, 13:00');
  await expect(high.getByRole('cell').nth(2)).toHaveText('Fri 4 Dec, 13:00');
  await expect(high.getByRole('cell').nth(3)).toHaveText('30 min');
  await expect(admin.editor).toContainText('Unsaved changes');
  await screenshotWhole(admin.page, 'sla-admin-preview-friday-13');
  expect((await admin.defaultCalendarHours()).fri).toEqual([['08:00', '18:00']]);

  await admin.editor.getByRole('button', { name: 'Save calendar' }).click();
  await expect(admin.page.getByRole('status')).toContainText('Calendar “New York office hours” saved');
  await expect(admin.editor).not.toContainText('Unsaved changes');
  expect((await admin.defaultCalendarHours()).fri).toEqual([['08:00', '13:00']]);

  await admin.page.reload();
  await expect(admin.editor.getByLabel('Calendar name')).toHaveValue('New York office hours');
  await expect(admin.time('Friday closes')).toHaveValue('13:00');
  await expect(admin.time('Thursday closes')).toHaveValue('18:00');
  await screenshotWhole(admin.page, 'sla-admin-saved');
});

test('a calendar with every day closed is refused with the server’s message and nothing is saved', async ({
  browser,
}) => {
  const admin = await SlaAdminScreen.openAsAdmin(browser);
  const before = await admin.defaultCalendarHours();
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await admin.editor.getByRole('button', { name: `Remove ${day} ` }).click();
    await expect(admin.editor.getByRole('group', { name: `${day} hours` })).toContainText('Closed');
  }

  // The preview asks the server, which refuses the calendar while it is still being edited...
  await expect(admin.preview.getByRole('alert')).toContainText('The calendar has no business hours');
  // ...and refuses it again on save.
  await admin.editor.getByRole('button', { name: 'Save calendar' }).click();
  await expect(admin.editor.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    'Check the highlighted fields',
  );
  await expect(admin.editor).toContainText('The calendar has no business hours');
  await expect(admin.page.getByRole('status')).toHaveCount(0);
  await screenshotWhole(admin.page, 'sla-admin-invalid');
  expect(await admin.defaultCalendarHours()).toEqual(before);

  // Adding hours back clears the complaint.
  await admin.editor.getByRole('button', { name: 'Add hours on Monday' }).click();
  await expect(admin.preview.getByRole('alert')).toHaveCount(0);
  await expect(admin.previewRow('Low').getByRole('cell').nth(1)).not.toHaveText('—');

  await admin.page.reload();
  await expect(admin.time('Monday closes')).toHaveValue('18:00');
});

test('the admin changes the at-risk point and the matrix; out-of-range values are refused on their field', async ({
  browser,
}) => {
  const admin = await SlaAdminScreen.openAsAdmin(browser);
  const atRisk = admin.policy.getByLabel('At risk when');
  await expect(atRisk).toHaveValue('75');

  await atRisk.fill('150');
  await admin.policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(admin.policy.getByText('At most 100%')).toBeVisible();
  await expect(atRisk).toHaveAttribute('aria-invalid', 'true');

  await atRisk.fill('80');
  await admin.policy.getByLabel('Impact medium, urgency low').click();
  await admin.page.getByRole('option', { name: 'Medium' }).click();
  await admin.policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(admin.page.getByRole('status')).toContainText('SLA policy saved');
  await screenshotWhole(admin.page, 'sla-admin-policy-saved');

  const response = await admin.page.request.post('/api/sla.settings', { data: {} });
  const saved = (await response.json()) as { value: { atRiskFraction: number; matrix: { medium: { low: string } } } };
  expect(saved.value.atRiskFraction).toBe(0.8);
  expect(saved.value.matrix.medium.low).toBe('medium');

  await admin.page.reload();
  await expect(admin.policy.getByLabel('At risk when')).toHaveValue('80');
});

test('the admin gives one client its own calendar, then removes it again', async ({ browser }) => {
  const admin = await SlaAdminScreen.openAsAdmin(browser);
  await admin.calendars.getByRole('button', { name: 'Add override' }).click();
  const dialog = admin.page.getByRole('form', { name: 'Add calendar override' });
  await expect(dialog.getByLabel('Client')).toBeFocused();
  await admin.page.keyboard.type('Contoso');
  await expect(admin.page.getByRole('option').first()).toContainText('Contoso Clinics');
  await admin.page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Site' })).toBeFocused();
  await admin.page.keyboard.press('ArrowDown'); // opens the site list: the whole client, or one site
  await expect(admin.page.getByRole('option', { name: /Brooklyn clinic/ })).toBeVisible();
  await screenshot(admin.page, 'sla-admin-add-override');
  await admin.page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Create calendar' }).click();

  await expect(admin.editor.getByLabel('Calendar name')).toHaveValue('Contoso Clinics hours');
  await expect(admin.editor.getByLabel('Calendar name')).toBeFocused();
  await expect(admin.editor).toContainText('Client · Contoso Clinics');
  await expect(admin.editor.getByRole('group', { name: 'Saturday hours' })).toContainText('Closed');
  await admin.editor.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await expect(admin.time('Saturday opens')).toHaveValue('09:00');
  await expect(admin.time('Saturday opens')).toBeFocused();
  await admin.page.keyboard.press('Control+Enter');
  await expect(admin.page.getByRole('status')).toContainText('Calendar “Contoso Clinics hours” saved');
  await expect(admin.calendars).toContainText('Client overrides');
  await expect(admin.calendars.getByRole('button', { name: /Contoso Clinics hours/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await screenshotWhole(admin.page, 'sla-admin-override');

  // Unsaved edits are not dropped silently when the admin opens another calendar.
  await admin.time('Saturday closes').fill('14:00');
  await admin.calendars.getByRole('button', { name: /New York office hours/ }).click();
  const discard = admin.page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(discard).toContainText('Contoso Clinics hours');
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(admin.time('Saturday closes')).toHaveValue('14:00');

  await admin.editor.getByRole('button', { name: 'Remove override' }).click();
  const confirm = admin.page.getByRole('dialog', { name: /Remove the calendar of Contoso Clinics/ });
  await expect(confirm).toContainText('follow the organization default');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(admin.calendars).not.toContainText('Contoso Clinics hours');
  await expect(admin.editor.getByLabel('Calendar name')).toHaveValue('New York office hours');
});
