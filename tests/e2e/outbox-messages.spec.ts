import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openDatabase, type DatabaseHandle } from '../../electron/core/db/connect';
import { inTransaction } from '../../electron/core/db/transaction';
import { enqueueMessage } from '../../electron/core/repositories/outbox.repository';
import { sqliteFileIn } from '../../electron/core/runtime';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { MessagesPage } from './pages/messages-page';
import { QueuePage } from './pages/queue-page';
import { createTicket } from './pages/records';

test.use({ viewport: { width: 1440, height: 900 } });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

const invitation = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:visit-e2e@dispatch',
  'SEQUENCE:0',
  'DTSTART:20270104T090000Z',
  'DTEND:20270104T110000Z',
  'SUMMARY:Onsite visit',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/**
 * Queues a message for the ticket as the product does, in a transaction on the console's own
 * database (from this process, as a second workstation would). Product code on main queues no
 * message yet: branch `messages` adds them; until it is merged this stands in for it.
 */
async function queueMessage(
  ticketId: string | null,
  subject: string,
  transport: 'email' | 'webhook' = 'email',
): Promise<void> {
  await withDatabase((database) =>
    inTransaction(database, (tx) =>
      enqueueMessage(tx, {
        eventKey: `e2e-booking-confirmation:${randomUUID()}`,
        kind: 'booking-confirmation',
        ticketId,
        transport,
        recipient: 'facilities@northwind.example',
        subject,
        bodyText: 'Your visit is booked for Monday 4 January, 09:00–11:00.\nThe invitation is attached.',
        // A script in a body must never run in the console: the preview's frame has no scripts.
        bodyHtml:
          '<p id="greeting">Your visit is booked for <b>Monday 4 January</b>.</p>' +
          "<script>document.getElementById('greeting').textContent = 'script ran'</script>",
        attachments: [{ name: 'visit.ics', contentType: 'text/calendar', content: invitation, encoding: 'text' }],
        createdAt: new Date().toISOString(),
      }),
    ),
  );
}

async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  const database = await openDatabase({ kind: 'sqlite', file: sqliteFileIn(dataDir) });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

test('a dispatcher sees a message that was not delivered first, retries it, and opens what was sent, from the list and from the ticket', async ({
  browser,
}) => {
  test.slow();
  const smtp = await startSmtpTestServer(env, { kind: 'refuse', code: 550, message: '550 Mailbox full' });
  const admin = await openConsoleAs(browser, 'admin');
  await invoke(admin, 'mail.saveSettings', smtp.settings());
  await invoke(admin, 'outbox.saveSettings', { firstRetryMinutes: 1, maxRetryMinutes: 60, maxAttempts: 1 });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const ticket = await createTicket(dispatcher, 'Outbox e2e: printer jammed on floor 3', 60);
  const subject = `Visit booked for ${ticket.number}`;
  await queueMessage(ticket.id, subject);

  const messages = new MessagesPage(dispatcher);
  await messages.open();
  const row = messages.row(subject);
  // The sender tries it once (the server refuses), then it is not delivered: first, with its error.
  await expect(row).toContainText('Not delivered', { timeout: 20_000 });
  await expect(row).toContainText('Last error:');
  await expect(row).toContainText('Mailbox full');
  await expect(messages.table.getByRole('row').nth(1)).toContainText('Not delivered');
  await expect(dispatcher.getByText(/not delivered\. They are listed first/)).toBeVisible();
  await screenshot(dispatcher, 'messages-not-delivered');

  // The server takes mail again: Retry now, and the list shows it sent without a reload.
  smtp.behaviour = { kind: 'accept' };
  await row.getByRole('button', { name: 'Retry now' }).click();
  await expect(row).toContainText('Sent', { timeout: 20_000 });
  await expect(row.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  const arrived = smtp.received.filter((m) => m.subject === subject);
  expect(arrived).toHaveLength(1);
  expect(arrived[0]?.to).toBe('facilities@northwind.example');

  // Opened: exactly what went out, and how.
  await row.click();
  const dialog = messages.dialog;
  await expect(dialog.getByRole('heading', { name: subject })).toBeVisible();
  await expect(dialog).toContainText('facilities@northwind.example');
  await expect(dialog.getByRole('region', { name: 'Text body' })).toContainText('The invitation is attached.');
  const html = dialog.frameLocator(`iframe[title="HTML body of ${subject}"]`);
  await expect(html.locator('#greeting')).toHaveText('Your visit is booked for Monday 4 January.');
  const attachments = dialog.getByRole('region', { name: 'Attachments' });
  await expect(attachments).toContainText('visit.ics');
  await expect(attachments).toContainText('text/calendar');
  await expect(attachments).toContainText('UID:visit-e2e@dispatch');
  const delivery = dialog.getByRole('region', { name: 'Delivery' });
  await expect(delivery).toContainText('250');
  await expect(delivery).toContainText(arrived[0]?.messageId ?? 'a message id');
  await screenshot(dispatcher, 'message-opened');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // On the ticket: its messages with their status, each opening the same view.
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await queue.row(ticket.number).click();
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const onTicket = panel.getByRole('region', { name: 'Messages' });
  await expect(onTicket.getByRole('listitem').filter({ hasText: subject })).toContainText('Sent');
  await onTicket.getByRole('button', { name: `Open ${subject}` }).click();
  await expect(messages.dialog.getByRole('region', { name: 'Delivery' })).toContainText('250');
  await messages.dialog.getByRole('button', { name: 'Close' }).click();
  const timeline = panel.getByRole('region', { name: 'Timeline' });
  await timeline
    .getByRole('button', { name: `Open the message: E-mail to facilities@northwind.example: ${subject}` })
    .click();
  await expect(messages.dialog.getByRole('heading', { name: subject })).toBeVisible();
  await messages.dialog.getByRole('button', { name: 'Close' }).click();
  await onTicket.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'ticket-messages');
});

test('a message waiting for a transport nobody set up is said once, above the admin screens', async ({ browser }) => {
  // No webhook transport exists yet, so a webhook message waits whatever the SMTP settings are.
  const subject = `Webhook e2e ${Date.now().toString(36)}`;
  await queueMessage(null, subject, 'webhook');
  try {
    const admin = await openConsoleAs(browser, 'admin');
    const banner = admin.getByRole('alert', { name: 'Outbox warning' });
    await admin.getByRole('tab', { name: 'Settings' }).click();
    await expect(banner).toHaveText(/1 message waits for a webhook to be set up; nothing is lost meanwhile\./);
    // E-mail was set up by the test above: the banner does not send the admin there for a webhook.
    await expect(banner.getByRole('link', { name: 'Set up e-mail' })).toHaveCount(0);
    await screenshot(admin, 'admin-outbox-warning');
    await admin.getByRole('tab', { name: 'E-mail' }).click();
    await expect(banner).toHaveCount(1);
    await expect(admin.getByRole('region', { name: 'Outbox' })).toContainText('1 waiting for a transport');
    await screenshot(admin, 'mail-admin-outbox-warning');
    // Not on the working views: it is the admins' to act on.
    await admin.getByRole('tab', { name: 'Queue' }).click();
    await expect(admin.getByRole('grid', { name: 'Ticket queue' })).toBeVisible();
    await expect(banner).toHaveCount(0);
  } finally {
    // The e2e server is shared by the specs that follow: leave no waiting message behind.
    await withDatabase((database) => database.db.deleteFrom('outbox').where('subject', '=', subject).execute());
  }
});
