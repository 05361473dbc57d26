import { describe, expect, it } from 'vitest';
import type { MailSettingsDto } from '../../shared/domain/outbox';
import { mailSettingsSaveInput } from '../../shared/domain/outbox.schema';
import { mailFormFrom, mailSaveInput } from '../../renderer/src/features/outbox/mail-settings-form';
import { describeMailTest } from '../../renderer/src/features/outbox/mail-test-result';
import { messageHtmlDocument } from '../../renderer/src/features/outbox/message-html';
import { kindLabel, notDeliveredFirst } from '../../renderer/src/features/outbox/message-order';

const stored: MailSettingsDto = {
  configured: true,
  host: 'smtp.example.com',
  port: 587,
  tls: 'starttls',
  user: 'dispatch',
  passwordSet: true,
  fromAddress: 'dispatch@example.com',
  fromName: 'Tailspin Dispatch',
};

describe('the SMTP form', () => {
  it('keeps the stored password unless it is replaced or cleared (it is never sent back)', () => {
    const form = mailFormFrom(stored);
    expect(form.password).toBe('');
    expect(mailSaveInput(form)).not.toHaveProperty('password');
    expect(mailSaveInput({ ...form, passwordChange: 'replace', password: 's3cret' })).toMatchObject({
      password: 's3cret',
    });
    expect(mailSaveInput({ ...form, passwordChange: 'clear', password: 'ignored' })).toMatchObject({ password: null });
  });

  it('offers the usual port of the mode before anything is saved', () => {
    expect(mailFormFrom({ ...stored, configured: false, port: 0, tls: 'tls' }).port).toBe('465');
    expect(mailFormFrom(stored).port).toBe('587');
  });

  it.each([
    ['70000', 'Up to 65535'],
    ['0', 'From 1'],
    ['25a', 'A whole number'],
    ['', 'A whole number'],
  ])('lets the server name the port field for %j (%s)', (port, message) => {
    const parsed = mailSettingsSaveInput.safeParse(mailSaveInput({ ...mailFormFrom(stored), port }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[['port'], message]]);
  });

  it('sends a well-formed form as the server accepts it', () => {
    const parsed = mailSettingsSaveInput.safeParse(mailSaveInput({ ...mailFormFrom(stored), port: ' 2525 ' }));
    expect(parsed.success && parsed.data.port).toBe(2525);
  });
});

describe('the test send in words', () => {
  it("shows the server's answer and the message id when it took the message", () => {
    const words = describeMailTest({ delivered: true, response: '250 Ok: queued as 4F2A', messageId: '<a@b>' });
    expect(words.severity).toBe('success');
    expect(words.detail).toBe('Server answer: 250 Ok: queued as 4F2A · Message id: <a@b>');
  });

  it('names the step that failed, the SMTP code and what the server said', () => {
    const words = describeMailTest({
      delivered: false,
      stage: 'recipient',
      responseCode: 550,
      message: 'Mailbox unavailable',
    });
    expect(words).toEqual({
      severity: 'error',
      headline: 'The server refused the recipient (SMTP 550).',
      detail: 'Step: recipient · Mailbox unavailable',
    });
  });

  it('leaves out the code when the server never answered', () => {
    const words = describeMailTest({
      delivered: false,
      stage: 'connection',
      responseCode: null,
      message: 'ECONNREFUSED',
    });
    expect(words.headline).toBe('Could not connect to the server.');
  });
});

describe('the messages list', () => {
  it('puts the messages that were not delivered first and keeps each group in its order', () => {
    const listed = [
      { id: 'a', status: 'sent' },
      { id: 'b', status: 'failed' },
      { id: 'c', status: 'queued' },
      { id: 'd', status: 'failed' },
    ] as const;
    expect(notDeliveredFirst(listed).map((m) => m.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('reads a kind key as words', () => {
    expect(kindLabel('booking-confirmation')).toBe('Booking confirmation');
    expect(kindLabel('ticket_acknowledgement')).toBe('Ticket acknowledgement');
  });
});

describe("a message's HTML body in its frame", () => {
  it('puts the body under a policy that runs no script and loads nothing from the network', () => {
    const doc = messageHtmlDocument('<p>Hello</p><img src="https://tracker.example/p.gif">');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(doc)?.[1];
    expect(policy).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    // The policy comes before the body, so it governs everything in it.
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>Hello</p>'));
  });
});
