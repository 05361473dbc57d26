import { z } from 'zod';
import { id, instant, optionalText } from './fields.schema';
import { calendarDate } from './sla.schema';
import { incompleteReasons } from './visit';
import { statusUpdates } from './visit-status';

export const visitSetStatusInput = z
  .strictObject({
    id,
    expectedVersion: z.int().min(1),
    status: z.enum(statusUpdates),
    /** When it happened; now when absent. A dispatcher relaying a phone call may give an earlier time. */
    at: instant.optional(),
    /** En route only: the expected arrival; from the travel model when absent. */
    etaAt: instant.optional(),
    /** Incomplete only, and then required. */
    reason: z.enum(incompleteReasons).optional(),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.etaAt !== undefined && v.status !== 'en_route')
      ctx.addIssue({ code: 'custom', path: ['etaAt'], message: 'Only when setting off (en route)' });
    if (v.etaAt !== undefined && v.at !== undefined && v.etaAt <= v.at)
      ctx.addIssue({ code: 'custom', path: ['etaAt'], message: 'After the time of setting off' });
    if (v.status === 'incomplete' && v.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Why the visit is incomplete' });
    if (v.reason !== undefined && v.status !== 'incomplete')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Only for an incomplete visit' });
  });

export const visitMyDayInput = z.strictObject({
  /** In the technician's zone; today when absent. */
  date: calendarDate.optional(),
  /** Whose day; the caller's own when absent. Technicians may ask only for their own. */
  technicianId: id.optional(),
});
