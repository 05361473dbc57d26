import { z } from 'zod';
import { imapTlsModes } from './email-intake';
import { id, shortText } from './fields.schema';

const host = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(253, 'At most 253 characters')
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'A host name or IP address');

const mailboxFields = {
  name: shortText(80),
  host,
  port: z.int('A whole number').min(1, 'From 1').max(65_535, 'Up to 65535'),
  tls: z.enum(imapTlsModes),
  user: shortText(254),
  /** Absent keeps the stored password (a new mailbox needs one). */
  password: z.string().min(1, 'Required; leave it out to keep the stored one').max(500).optional(),
  folder: shortText(200).default('INBOX'),
};

export const mailboxSaveInput = z.strictObject({
  /** Absent for a new mailbox. */
  id: id.optional(),
  ...mailboxFields,
  enabled: z.boolean().default(true),
});

/** Tests what is on the form: unsaved values, with the stored password of `id` when none is typed. */
export const mailboxTestInput = z.strictObject({ id: id.optional(), ...mailboxFields });
