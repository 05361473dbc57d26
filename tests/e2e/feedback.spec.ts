import { expect, test } from '@playwright/test';
import { startSmtpTestServer, type ReceivedMail } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { closedTicket } from './pages/documented-visit';
import { createClientWithContact } from './pages/records';

test.use({ viewport: { width: 1440, height: 900 } });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

test('closing e-mails a feedback link; the client scores on the public page; the score shows on the ticket and in reviews', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const smtp = await startSmtpTestServer(env);
  const admin = await openConsoleAs(browser, 'admin');
  await invoke(admin, 'mail.saveSettings', smtp.settings());
  const to = await createClientWithContact(admin, stamp);
  const ticket = await closedTicket(admin, {
    clientId: to.clientId,
    contactId: to.contactId,
    description: `Label printer jams on every roll ${stamp}`,
    stamp,
  });

  // The console's own sender delivers the request to the real SMTP server.
  const subject = `How did we do? ${ticket.number}`;
  let mail: ReceivedMail | undefined;
  await expect
    .poll(() => (mail = smtp.received.find((m) => m.subject === subject)) !== undefined, { timeout: 20_000 })
    .toBe(true);
  expect(mail?.to).toBe(to.email);
  const link = /http:\/\/\S+\/feedback\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
  expect(link, mail?.text).toBeDefined();

  // The client opens it in a browser with no session at all.
  const clientContext = await browser.newContext();
  env.defer(() => clientContext.close());
  const client = await clientContext.newPage();
  const opened = await client.goto(link ?? '');
  expect(opened?.status()).toBe(200);
  await expect(client.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  await expect(client.getByText(ticket.number)).toBeVisible();
  await expect(client.getByText(`Label printer jams on every roll ${stamp}`)).toBeVisible();
  const form = client.getByRole('form', { name: 'Your feedback' });
  await form.getByRole('radio', { name: /^4/ }).check();
  await form.getByLabel('Anything you would like to tell us?').fill('Quick visit, friendly technician');
  await screenshot(client, 'feedback-page');
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(client.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
  await expect(client.getByText(`score of 4 out of 5 for ${ticket.number}`)).toBeVisible();

  // Single use: the same link now says so.
  const again = await client.goto(link ?? '');
  expect(again?.status()).toBe(410);
  await expect(client.getByRole('heading', { name: 'This feedback link has been used' })).toBeVisible();
  await screenshot(client, 'feedback-used-link');

  // The client service manager sees it in the review view and on the ticket's panel.
  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reviews' }).click();
  const row = manager
    .getByRole('table', { name: 'Awaiting review' })
    .getByRole('row', { name: `Ticket ${ticket.number}` });
  await expect(row).toContainText('4/5 · Good');
  await expect(row).toContainText('Quick visit, friendly technician');
  await screenshot(manager, 'reviews-feedback');
  await row.click();
  const panel = manager.getByRole('region', { name: `Ticket ${ticket.number}` });
  const feedback = panel.getByRole('region', { name: 'Client feedback' });
  await expect(feedback).toContainText('4/5 · Good');
  await expect(feedback).toContainText('Feedback page');
  await expect(feedback).toContainText('Quick visit, friendly technician');
  await expect(feedback).toContainText('The feedback link was used.');

  // The client calls later: the problem is back. Recorded by phone, it escalates and logs a new ticket.
  const record = feedback.getByRole('form', { name: `Record feedback on ${ticket.number}` });
  await record.getByRole('button', { name: '2: Poor' }).click();
  await record.getByLabel('What the client said').fill('Jams again since this morning');
  await record.getByLabel('The problem is back (logs a new linked ticket)').check();
  await record.getByRole('button', { name: 'Record feedback' }).click();
  const phoned = feedback.getByRole('listitem', { name: 'Feedback 2 out of 5' });
  await expect(phoned).toContainText('By phone, recorded by');
  await expect(phoned).toContainText(/The problem is back: new ticket T-\d{4}-\d+/);
  await feedback.scrollIntoViewIfNeeded();
  await screenshot(manager, 'ticket-panel-feedback');
  const escalations = await invoke<{ kind: string }[]>(manager, 'escalations.list', { ticketId: ticket.id });
  expect(escalations.map((e) => e.kind)).toEqual(['low_feedback']);
});
