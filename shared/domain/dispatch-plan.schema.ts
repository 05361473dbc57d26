import { z } from 'zod';
import { maxPlanDays } from './dispatch-plan';
import { calendarDate } from './sla.schema';

export const dispatchOptimizeInput = z
  .strictObject({
    /** Chosen by the console so it can cancel the run and match its progress events. */
    runId: z.uuid('Not a run id').optional(),
    /** First and last day of the period (inclusive), in the organisation's time zone. */
    from: calendarDate,
    to: calendarDate,
    /** Seconds the optimizer may search; it returns its best plan when the time is up. */
    timeLimitSeconds: z
      .number()
      .positive('Give a positive number of seconds')
      .max(300, 'At most 300 seconds')
      .default(5),
    /** Only these technicians (all active ones when absent). */
    technicianIds: z.array(z.uuid()).max(1000).optional(),
  })
  .superRefine((input, ctx) => {
    const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
    else if (days > maxPlanDays)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${maxPlanDays} days at once` });
  });
export type DispatchOptimizeInput = z.output<typeof dispatchOptimizeInput>;
