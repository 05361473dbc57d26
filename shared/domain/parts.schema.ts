import { z } from 'zod';
import { id, shortText } from './fields.schema';
import { MAX_CSV_CHARS, MAX_PART_NAME_LENGTH, MAX_SKU_LENGTH, MAX_UNIT_LENGTH, SKU_PATTERN, SKU_RULE } from './parts';

export const sku = shortText(MAX_SKU_LENGTH).regex(SKU_PATTERN, SKU_RULE);
export const partName = shortText(MAX_PART_NAME_LENGTH);
export const partUnit = shortText(MAX_UNIT_LENGTH);

export const partSaveInput = z.strictObject({
  id: id.optional(),
  sku,
  name: partName,
  unit: partUnit,
  active: z.boolean().default(true),
});

export const partListInput = z.strictObject({
  /** Matches SKU or name, anywhere, regardless of case. */
  query: z.string().trim().max(100, 'At most 100 characters').optional(),
  includeInactive: z.boolean().default(false),
  limit: z.int('A whole number').min(1).max(5000, 'At most 5000').default(500),
});

export const partsImportInput = z.strictObject({
  csv: z
    .string()
    .max(MAX_CSV_CHARS, `At most ${MAX_CSV_CHARS.toLocaleString('en-US')} characters; split the file`)
    .refine((text) => text.trim().length > 0, 'The file is empty'),
  /** Count what would change without writing: the import dialog's preview. */
  dryRun: z.boolean().default(false),
});
