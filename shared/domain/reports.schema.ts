import { z } from 'zod';
import { id, priority, shortText } from './fields.schema';
import { REPORT_MAX_DAY_BUCKETS, REPORT_MAX_DAYS, reportExportFormats, reportGroupings, reportKinds } from './reports';
import { calendarDate } from './sla.schema';

const DAY_MS = 86_400_000;

/** The period (inclusive dates in the organisation's zone) and the filters every report takes. */
const reportFilterFields = {
  from: calendarDate,
  to: calendarDate,
  team: shortText(100).optional(),
  clientId: id.optional(),
  priority: priority.optional(),
  groupBy: z.enum(reportGroupings),
};

function checkPeriod(input: { from: string; to: string; groupBy: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(input.to) - Date.parse(input.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must not be before the start' });
  else if (days > REPORT_MAX_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${REPORT_MAX_DAYS} days at once` });
  else if (input.groupBy === 'day' && days > REPORT_MAX_DAY_BUCKETS)
    ctx.addIssue({
      code: 'custom',
      path: ['groupBy'],
      message: `By day covers at most ${REPORT_MAX_DAY_BUCKETS} days; group by week or month`,
    });
}

export const slaAdherenceInput = z.strictObject(reportFilterFields).superRefine(checkPeriod);
export type SlaAdherenceInput = z.output<typeof slaAdherenceInput>;

/** Every report takes the same period and filters. */
export const reportInput = slaAdherenceInput;
export type ReportInput = SlaAdherenceInput;

/** Which report a drill-down or an export is of; SLA adherence when not said. */
const reportField = { report: z.enum(reportKinds).default('sla_adherence') };

/** Which figure to open: the group's key (null for "none") and, optionally, only met or missed. */
const drillFields = {
  key: z.string().trim().min(1, 'Required').max(100, 'At most 100 characters').nullable(),
  /** SLA adherence: only met or missed. */
  outcome: z.enum(['met', 'missed', 'no_target']).optional(),
  /** The other reports: which table and which figure of the row (checked against the report). */
  table: z.string().trim().min(1, 'Required').max(40, 'At most 40 characters').optional(),
  measure: z.string().trim().min(1, 'Required').max(60, 'At most 60 characters').optional(),
};

export const reportTicketsInput = z
  .strictObject({ ...reportFilterFields, ...reportField, ...drillFields })
  .superRefine(checkPeriod);
export type ReportTicketsInput = z.output<typeof reportTicketsInput>;

export const reportExportInput = z
  .strictObject({
    ...reportFilterFields,
    ...reportField,
    format: z.enum(reportExportFormats),
    /** The ticket list behind one figure instead of the report. */
    drill: z.strictObject(drillFields).optional(),
  })
  .superRefine(checkPeriod);
export type ReportExportInput = z.output<typeof reportExportInput>;
