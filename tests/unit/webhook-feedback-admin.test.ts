import { describe, expect, it } from 'vitest';
import { feedbackSettingsSaveInput } from '../../shared/domain/feedback.schema';
import { webhookSettingsSaveInput } from '../../shared/domain/outbox.schema';
import type { WebhookSettingsDto } from '../../shared/domain/webhook';
import {
  describeFeedbackAddress,
  feedbackAddressSaveInput,
  isLoopbackAddress,
} from '../../renderer/src/features/outbox/feedback-address';
import {
  describeWebhookTest,
  webhookFormFrom,
  webhookSaveInput,
  withKind,
} from '../../renderer/src/features/outbox/webhook-settings-form';

const stored: WebhookSettingsDto = {
  configured: true,
  url: 'https://sms.example.com/hooks/dispatch',
  secretSet: true,
  kinds: ['on-the-way', 'booking-confirmation'],
  enabled: false,
};

describe('the webhook form', () => {
  it('keeps the stored secret unless it is replaced or cleared (it is never sent back)', () => {
    const form = webhookFormFrom(stored);
    expect(form.secret).toBe('');
    expect(webhookSaveInput(form)).not.toHaveProperty('secret');
    expect(webhookSaveInput({ ...form, secretChange: 'replace', secret: 'a-new-shared-secret-1234' })).toMatchObject({
      secret: 'a-new-shared-secret-1234',
    });
    expect(webhookSaveInput({ ...form, secretChange: 'clear', secret: 'ignored' })).toMatchObject({ secret: null });
  });

  it('sends the ticked kinds in the order the console lists them, whatever order they were ticked in', () => {
    let form = webhookFormFrom({ ...stored, kinds: [] });
    form = withKind(form, 'feedback-request', true);
    form = withKind(form, 'request-acknowledgement', true);
    form = withKind(form, 'delay-notice', true);
    form = withKind(form, 'feedback-request', false);
    expect(webhookSaveInput(form).kinds).toEqual(['request-acknowledgement', 'delay-notice']);
  });

  it('shows a saved webhook as saved (off stays off) and offers a new one on', () => {
    expect(webhookFormFrom(stored).enabled).toBe(false);
    expect(webhookSaveInput(webhookFormFrom(stored))).toMatchObject({
      enabled: false,
      kinds: stored.kinds.toReversed(),
    });
    const fresh = webhookFormFrom({ configured: false, url: '', secretSet: false, kinds: [], enabled: false });
    expect(fresh.enabled).toBe(true);
  });

  it.each([
    ['ftp://sms.example.com/hooks', 'An http:// or https:// address'],
    ['not an address', 'An http:// or https:// address'],
  ])('leaves %s for the server to refuse at the url', (url, message) => {
    const input = webhookSaveInput({ ...webhookFormFrom(stored), url });
    const parsed = webhookSettingsSaveInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[['url'], message]]);
  });

  it('trims the address it sends, so a pasted space is not a refused address', () => {
    const input = webhookSaveInput({ ...webhookFormFrom(stored), url: '  https://sms.example.com/in  ' });
    expect(webhookSettingsSaveInput.safeParse(input).success).toBe(true);
  });

  it.each([
    [
      { delivered: true, response: '202 Accepted: queued' } as const,
      'success',
      'The gateway accepted the test message.',
      'Gateway answer: 202 Accepted: queued',
    ],
    [
      {
        delivered: false,
        stage: 'message',
        responseCode: 503,
        message: 'The webhook answered 503 Service Unavailable',
      } as const,
      'error',
      'The gateway refused the test (HTTP 503).',
      'The webhook answered 503 Service Unavailable',
    ],
    [
      { delivered: false, stage: 'connection', responseCode: null, message: 'Could not reach the webhook' } as const,
      'error',
      'Could not reach the gateway.',
      'Could not reach the webhook',
    ],
  ])('describes a test post: %j', (result, severity, headline, detail) => {
    expect(describeWebhookTest(result)).toEqual({ severity, headline, detail });
  });
});

describe('the feedback links address', () => {
  it('sends an empty field as the default (null) and a typed one as typed, trimmed', () => {
    expect(feedbackAddressSaveInput('   ')).toEqual({ publicBaseUrl: null });
    expect(feedbackAddressSaveInput(' https://dispatch.example.com ')).toEqual({
      publicBaseUrl: 'https://dispatch.example.com',
    });
    expect(feedbackSettingsSaveInput.safeParse(feedbackAddressSaveInput('')).success).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:4780', true],
    ['http://localhost:4780', true],
    ['http://[::1]:4780', true],
    ['https://dispatch.example.com', false],
    ['http://10.0.0.5:4780', false],
    ['not a url', false],
  ])('%s is reachable from this machine only: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it('warns that the default address of a server on loopback works only on this machine', () => {
    const said = describeFeedbackAddress({ publicBaseUrl: null, effectiveBaseUrl: 'http://127.0.0.1:4780' });
    expect(said.inUse).toBe('http://127.0.0.1:4780/feedback/…');
    expect(said.explanation).toContain("this server's own address");
    expect(said.warning).toContain('only when the console listens beyond loopback');
  });

  it('says a saved public address is what links use, with no warning', () => {
    const said = describeFeedbackAddress({
      publicBaseUrl: 'https://dispatch.example.com',
      effectiveBaseUrl: 'https://dispatch.example.com',
    });
    expect(said).toMatchObject({ inUse: 'https://dispatch.example.com/feedback/…', warning: null });
    expect(said.explanation).toBe('Links use the public address saved here.');
  });

  it('says the desktop app without an address sends requests without a link', () => {
    const said = describeFeedbackAddress({ publicBaseUrl: null, effectiveBaseUrl: null });
    expect(said.inUse).toBe('No link');
    expect(said.explanation).toContain('reply or call');
  });
});
