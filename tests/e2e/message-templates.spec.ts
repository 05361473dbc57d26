import { expect, test, type Page } from '@playwright/test';
import { messageKinds } from '../../shared/domain/messages';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { MessageTemplatesPage } from './pages/message-templates-page';

test.use({ viewport: { width: 1440, height: 900 } });

interface Template {
  kind: string;
  subject: string;
  body: string;
  custom: boolean;
  defaultText: { subject: string; body: string };
}
interface Ticket {
  id: string;
  number: string;
  receivedAt: string;
  clientName: string;
  priority: string;
}

const kind = 'request-acknowledgement';

// The e2e server is shared by every spec of a run, and others check what messages say: whatever
// this test leaves behind, the acknowledgement goes back to the shipped wording.
let admin: Page | undefined;
test.afterEach(async () => {
  if (admin) await invoke(admin, 'templates.reset', { kind });
  admin = undefined;
});

test('an admin edits the acknowledgement with a live preview on a real ticket; an unknown placeholder is refused on its field', async ({
  browser,
}) => {
  test.slow();
  admin = await openConsoleAs(browser, 'admin');
  const page = new MessageTemplatesPage(admin);
  const before = await invoke<Template>(admin, 'templates.get', { kind });
  expect(before.custom).toBe(false);
  const tickets = await invoke<Ticket[]>(admin, 'tickets.queue', {
    statuses: ['new', 'assigned', 'scheduled', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'],
  });
  const [newest, other] = [...tickets].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  if (!newest || !other) throw new Error('The demo data has fewer than two tickets');

  // The list: every kind, when it is sent, and that it uses the shipped wording.
  await page.open();
  await expect(page.kinds.getByRole('button')).toHaveCount(messageKinds.length);
  await expect(page.kind('Acknowledgement of a new request')).toContainText(
    "When a ticket is logged: to the ticket's contact.",
  );
  await expect(page.kind('Acknowledgement of a new request')).toContainText('Shipped default');

  // The acknowledgement opens with the most recent ticket's preview.
  await page.openKind('Acknowledgement of a new request');
  await expect(page.subject).toHaveValue(before.subject);
  await expect(page.ticket).toHaveValue(new RegExp(`^${newest.number}`));
  await expect(page.previewPart('subject')).toContainText(`We have your request ${newest.number}`);
  await page.settled();
  await screenshot(admin, 'message-templates-list');

  // Another ticket, found by its number: the preview follows.
  await page.pickTicket(other.number);
  await expect(page.previewPart('subject')).toContainText(`We have your request ${other.number}`);
  await expect(page.previewPart('text')).toContainText(other.number);

  // A placeholder put at the cursor by a click, another by the keyboard: the preview changes live.
  await page.subject.fill('Request {{ticketNumber}} for ');
  await page.subject.press('End');
  await page.placeholder('clientName').click();
  await expect(page.subject).toHaveValue('Request {{ticketNumber}} for {{clientName}}');
  await expect(page.subject).toBeFocused();
  await expect(page.previewPart('subject')).toHaveText(`SubjectRequest ${other.number} for ${other.clientName}`);
  await page.body.focus();
  await page.body.press('ControlOrMeta+Home');
  await page.placeholder('priority').focus();
  await admin.keyboard.press('Enter');
  await expect(page.body).toHaveValue(`{{priority}}${before.body}`);
  await expect(page.body).toBeFocused();
  // The preview's text now opens with the ticket's priority, e.g. "HighDear Priya Raman,".
  const priority = other.priority.charAt(0).toUpperCase() + other.priority.slice(1);
  await expect(page.previewPart('text').locator('pre')).toHaveText(new RegExp(`^${priority}Dear `));
  await expect(page.previewPart('HTML').locator('iframe')).toHaveAttribute('sandbox', '');
  await expect(page.previewPart('HTML').frameLocator('iframe').locator('body')).toContainText(other.number);
  await page.settled();
  await screenshot(admin, 'message-templates-editor');

  // An unknown placeholder: named on its field and in the preview, and refused at save.
  await page.body.fill(`Dear {{contactName}}, about {{unknownThing}}.`);
  await expect(page.body).toHaveAccessibleDescription('Unknown placeholder {{unknownThing}}');
  await expect(page.preview.getByRole('alert')).toContainText('Unknown placeholder {{unknownThing}}');
  await page.save();
  await expect(page.form.getByRole('alert')).toContainText(
    'Nothing was saved. Body: Unknown placeholder {{unknownThing}}.',
  );
  await expect(page.body).toHaveAccessibleDescription('Unknown placeholder {{unknownThing}}');
  await page.settled();
  await screenshot(admin, 'message-templates-refused');
  expect(await invoke<Template>(admin, 'templates.get', { kind })).toMatchObject({
    custom: false,
    subject: before.subject,
    body: before.body,
  });

  // A valid change is saved and marked customised.
  const body = 'Dear {{contactName}},\n\nWe logged {{ticketNumber}} at priority {{priority}}.\n\nThe service desk';
  await page.body.fill(body);
  await expect(page.previewPart('text')).toContainText(`We logged ${other.number} at priority`);
  await page.save();
  await expect(page.form.getByRole('status')).toHaveText('Saved.');
  await expect(page.kind('Acknowledgement of a new request')).toContainText('Customised');
  expect(await invoke<Template>(admin, 'templates.get', { kind })).toMatchObject({
    custom: true,
    subject: 'Request {{ticketNumber}} for {{clientName}}',
    body,
  });

  // Opening another kind with unsaved changes asks first; cancelling keeps them.
  await page.subject.fill('Unsaved {{ticketNumber}}');
  await page.kind('Booking confirmation').click();
  const discard = admin.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.subject).toHaveValue('Unsaved {{ticketNumber}}');
  await page.form.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.subject).toHaveValue('Request {{ticketNumber}} for {{clientName}}');

  // Reset to default, after a confirmation: the shipped wording is back, on screen and in the API.
  await page.form.getByRole('button', { name: 'Reset to default' }).click();
  const confirm = admin.getByRole('dialog', { name: 'Reset to the shipped default?' });
  await confirm.getByRole('button', { name: 'Reset to default' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.subject).toHaveValue(before.defaultText.subject);
  await expect(page.kind('Acknowledgement of a new request')).toContainText('Shipped default');
  expect(await invoke<Template>(admin, 'templates.get', { kind })).toMatchObject({
    custom: false,
    subject: before.defaultText.subject,
    body: before.defaultText.body,
  });
});
