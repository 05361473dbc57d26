import { z } from 'zod';
import { id, optionalText } from './fields.schema';
import { messageKinds } from './messages';
import { messageKind } from './messages.schema';
import { defaultDelayGraceMinutes, outboxStatuses, outboxTransports, smtpTlsModes } from './outbox';

const retryShape = {
  firstRetryMinutes: z.int('Whole minutes').min(1, 'At least 1 minute').max(1440, 'At most a day (1440 minutes)'),
  maxRetryMinutes: z.int('Whole minutes').min(1, 'At least 1 minute').max(10_080, 'At most a week (10080 minutes)'),
  maxAttempts: z.int('A whole number').min(1, 'At least 1').max(50, 'At most 50'),
};

const delayGraceMinutes = z.int('Whole minutes').min(1, 'At least 1 minute').max(240, 'At most 4 hours (240 minutes)');

const retryOrder = (s: { firstRetryMinutes: number; maxRetryMinutes: number }) =>
  s.maxRetryMinutes >= s.firstRetryMinutes;
const retryOrderError = { path: ['maxRetryMinutes'], error: 'At least the first retry' };

/** The settings as stored; saved before delay notices existed, they have the default grace. */
export const outboxSettings = z
  .strictObject({ ...retryShape, delayGraceMinutes: delayGraceMinutes.default(defaultDelayGraceMinutes) })
  .refine(retryOrder, retryOrderError);

/** A save; without delayGraceMinutes the stored grace stays (a client that predates it changes only the retries). */
export const outboxSettingsSaveInput = z
  .strictObject({ ...retryShape, delayGraceMinutes: delayGraceMinutes.optional() })
  .refine(retryOrder, retryOrderError);

export const outboxListInput = z.strictObject({
  ticketId: id.optional(),
  status: z.enum(outboxStatuses).optional(),
  limit: z.int().min(1).max(500).default(100),
  /** Paging: the previous page's `next`; messages listed after it. */
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|[0-9a-f-]{36}$/, 'The `next` of a previous page')
    .transform((v) => {
      const [createdAt = '', id = ''] = v.split('|');
      return { createdAt, id };
    })
    .optional(),
});

export const outboxAttachment = z.strictObject({
  name: z.string(),
  contentType: z.string(),
  content: z.string(),
  encoding: z.enum(['text', 'base64']),
});

export const deliveryRecord = z.strictObject({
  transport: z.enum(outboxTransports),
  recipient: z.string(),
  response: z.string(),
  messageId: z.string(),
  at: z.string(),
});

const address = z.email('Not an e-mail address').max(254);

const host = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(253, 'At most 253 characters')
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'A host name or IP address');

export const mailSettingsSaveInput = z.strictObject({
  host,
  port: z.int('A whole number').min(1, 'From 1').max(65_535, 'Up to 65535'),
  tls: z.enum(smtpTlsModes),
  user: optionalText(254),
  /** Absent keeps the stored password; null clears it. */
  password: z.string().min(1, 'Required; leave it out to keep the stored one').max(500).nullable().optional(),
  fromAddress: address,
  fromName: optionalText(120),
});

/** The SMTP settings as stored (the password with them: the sender needs it to log in). */
export const storedMailSettings = z.strictObject({
  host: z.string(),
  port: z.number(),
  tls: z.enum(smtpTlsModes),
  user: z.string().nullable(),
  password: z.string().nullable(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
});
export type StoredMailSettings = z.infer<typeof storedMailSettings>;

export const mailSendTestInput = z.strictObject({ to: address, note: optionalText(500) });

export const outboxIdInput = z.strictObject({ id });

export const webhookSettingsSaveInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'An http:// or https:// address' }).max(500, 'At most 500 characters'),
  /** Absent keeps the stored secret; null clears it (only with the webhook turned off: nothing could be signed). */
  secret: z.string().min(16, 'At least 16 characters').max(200, 'At most 200 characters').nullable().optional(),
  kinds: z.array(messageKind).max(messageKinds.length).default([]),
  /** Off keeps the address and kinds but posts nothing; a client that predates the switch turns it on. */
  enabled: z.boolean().default(true),
});

/** The webhook as stored (with the secret: the sender signs with it). Saved before the switch existed: on. */
export const storedWebhookSettings = z.strictObject({
  url: z.string(),
  secret: z.string().nullable(),
  kinds: z.array(messageKind),
  enabled: z.boolean().default(true),
});
export type StoredWebhookSettings = z.infer<typeof storedWebhookSettings>;
