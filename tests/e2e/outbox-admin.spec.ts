import { expect, test, type Page } from '@playwright/test';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { MailAdminPage } from './pages/mail-admin-page';

test.use({ viewport: { width: 1440, height: 900 } });

// The SMTP servers of a test, stopped when it ends.
let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

/** Every API answer the page receives, as text: the password must be in none of them. */
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

test('an admin sets up the SMTP server, sends a test message that arrives, and the password never comes back', async ({
  browser,
}) => {
  test.slow();
  const smtp = await startSmtpTestServer(env);
  const admin = await openConsoleAs(browser, 'admin');
  const answers = recordApiAnswers(admin);
  const mail = new MailAdminPage(admin);
  await mail.open();

  // A port out of range and a from address that is not one: refused on their fields, nothing saved.
  const before = await invoke<{ host: string; port: number }>(admin, 'mail.settings', {});
  await mail.fillServer({ host: '127.0.0.1', port: 70000, fromAddress: 'dispatch at tailspin', fromName: 'Tailspin' });
  await mail.save();
  await expect(mail.smtp.getByLabel('Port')).toHaveAccessibleDescription('Up to 65535');
  await expect(mail.smtp.getByLabel('From address')).toHaveAccessibleDescription('Not an e-mail address');
  await expect(mail.smtp.getByLabel('Host')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(mail.smtp.getByRole('alert')).toHaveText('Nothing was saved: correct the fields marked in red.');
  await screenshot(admin, 'mail-admin-field-errors');
  expect(await invoke(admin, 'mail.settings', {})).toEqual(before);

  // The real server, with a password.
  const secret = `pw-${Date.now().toString(36)}-never-shown`;
  await mail.fillServer({ ...smtp.settings(), port: smtp.port });
  await mail.smtp.getByLabel('User').fill('dispatch');
  const password = mail.smtp.getByLabel('Password', { exact: true });
  if (await password.isVisible()) await password.fill(secret);
  else {
    await mail.smtp.getByRole('button', { name: 'Replace' }).click();
    await mail.smtp.getByLabel('New password').fill(secret);
  }
  await mail.save();
  await expect(mail.smtp.getByRole('status')).toHaveText('Saved.');
  await expect(mail.smtp.getByText('A password is stored.')).toBeVisible();
  await expect(mail.outbox).toContainText('E-mail: set up');
  const saved = await invoke<Record<string, unknown>>(admin, 'mail.settings', {});
  expect(saved).toMatchObject({ configured: true, port: smtp.port, tls: 'none', user: 'dispatch', passwordSet: true });
  expect(saved).not.toHaveProperty('password');

  // The test message reaches the server, addressed as typed, and the console says what it answered.
  const result = await mail.sendTest('ops@northwind.example');
  await expect(result).toContainText('The server accepted the test message.');
  await expect(result).toContainText('Server answer: 250');
  // Messages other specs queued go to this server too once it is saved: count only the test's.
  const tests = smtp.received.filter((m) => m.subject === 'Dispatch Console: test message');
  expect(tests).toHaveLength(1);
  expect(tests[0]).toMatchObject({
    to: 'ops@northwind.example',
    from: '"Tailspin Dispatch" <dispatch@tailspin.example>',
  });
  await screenshot(admin, 'mail-admin-test-sent');

  // A server that refuses the recipient: the step, the code and the server's words.
  smtp.behaviour = { kind: 'refuse', code: 550, message: '550 No such mailbox here' };
  const refused = await mail.sendTest('nobody@northwind.example');
  await expect(refused).toContainText('The server refused the recipient (SMTP 550).');
  await expect(refused).toContainText('No such mailbox here');
  await screenshot(admin, 'mail-admin-test-refused');

  // The retry schedule: a bad value is refused on its field, a good one is kept.
  await mail.retries.getByLabel('Most attempts').fill('0');
  await mail.retries.getByRole('button', { name: 'Save' }).click();
  await expect(mail.retries.getByLabel('Most attempts')).toHaveAccessibleDescription('At least 1');
  await mail.retries.getByLabel('Most attempts').fill('6');
  await mail.retries.getByRole('button', { name: 'Save' }).click();
  await expect(mail.retries.getByRole('status')).toHaveText('Saved.');
  expect(await invoke(admin, 'outbox.settings', {})).toMatchObject({ maxAttempts: 6 });
  // The delay notices' grace sits with them, as whole minutes.
  const grace = mail.retries.getByLabel('Grace before a delay notice');
  await expect(grace).toHaveValue('15');
  await grace.fill('0');
  await mail.retries.getByRole('button', { name: 'Save' }).click();
  await expect(grace).toHaveAccessibleDescription('At least 1 minute');
  await grace.fill('20');
  await mail.retries.getByRole('button', { name: 'Save' }).click();
  await expect(mail.retries.getByRole('status')).toHaveText('Saved.');
  expect(await invoke(admin, 'outbox.settings', {})).toMatchObject({ maxAttempts: 6, delayGraceMinutes: 20 });
  await screenshot(admin, 'mail-admin-delay-grace');

  // Clearing the password is said, then done.
  await mail.smtp.getByRole('button', { name: 'Clear' }).click();
  await expect(mail.smtp.getByText('The stored password will be cleared on save.')).toBeVisible();
  await mail.save();
  await expect(mail.smtp.getByRole('status')).toHaveText('Saved.');
  expect(await invoke(admin, 'mail.settings', {})).toMatchObject({ passwordSet: false });

  await admin.reload();
  await mail.open();
  await expect.poll(() => answers.some((a) => a.includes('"mail.settings"') || a.includes('passwordSet'))).toBe(true);
  expect(answers.filter((a) => a.includes(secret))).toEqual([]);
});
