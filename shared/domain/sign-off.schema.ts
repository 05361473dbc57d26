import { z } from 'zod';
import { base64Length, formatBytes, SIGNATURE_MAX_BYTES } from './attachment';
import { id, instant, optionalText, shortText } from './fields.schema';

const supersedes = {
  /** The visit's current sign-off, when this one replaces it. */
  supersedesId: id.nullish().transform((v) => v ?? null),
  supersedeReason: optionalText(500),
};

const signed = z.strictObject({
  visitId: id,
  kind: z.literal('signed'),
  signerName: shortText(120),
  /** The signer's role at the client, in their words: "Office manager", "Tenant". */
  signerRole: shortText(120),
  signaturePngBase64: z
    .string()
    .min(1, 'The signature is empty')
    .max(base64Length(SIGNATURE_MAX_BYTES), `A signature is at most ${formatBytes(SIGNATURE_MAX_BYTES)}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
  /** When the client signed; defaults to now. */
  signedAt: instant.nullish().transform((v) => v ?? null),
  resolutionConfirmed: z.boolean('Say whether the client confirms the problem is resolved'),
  ...supersedes,
});

const notRequired = z.strictObject({
  visitId: id,
  kind: z.literal('not_required'),
  reason: shortText(500),
  ...supersedes,
});

export const signOffRecordInput = z
  .discriminatedUnion('kind', [signed, notRequired], { error: "kind is 'signed' or 'not_required'" })
  .superRefine((input, ctx) => {
    if (input.supersedesId && !input.supersedeReason) {
      ctx.addIssue({ code: 'custom', path: ['supersedeReason'], message: 'Say why the sign-off is replaced' });
    }
    if (!input.supersedesId && input.supersedeReason) {
      ctx.addIssue({ code: 'custom', path: ['supersedesId'], message: 'A reason is given but nothing is superseded' });
    }
  });
export type SignOffRecordInput = z.infer<typeof signOffRecordInput>;
