import { expect, test, type Page } from '@playwright/test';
import type { OutboxSettings, OutboxStatusDto, OutboxSummaryDto } from '../../shared/domain/outbox';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { startFreshServer } from './pages/fresh-server';
import { MessagesPage } from './pages/messages-page';
import { QueuePage } from './pages/queue-page';
import { createClientWithContact, createTechnician, createTicketFor, mondayAhead } from './pages/records';

test.use({ viewport: { width: 1440, height: 900 } });

// The SMTP servers and settings of a test, put back when it ends.
let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

/** The messages the console queued for a ticket, as the API lists them. */
async function messagesOf(page: Page, ticketId: string): Promise<OutboxSummaryDto[]> {
  return (await invoke<{ messages: OutboxSummaryDto[] }>(page, 'outbox.list', { ticketId })).messages;
}

async function messageOfKind(page: Page, ticketId: string, kind: string): Promise<OutboxSummaryDto> {
  const message = (await messagesOf(page, ticketId)).find((m) => m.kind === kind);
  if (!message) throw new Error(`no ${kind} was queued for the ticket`);
  return message;
}

test('a dispatcher sees a message that was not delivered first, retries it, and opens what was sent, from the list and from the ticket', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const smtp = await startSmtpTestServer(env, { kind: 'refuse', code: 550, message: '550 Mailbox full' });
  const admin = await openConsoleAs(browser, 'admin');
  const { firstRetryMinutes, maxRetryMinutes, maxAttempts } = await invoke<OutboxSettings>(
    admin,
    'outbox.settings',
    {},
  );
  // Other specs' messages are sent after this one: they get the retry schedule they had.
  env.defer(() => invoke(admin, 'outbox.saveSettings', { firstRetryMinutes, maxRetryMinutes, maxAttempts }));
  await invoke(admin, 'mail.saveSettings', smtp.settings());
  await invoke(admin, 'outbox.saveSettings', { firstRetryMinutes: 1, maxRetryMinutes: 60, maxAttempts: 1 });

  // A ticket logged for a contact with an e-mail address, and a visit booked for it: the console
  // queues the acknowledgement and the booking confirmation itself.
  const to = await createClientWithContact(admin, stamp);
  const technicianId = await createTechnician(admin, `Terry ${stamp}`);
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  // Markup typed into a request is text in every message, never HTML of the console's.
  const description = `Printer jammed on floor 3 <b id="injected">${stamp}</b>`;
  const ticket = await createTicketFor(dispatcher, to, description);
  const visit = await invoke<{ id: string }>(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId,
    startsAt: `${mondayAhead('America/New_York', 2)}T14:00:00.000Z`,
    durationMinutes: 60,
  });
  const acknowledgement = await messageOfKind(dispatcher, ticket.id, 'request-acknowledgement');
  const confirmation = await messageOfKind(dispatcher, ticket.id, 'booking-confirmation');
  expect(acknowledgement).toMatchObject({ recipient: to.email, subject: `We have your request ${ticket.number}` });
  expect(confirmation.recipient).toBe(to.email);
  expect(confirmation.subject).toMatch(new RegExp(`^Visit booked for ${ticket.number}: `));
  const subject = confirmation.subject;

  const messages = new MessagesPage(dispatcher);
  await messages.open();
  const row = messages.row(subject);
  // The sender tries it once (the server refuses), then it is not delivered: first, with its error.
  await expect(row).toContainText('Not delivered', { timeout: 20_000 });
  await expect(row).toContainText('Last error:');
  await expect(row).toContainText('Mailbox full');
  await expect(messages.row(acknowledgement.subject)).toContainText('Not delivered');
  const texts = await messages.table.getByRole('row').allTextContents();
  const mine = texts.findIndex((t) => t.includes(subject));
  const firstOther = texts.findIndex((t, i) => i > 0 && !t.includes('Not delivered'));
  expect(mine).toBeGreaterThan(0);
  if (firstOther !== -1) expect(mine).toBeLessThan(firstOther);
  await expect(dispatcher.getByText(/not delivered\. They are listed first/)).toBeVisible();
  await screenshot(dispatcher, 'messages-not-delivered');

  // The server takes mail again: Retry now, and the list shows it sent without a reload.
  smtp.behaviour = { kind: 'accept' };
  await row.getByRole('button', { name: 'Retry now' }).click();
  await expect(row).toContainText('Sent', { timeout: 20_000 });
  await expect(row.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  const arrived = smtp.received.filter((m) => m.subject === subject);
  expect(arrived).toHaveLength(1);
  expect(arrived[0]?.to).toBe(to.email);

  // Opened: exactly what went out, and how.
  await row.click();
  const dialog = messages.dialog;
  await expect(dialog.getByRole('heading', { name: subject })).toBeVisible();
  await expect(dialog).toContainText(to.email);
  await expect(dialog.getByRole('region', { name: 'Text body' })).toContainText(
    'The attached invitation adds the visit to your calendar.',
  );
  const frame = dialog.locator(`iframe[title="HTML body of ${subject}"]`);
  // An empty sandbox: nothing in a message's HTML runs in the console.
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().locator('body')).toContainText(`Dear ${to.contactName},`);
  const attachments = dialog.getByRole('region', { name: 'Attachments' });
  await expect(attachments).toContainText('invite.ics');
  await expect(attachments).toContainText('text/calendar');
  await expect(attachments).toContainText('METHOD:REQUEST');
  await expect(attachments).toContainText(`UID:visit-${visit.id}@dispatch-console`);
  const delivery = dialog.getByRole('region', { name: 'Delivery' });
  await expect(delivery).toContainText('250');
  await expect(delivery).toContainText(arrived[0]?.messageId ?? 'a message id');
  await screenshot(dispatcher, 'message-opened');
  await delivery.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'message-opened-delivery');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // On the ticket: its messages with their status, each opening the same view.
  const queue = new QueuePage(dispatcher);
  await queue.open();
  await (await queue.find(ticket.number)).click();
  const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
  const onTicket = panel.getByRole('region', { name: 'Messages' });
  await expect(onTicket.getByRole('listitem').filter({ hasText: subject })).toContainText('Sent');
  await expect(onTicket.getByRole('listitem').filter({ hasText: acknowledgement.subject })).toContainText(
    'Not delivered',
  );
  await onTicket.getByRole('button', { name: `Open ${subject}` }).click();
  await expect(messages.dialog.getByRole('region', { name: 'Delivery' })).toContainText('250');
  await messages.dialog.getByRole('button', { name: 'Close' }).click();

  // The acknowledgement repeats the request as the client gave it: its markup is text there too.
  const timeline = panel.getByRole('region', { name: 'Timeline' });
  await timeline
    .getByRole('button', { name: `Open the message: E-mail to ${to.email}: ${acknowledgement.subject}` })
    .click();
  await expect(messages.dialog.getByRole('heading', { name: acknowledgement.subject })).toBeVisible();
  await expect(messages.dialog.getByRole('region', { name: 'Text body' })).toContainText(description);
  const ackFrame = messages.dialog.locator(`iframe[title="HTML body of ${acknowledgement.subject}"]`);
  await expect(ackFrame).toHaveAttribute('sandbox', '');
  await expect(ackFrame.contentFrame().locator('body')).toContainText(description);
  await expect(ackFrame.contentFrame().locator('#injected')).toHaveCount(0);
  await messages.dialog.getByRole('button', { name: 'Close' }).click();
  await onTicket.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'ticket-messages');
});

