import { expect, test } from '@playwright/test';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createClientWithContact, createTicketFor } from './pages/records';

test.use({ viewport: { width: 1440, height: 900 } });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

test('the desk writes an update to the client from the ticket panel and logs a call; both are on the timeline', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const smtp = await startSmtpTestServer(env);
  const admin = await openConsoleAs(browser, 'admin');
  await invoke(admin, 'mail.saveSettings', smtp.settings());
  const to = await createClientWithContact(admin, stamp);
  const ticket = await createTicketFor(admin, to, `Badge reader at the loading bay ${stamp} stays red`);

  const desk = await openConsoleAs(browser, 'desk');
  const queue = new QueuePage(desk);
  await queue.open();
  await queue.openTicket(ticket.number);
  const panel = desk.getByRole('region', { name: `Ticket ${ticket.number}` });
  const updates = panel.getByRole('region', { name: 'Updates and calls' });

  // Send update: the template filled in with the ticket, edited, previewed, sent.
  await updates.getByRole('button', { name: 'Send update' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Send an update to the client' });
  const subject = dialog.getByRole('textbox', { name: 'Subject' });
  const message = dialog.getByRole('textbox', { name: 'Message' });
  await expect(subject).toHaveValue(`Update on your request ${ticket.number}`);
  await expect(message).toHaveValue(new RegExp(`^Dear ${to.contactName},`));
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText(`To: ${to.contactName} · ${to.email}`);
  const written = 'The replacement reader arrives on Thursday morning; we will call you to book the fitting.';
  await message.fill((await message.inputValue()).replace('[Write the update here.]', written));
  await subject.fill(`Update on your request ${ticket.number}: part ordered`);
  await expect(preview).toContainText(written);
  await expect(preview).toContainText(`Update on your request ${ticket.number}: part ordered`);
  await screenshot(desk, 'ticket-send-update');
  await dialog.getByRole('button', { name: 'Send update' }).click();
  await expect(dialog).toHaveCount(0);

  // Log a call: the contact by default, now, and what was said.
  await updates.getByRole('button', { name: 'Log a call' }).click();
  const callDialog = desk.getByRole('dialog', { name: 'Log a call' });
  await expect(callDialog.getByRole('textbox', { name: 'Who was called' })).toHaveValue(to.contactName);
  await expect(callDialog.getByRole('textbox', { name: 'Phone' })).toHaveValue('+1 212 555 0150');
  await callDialog
    .getByRole('textbox', { name: 'What was said' })
    .fill('Explained the reader is on order; they will let the fitter into the loading bay.');
  await screenshot(desk, 'ticket-log-call');
  await callDialog.getByRole('button', { name: 'Log call' }).click();
  await expect(callDialog).toHaveCount(0);
  await expect(updates.getByRole('listitem')).toContainText('they will let the fitter into the loading bay');
  await expect(updates.getByRole('listitem')).toContainText('logged by Dana Desk');

  // The update reaches the client's mail server as written.
  await expect
    .poll(() => smtp.received.filter((m) => m.to === to.email && m.text.includes(written)).length, {
      timeout: 20_000,
    })
    .toBe(1);

  // Both on the timeline, and the e-mail with them.
  const timeline = panel.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText(`Update written to ${to.contactName}`);
  await expect(timeline).toContainText(`Call with ${to.contactName} (+1 212 555 0150)`);
  await expect(timeline).toContainText(`E-mail to ${to.email}: Update on your request ${ticket.number}: part ordered`);
  await expect(panel.getByRole('region', { name: 'Messages' })).toContainText('Sent', { timeout: 20_000 });
  await updates.scrollIntoViewIfNeeded();
  await screenshot(desk, 'ticket-updates-and-calls');
  await timeline.scrollIntoViewIfNeeded();
  await screenshot(desk, 'ticket-updates-timeline');
});
