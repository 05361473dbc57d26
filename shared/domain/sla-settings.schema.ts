import { z } from 'zod';
import { id, shortText } from './fields.schema';
import { businessCalendar, priorityMatrix, slaPolicy } from './sla.schema';

/** The organization's SLA rules that an admin edits: targets, the priority matrix, the at-risk point. */
export const slaSettings = z.strictObject({
  policy: slaPolicy,
  matrix: priorityMatrix,
  atRiskFraction: z.number().min(0.05, 'At least 5%').max(1, 'At most 100%'),
});
export type SlaSettings = z.output<typeof slaSettings>;

/** Whose calendar: the organization's default, one client's, or one site's (most specific wins). */
export const calendarScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('default') }),
  z.strictObject({ kind: z.literal('client'), clientId: id }),
  z.strictObject({ kind: z.literal('site'), siteId: id }),
]);
export type CalendarScope = z.output<typeof calendarScope>;

export const calendarSaveInput = z.strictObject({
  scope: calendarScope,
  name: shortText(80),
  calendar: businessCalendar,
});
