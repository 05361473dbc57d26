import type { Channel, Priority, TicketStatus } from './ticket';
import type { SlaOutcome } from './closure';

/** The reports the console draws; each but SLA adherence answers a FigureReport. */
export const reportKinds = [
  'sla_adherence',
  'volumes',
  'first_time_fix',
  'escalations',
  'review',
  'utilization',
] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportKindLabels: Record<ReportKind, string> = {
  sla_adherence: 'SLA adherence',
  volumes: 'Volumes and backlog',
  first_time_fix: 'First-time fix',
  escalations: 'Escalations',
  review: 'Review and feedback',
  utilization: 'Technician utilization',
};

/** What an SLA adherence report may be grouped by: a dimension of the ticket, or a period bucket. */
export const reportGroupings = ['priority', 'client', 'site', 'technician', 'team', 'day', 'week', 'month'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

export const reportGroupingLabels: Record<ReportGrouping, string> = {
  priority: 'Priority',
  client: 'Client',
  site: 'Site',
  technician: 'Technician',
  team: 'Team',
  day: 'Day',
  week: 'Week',
  month: 'Month',
};

/** Groupings utilization can be read by: shift time belongs to a technician, not to a client or priority. */
export const utilizationGroupings: readonly ReportGrouping[] = ['technician', 'team', 'day', 'week', 'month'];

/** The longest period a report covers (about three years), and the most day buckets it draws. */
export const REPORT_MAX_DAYS = 1100;
export const REPORT_MAX_DAY_BUCKETS = 366;
/** A drill-down answers at most this many tickets; the export of one too. */
export const REPORT_TICKET_LIMIT = 5000;

/** Median and 90th percentile of a duration in whole minutes; null when no ticket has one. */
export interface MinutesDistribution {
  median: number | null;
  p90: number | null;
}

/** One group's figures; `key` is what a drill-down asks for (null: tickets without that dimension). */
export interface SlaAdherenceRow {
  key: string | null;
  label: string;
  closed: number;
  met: number;
  missed: number;
  noTarget: number;
  /** met / (met + missed) × 100, one decimal; null when no ticket had a target. */
  percentMet: number | null;
  responseMinutes: MinutesDistribution;
  resolutionMinutes: MinutesDistribution;
}

export interface SlaAdherenceReport {
  groupBy: ReportGrouping;
  /** The period as asked (inclusive dates) and the zone its days are read in. */
  from: string;
  to: string;
  timeZone: string;
  rows: SlaAdherenceRow[];
  total: SlaAdherenceRow;
}

/**
 * A ticket behind a figure. The closing fields are those of its closing in force: null while the
 * ticket is open (a backlog or escalation figure can name open tickets).
 */
export interface ReportTicketRow {
  ticketId: string;
  number: string;
  channel: Channel;
  status: TicketStatus;
  priority: Priority;
  clientName: string;
  siteName: string | null;
  technicianName: string | null;
  team: string | null;
  receivedAt: string;
  slaDueAt: string | null;
  firstArrivalAt: string | null;
  closedAt: string | null;
  slaOutcome: SlaOutcome | null;
  slaMinutes: number | null;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
}

export interface ReportTicketList {
  tickets: ReportTicketRow[];
  /** More tickets matched than a list holds: narrow the filters to see the rest. */
  truncated: boolean;
}

export const reportExportFormats = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof reportExportFormats)[number];

/** A file made by the core, carried base64 in the answer like attachments (one path for IPC and HTTP). */
export interface ReportFileDto {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
  truncated: boolean;
}

/** % met in words and numbers, so it reads without colour: "3 of 4 met (75.0%)". */
export function percentMetText(row: Pick<SlaAdherenceRow, 'met' | 'missed' | 'percentMet'>): string {
  if (row.percentMet === null) return 'No target';
  return `${row.met} of ${row.met + row.missed} met (${row.percentMet.toFixed(1)}%)`;
}

/**
 * How a figure is read: a count of items (each drills down to its tickets), a percentage of two
 * counts, a mean, or whole minutes (median or 90th percentile, nearest rank).
 */
export type FigureKind = 'count' | 'percent' | 'mean' | 'minutes';

export interface FigureMeasure {
  id: string;
  label: string;
  kind: FigureKind;
  /** Whether the figure opens a ticket list (a percentage opens its numerator's). */
  drill: boolean;
}

/** One group's figures by measure id; null where a figure has no value (nothing to average). */
export interface FigureRow {
  key: string | null;
  label: string;
  values: Record<string, number | null>;
}

/** One table of a report: groups down, measures across, and the total over every group. */
export interface FigureTable {
  id: string;
  title: string;
  /** What the rows are: the report's grouping, or the table's own (e.g. age bands). */
  groupLabel: string;
  measures: FigureMeasure[];
  rows: FigureRow[];
  total: FigureRow;
  /** What the numbers mean, in a sentence (shown under the table and written into the export). */
  note: string;
}

/** A report other than SLA adherence: one or more tables over the same period and filters. */
export interface FigureReport {
  report: Exclude<ReportKind, 'sla_adherence'>;
  groupBy: ReportGrouping;
  from: string;
  to: string;
  timeZone: string;
  tables: FigureTable[];
}

/** A figure as words and number, e.g. "66.7%" or "2.50"; "—" for none. */
export function figureText(kind: FigureKind, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'percent') return `${value.toFixed(1)}%`;
  if (kind === 'mean') return value.toFixed(2);
  return String(value);
}