test('an acknowledgement waiting for e-mail to be set up is said once, above the admin screens only', async ({
  browser,
}) => {
  test.slow();
  // The run's server has SMTP set up by the specs before this one, and the API cannot unset it:
  // "nothing set up" is a console of this test's own.
  const server = await startFreshServer();
  env.defer(() => server.stop());
  const admin = await openConsoleAs(browser, 'admin', undefined, { baseURL: server.url });
  const before = await invoke<OutboxStatusDto>(admin, 'outbox.status', {});
  expect(before.configured.email).toBe(false);

  const to = await createClientWithContact(admin, Date.now().toString(36));
  const ticket = await createTicketFor(admin, to, 'Scanner offline in the mail room');
  const [acknowledgement] = await messagesOf(admin, ticket.id);
  expect(acknowledgement).toMatchObject({ kind: 'request-acknowledgement', status: 'queued', attempts: 0 });
  const waiting = before.waitingForTransport + 1;
  const said = `${waiting} ${waiting === 1 ? 'message waits' : 'messages wait'} for an SMTP server to be set up; nothing is lost meanwhile.`;

  const banner = admin.getByRole('alert', { name: 'Outbox warning' });
  await admin.getByRole('tab', { name: 'Settings', exact: true }).click();
  await expect(admin.getByRole('form', { name: 'SLA policy' })).toBeVisible();
  await expect(banner).toContainText(said);
  await expect(banner.getByRole('link', { name: 'Set up e-mail' })).toBeVisible();
  await screenshot(admin, 'admin-outbox-warning');
  await banner.getByRole('link', { name: 'Set up e-mail' }).click();
  await expect(admin.getByRole('form', { name: 'SMTP server' })).toBeVisible();
  await expect(banner).toHaveCount(1);
  // Already on the e-mail screen: no link to it.
  await expect(banner.getByRole('link', { name: 'Set up e-mail' })).toHaveCount(0);
  await expect(admin.getByRole('region', { name: 'Outbox' })).toContainText(`${waiting} waiting for a transport`);
  await screenshot(admin, 'mail-admin-outbox-warning');
  // Not on the working views: it is the admins' to act on.
  await admin.getByRole('tab', { name: 'Queue' }).click();
  await expect(admin.getByRole('grid', { name: 'Ticket queue' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  // The acknowledgement still waits, having lost no attempt.
  expect((await messagesOf(admin, ticket.id))[0]).toMatchObject({ status: 'queued', attempts: 0 });
});
