import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { openConsoleAs, screenshot } from './pages/console';

async function openTechnicians(page: Page) {
  await page.getByRole('tab', { name: 'Technicians' }).click();
  await expect(page.getByRole('table', { name: 'Technicians' })).toBeVisible();
}

test('an admin adds and edits a technician; a dispatcher records time off; bad input is refused on its field', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const techName = `Tess Tech ${stamp}`;
  const skillName = `Network ${stamp}`;
  const team = `Field ${stamp}`;

  const admin = await openConsoleAs(browser, 'admin');
  await openTechnicians(admin);

  // Add: a new skill created in place, a Mon–Fri shift, a level, and an expired certification.
  await admin.getByRole('button', { name: 'Add technician' }).click();
  const form = admin.getByRole('form', { name: 'Add technician' });
  await form.getByLabel('Name').fill(techName);
  await form.getByLabel('Team').fill(team);
  await form.getByLabel('Max visits per day').fill('6');
  await form.getByRole('button', { name: 'Add hours on Monday' }).click();
  await form.getByLabel('Monday opens').fill('08:00');
  await form.getByLabel('Monday closes').fill('16:30');
  await form.getByRole('button', { name: 'Copy Monday to Tue–Fri' }).click();

  await form.getByRole('button', { name: 'New skill…' }).click();
  const newSkill = admin.getByRole('form', { name: 'New skill' });
  await newSkill.getByLabel('Skill name').fill(skillName);
  // Ctrl+Enter saves a quick-create dialog like every form dialog; the technician form stays open behind it.
  await newSkill.getByLabel('Skill name').press('Control+Enter');
  await expect(newSkill).toBeHidden();
  await expect(form).toBeVisible();
  const skillRow = form.getByRole('group', { name: 'Skill 1' });
  await expect(skillRow.getByRole('combobox', { name: 'Skill' })).toHaveText(skillName);
  await skillRow.getByRole('combobox', { name: 'Level' }).click();
  await admin.getByRole('option', { name: '4' }).click();

  await form.getByRole('button', { name: 'Add certification' }).click();
  const cert = form.getByRole('group', { name: 'Certification 1' });
  await cert.getByLabel('Certification', { exact: true }).fill('CompTIA Network+');
  await cert.getByLabel('Expires').fill('2020-01-31');
  await screenshot(admin, 'technicians-form');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  const row = admin.getByRole('row', { name: techName });
  await expect(row).toContainText(`${skillName} L4`);
  await expect(row).toContainText('Mon–Fri 08:00–16:30');
  await expect(row).toContainText('expired 2020-01-31');
  await expect(row).toContainText(team);
  await admin.getByLabel('Search').fill(stamp);
  await expect(admin.getByRole('table', { name: 'Technicians' }).getByRole('row')).toHaveCount(2);
  await screenshot(admin, 'technicians-table');

  // Edit the level.
  await row.getByRole('button', { name: `Edit ${techName}` }).click();
  const edit = admin.getByRole('form', { name: `Edit ${techName}` });
  await edit.getByRole('group', { name: 'Skill 1' }).getByRole('combobox', { name: 'Level' }).click();
  await admin.getByRole('option', { name: '2' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(`${skillName} L2`);

  // A latitude without a longitude: the server's message on the field, nothing saved.
  await row.getByRole('button', { name: `Edit ${techName}` }).click();
  await edit.getByLabel('Latitude').fill('52.37');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Give both coordinates or neither')).toBeVisible();
  await expect(edit.getByLabel('Longitude')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(admin, 'technicians-invalid');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  await expect(row).not.toContainText('52.37');

  // A dispatcher records time off in the technician's detail.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await openTechnicians(dispatcher);
  await expect(dispatcher.getByRole('button', { name: 'Add technician' })).toHaveCount(0);
  await dispatcher.getByRole('row', { name: techName }).click();
  const detail = dispatcher.getByRole('region', { name: `Technician ${techName}` });
  await expect(detail).toContainText('Nothing recorded.');
  const start = DateTime.now().plus({ days: 3 }).set({ hour: 8, minute: 0 });
  const addForm = detail.getByRole('form', { name: 'Add time off' });
  await addForm.getByLabel('Starts').fill(start.toFormat("yyyy-MM-dd'T'HH:mm"));
  await addForm.getByLabel('Ends').fill(start.plus({ days: 2, hours: 9 }).toFormat("yyyy-MM-dd'T'HH:mm"));
  await addForm.getByLabel('Note').fill(`Dentist ${stamp}`);
  await addForm.getByRole('button', { name: 'Add' }).click();
  const timeOff = detail.getByRole('list', { name: 'Time off' });
  await expect(timeOff).toContainText(`Dentist ${stamp}`);
  await expect(timeOff).toContainText('Time off');
  await screenshot(dispatcher, 'technicians-time-off');
});

test('an admin adds a work type with a required skill; a too-short duration is refused on its field', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const skillName = `Printers ${stamp}`;
  const workType = `Printer swap ${stamp}`;
  const admin = await openConsoleAs(browser, 'admin');
  await openTechnicians(admin);

  // A skill to require, created in place from the technician form (which is then cancelled).
  await admin.getByRole('button', { name: 'Add technician' }).click();
  const form = admin.getByRole('form', { name: 'Add technician' });
  await form.getByRole('button', { name: 'New skill…' }).click();
  const newSkill = admin.getByRole('form', { name: 'New skill' });
  await newSkill.getByLabel('Skill name').fill(skillName);
  await newSkill.getByRole('button', { name: 'Save' }).click();
  await expect(newSkill).toBeHidden();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();

  await admin.getByRole('tab', { name: 'Work types' }).click();
  await admin.getByRole('button', { name: 'Add work type' }).click();
  const dialog = admin.getByRole('form', { name: 'Add work type' });
  await dialog.getByLabel('Name').fill(workType);
  await dialog.getByLabel('Category').fill('Hardware');
  await dialog.getByLabel('Duration (minutes)').fill('2');
  await dialog.getByRole('button', { name: 'Add required skill' }).click();
  const required = dialog.getByRole('group', { name: 'Required skill 1' });
  await required.getByRole('combobox', { name: 'Skill' }).click();
  await admin.getByRole('option', { name: skillName }).click();
  await required.getByRole('combobox', { name: 'Min level' }).click();
  await admin.getByRole('option', { name: '3' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('At least 5 minutes')).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(admin.locator('table[aria-label="Work types"]')).not.toContainText(workType);

  await dialog.getByLabel('Duration (minutes)').fill('90');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = admin.getByRole('row', { name: new RegExp(workType) });
  await expect(row).toContainText('1 h 30 min');
  await expect(row).toContainText(`${skillName} ≥ L3`);
  await screenshot(admin, 'technicians-work-types');
});
