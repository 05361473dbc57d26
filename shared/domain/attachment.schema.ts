import { z } from 'zod';
import { base64Length, formatBytes, MAX_UPLOAD_MB_CEILING, megabytes, THUMBNAIL_MAX_BYTES } from './attachment';
import { id, optionalText, shortText } from './fields.schema';

const base64 = (maxBytes: number, label: string) =>
  z
    .string()
    .min(1, `The ${label} is empty`)
    .max(base64Length(maxBytes), `The ${label} is larger than ${formatBytes(maxBytes)}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64 (A–Z, a–z, 0–9, +, / and = padding only)');

export const attachmentAddInput = z.strictObject({
  ticketId: id,
  /** Set for a photo or form of one visit; absent for the ticket as a whole. */
  visitId: id.nullish().transform((v) => v ?? null),
  // Long names are shortened when stored; this bound only stops abuse.
  fileName: shortText(1000),
  // The configured limit is checked by the handler (it is a setting); this is the hard ceiling.
  contentBase64: base64(megabytes(MAX_UPLOAD_MB_CEILING), 'file'),
  caption: optionalText(500),
  thumbnailBase64: base64(THUMBNAIL_MAX_BYTES, 'thumbnail')
    .nullish()
    .transform((v) => v ?? null),
});

export const attachmentContentInput = z.strictObject({
  id,
  variant: z.enum(['original', 'thumbnail']).default('original'),
});

export const attachmentSettings = z.strictObject({
  maxUploadMegabytes: z
    .int('Whole megabytes')
    .min(1, 'At least 1 MB')
    .max(MAX_UPLOAD_MB_CEILING, `At most ${MAX_UPLOAD_MB_CEILING} MB`),
});
export type AttachmentSettings = z.infer<typeof attachmentSettings>;
