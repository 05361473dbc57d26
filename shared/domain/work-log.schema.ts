import { z } from 'zod';
import { id } from './fields.schema';
import { sku } from './parts.schema';
import {
  MAX_ACTIONS_LENGTH,
  MAX_PART_LINES,
  MAX_QUANTITY,
  MAX_SERIALS_PER_LINE,
  MAX_STEP_LENGTH,
  MAX_STEPS,
  workOutcomes,
} from './work-log';

const serials = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'An empty serial number')
      .max(100, 'At most 100 characters')
      .regex(/^[^\p{Cc}]+$/u, 'No control characters'),
  )
  .max(MAX_SERIALS_PER_LINE, `At most ${MAX_SERIALS_PER_LINE} serial numbers`)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((serial, index) => {
      const key = serial.toUpperCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `${serial} is listed twice` });
      seen.add(key);
    });
  });

export const workLogPartInput = z.strictObject({
  sku,
  quantity: z
    .number('A number')
    .positive('More than zero')
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY.toLocaleString('en-US')}`),
  serialsInstalled: serials,
  serialsRemoved: serials,
});

export const workLogSaveInput = z
  .strictObject({
    visitId: id,
    /** The version read; 0 to create the visit's first work log. */
    expectedVersion: z.int().min(0),
    actions: z.string().trim().max(MAX_ACTIONS_LENGTH, `At most ${MAX_ACTIONS_LENGTH} characters`),
    steps: z
      .array(z.string().trim().min(1, 'An empty step').max(MAX_STEP_LENGTH, `At most ${MAX_STEP_LENGTH} characters`))
      .max(MAX_STEPS, `At most ${MAX_STEPS} steps`),
    parts: z.array(workLogPartInput).max(MAX_PART_LINES, `At most ${MAX_PART_LINES} lines`),
    noParts: z.boolean(),
    timeOnSiteMinutes: z
      .int('Whole minutes')
      .min(0, 'Not negative')
      .max(24 * 60, 'At most a day (1440 minutes)')
      .nullish()
      .transform((v) => v ?? null),
    outcome: z
      .enum(workOutcomes)
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((log, ctx) => {
    if (log.noParts && log.parts.length > 0)
      ctx.addIssue({ code: 'custom', path: ['noParts'], message: 'Parts are listed; remove them or untick this' });
    const seen = new Map<string, number>();
    log.parts.forEach((line, index) => {
      const key = line.sku.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['parts', index, 'sku'],
          message: `${line.sku} is on line ${first + 1} already; change its quantity instead`,
        });
      else seen.set(key, index);
    });
  });

export const workLogGetInput = z.strictObject({ visitId: id });
export const workLogsForTicketInput = z.strictObject({ ticketId: id });
