import { expect, test, type Page } from '@playwright/test';
import { signatureHolds, startWebhookGateway } from '../support/webhook-test-gateway';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { closedTicket } from './pages/documented-visit';
import { startFreshServer } from './pages/fresh-server';
import { MailAdminPage } from './pages/mail-admin-page';
import { MessagesPage } from './pages/messages-page';
import { createClientWithContact } from './pages/records';

test.use({ viewport: { width: 1440, height: 1000 } });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

/** Every API answer the page receives, as text: the secret must be in none of them. */
function recordApiAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/'))
      void response.text().then(
        (t) => answers.push(t),
        () => undefined,
      );
  });
  return answers;
}

// A console of the spec's own: a webhook taking messages, or a public address for feedback links,
// left on the shared server would change what every later spec's messages look like.
test('an admin sets the webhook to a gateway, whose test post arrives signed, and sets the address feedback links use', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startFreshServer();
  env.defer(() => server.stop());
  const gateway = await startWebhookGateway(env);
  const admin = await openConsoleAs(browser, 'admin', undefined, { baseURL: server.url });
  const answers = recordApiAnswers(admin);
  const mail = new MailAdminPage(admin);
  await mail.open();
  const webhook = mail.webhook;
  await expect(webhook).toBeVisible();
  await expect(webhook.getByRole('button', { name: 'Send a test' })).toBeDisabled();

  // An address that is not http(s): refused at its field, nothing saved.
  const secret = `gw-${Date.now().toString(36)}-shared-secret-never-shown`;
  await webhook.getByLabel('Address').fill('ftp://gateway.tailspin.example/in');
  await webhook.getByLabel('Signing secret').fill(secret);
  await webhook.getByRole('checkbox', { name: 'Technician on the way' }).check();
  await webhook.getByRole('checkbox', { name: 'Delay notice' }).check();
  await mail.saveWebhook();
  await expect(webhook.getByLabel('Address')).toHaveAccessibleDescription('An http:// or https:// address');
  await expect(webhook.getByLabel('Signing secret')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(webhook.getByRole('alert')).toHaveText('Nothing was saved: correct the fields marked in red.');
  await screenshot(admin, 'webhook-admin-bad-url');
  expect(await invoke(admin, 'webhook.settings', {})).toMatchObject({ configured: false });

  // The real gateway: saved, the secret only said to be stored.
  const url = `http://127.0.0.1:${gateway.port}/hooks/dispatch`;
  await webhook.getByLabel('Address').fill(url);
  await mail.saveWebhook();
  await expect(webhook.getByRole('status')).toHaveText('Saved.');
  await expect(webhook.getByText('A signing secret is stored.')).toBeVisible();
  // Nothing to read it from: no secret field until Replace is pressed.
  await expect(webhook.locator('input[type="password"]')).toHaveCount(0);
  expect(await invoke(admin, 'webhook.settings', {})).toEqual({
    configured: true,
    url,
    secretSet: true,
    kinds: ['on-the-way', 'delay-notice'],
    enabled: true,
  });
  await expect(mail.outbox).toContainText('Webhook: set up');

  // The test post arrives, signed with the shared secret as docs/API.md says to check it.
  const result = await mail.sendWebhookTest();
  await expect(result).toContainText('The gateway accepted the test message.');
  await expect(result).toContainText('Gateway answer: 202 Accepted: queued');
  expect(gateway.received).toHaveLength(1);
  const [post] = gateway.received;
  if (!post) throw new Error('the gateway received nothing');
  expect(post.path).toBe('/hooks/dispatch');
  expect(signatureHolds(post, secret)).toBe(true);
  expect(signatureHolds(post, `${secret}-not`)).toBe(false);
  expect(JSON.parse(post.body)).toMatchObject({ kind: 'webhook-test', subject: 'Dispatch Console: test message' });
  await webhook.scrollIntoViewIfNeeded();
  await screenshot(admin, 'webhook-admin-test-sent');

  // The gateway down: the console says what it answered.
  gateway.status = 503;
  const refused = await mail.sendWebhookTest();
  await expect(refused).toContainText('The gateway refused the test (HTTP 503).');
  await expect(refused).toContainText('gateway overloaded');

  // Off: kept, but nothing posted; the outbox no longer counts it as a way out.
  await webhook.getByLabel(/^On: messages are posted/).uncheck();
  await mail.saveWebhook();
  await expect(webhook.getByRole('status')).toHaveText('Saved.');
  expect(await invoke(admin, 'webhook.settings', {})).toMatchObject({ url, enabled: false, secretSet: true });
  await expect(mail.outbox).not.toContainText('Webhook: set up');

  // After a reload the form shows what is stored, and no answer ever carried the secret.
  await admin.reload();
  await mail.open();
  await expect(webhook.getByLabel('Address')).toHaveValue(url);
  await expect(webhook.getByRole('checkbox', { name: 'Technician on the way' })).toBeChecked();
  await expect(webhook.getByRole('checkbox', { name: 'Booking confirmation' })).not.toBeChecked();
  await expect(webhook.getByText('Off: nothing is posted (the settings are kept)')).toBeVisible();
  await expect.poll(() => answers.some((a) => a.includes('"secretSet":true'))).toBe(true);
  expect(answers.filter((a) => a.includes(secret))).toEqual([]);

  // Feedback links: by default this server's own loopback address, with why a client elsewhere cannot use it.
  const links = mail.feedbackLinks;
  const inUse = links.getByRole('region', { name: 'Links use now' });
  await expect(inUse).toContainText(`Links use now: ${server.url.replace(/\/$/, '')}/feedback/…`);
  await expect(inUse).toContainText('only when the console listens beyond loopback');
  await links.scrollIntoViewIfNeeded();
  await screenshot(admin, 'feedback-address-default');

  await links.getByLabel('Public address').fill('dispatch.tailspin.example');
  await links.getByRole('button', { name: 'Save' }).click();
  await expect(links.getByLabel('Public address')).toHaveAccessibleDescription(/^An http:\/\/ or https:\/\/ address/);
  await links.getByLabel('Public address').fill('https://dispatch.tailspin.example/');
  await links.getByRole('button', { name: 'Save' }).click();
  await expect(links.getByRole('status')).toContainText('Saved.');
  await expect(inUse).toContainText('Links use now: https://dispatch.tailspin.example/feedback/…');
  await expect(inUse).not.toContainText('loopback');
  await expect(links.getByLabel('Public address')).toHaveValue('https://dispatch.tailspin.example');
  await screenshot(admin, 'feedback-address-saved');

  // Used: the request queued when a ticket is closed links to the saved address.
  const stamp = Date.now().toString(36);
  const to = await createClientWithContact(admin, stamp);
  const ticket = await closedTicket(admin, {
    clientId: to.clientId,
    contactId: to.contactId,
    description: `Barcode scanner drops its pairing ${stamp}`,
    stamp,
  });
  const messages = new MessagesPage(admin);
  await messages.open();
  await messages.row(`How did we do? ${ticket.number}`).click();
  await expect(messages.dialog.getByRole('region', { name: 'Text body' })).toContainText(
    /https:\/\/dispatch\.tailspin\.example\/feedback\/[A-Za-z0-9_-]{43}/,
  );
  await screenshot(admin, 'feedback-address-in-message');
});
