import type { ApiInput } from '../../../../shared/api/contract';
import type { Priority } from '../../../../shared/domain/ticket';
import type { ReportGrouping } from '../../../../shared/domain/reports';

export interface ReportForm {
  from: string;
  to: string;
  team: string;
  clientId: string;
  priority: Priority | '';
  groupBy: ReportGrouping;
}

/** The last 30 days up to today (local dates), grouped by priority. */
export function defaultReportForm(today: Date): ReportForm {
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const start = new Date(today);
  start.setDate(start.getDate() - 29);
  return { from: day(start), to: day(today), team: '', clientId: '', priority: '', groupBy: 'priority' };
}

/** The API's input: empty choices are left out. */
export type ReportInput = ApiInput<'reports.slaAdherence'>;

export function reportInput(form: ReportForm): ReportInput {
  return {
    from: form.from,
    to: form.to,
    groupBy: form.groupBy,
    ...(form.team ? { team: form.team } : {}),
    ...(form.clientId ? { clientId: form.clientId } : {}),
    ...(form.priority ? { priority: form.priority } : {}),
  };
}

/**
 * Which figure was opened: a group (null key: "none"), and for SLA adherence optionally one
 * outcome, for the other reports the table and the figure (`measureLabel` says it in words).
 */
export interface Drill {
  key: string | null;
  label: string;
  outcome?: 'met' | 'missed';
  table?: string;
  measure?: string;
  measureLabel?: string;
}

export function drillTitle(drill: Drill): string {
  if (drill.measureLabel) return `${drill.label}: ${drill.measureLabel}`;
  return `${drill.label}${drill.outcome ? `: SLA ${drill.outcome}` : ': all closed'}`;
}

/** The drill-down's fields as the API takes them. */
export function drillFields(drill: Drill) {
  return {
    key: drill.key,
    ...(drill.outcome ? { outcome: drill.outcome } : {}),
    ...(drill.table ? { table: drill.table } : {}),
    ...(drill.measure ? { measure: drill.measure } : {}),
  };
}
