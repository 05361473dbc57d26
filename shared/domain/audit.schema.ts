import { z } from 'zod';
import { id, instant } from './fields.schema';

const recordId = z.string().trim().min(1, 'Required').max(100, 'At most 100 characters');

/** Who, what kind, which record and when; every part optional. */
export const auditFilter = z
  .strictObject({
    userId: id.optional(),
    entity: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(60, 'At most 60 characters')
      .regex(/^[a-z_]+$/, 'Lower-case letters and underscores only')
      .optional(),
    /** A record's id, or a ticket's number (T-…), which finds every row about that ticket. */
    record: recordId.optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'Before the start of the period' });

export const auditListInput = z.strictObject({
  filter: auditFilter.default({}),
  after: z.strictObject({ at: instant, id: recordId }).optional(),
  limit: z.int('Whole number').min(1, 'At least 1').max(200, 'At most 200').default(50),
});

export const auditGetInput = z.strictObject({ id: recordId });

export const auditExportInput = z.strictObject({ filter: auditFilter.default({}) });
