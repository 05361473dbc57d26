import type { Priority } from './ticket';
import type { SlaOutcome } from './closure';

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

/** A ticket behind a figure. */
export interface ReportTicketRow {
  ticketId: string;
  number: string;
  priority: Priority;
  clientName: string;
  siteName: string | null;
  technicianName: string | null;
  team: string | null;
  receivedAt: string;
  slaDueAt: string | null;
  firstArrivalAt: string | null;
  closedAt: string;
  slaOutcome: SlaOutcome;
  slaMinutes: number | null;
  responseMinutes: number | null;
  resolutionMinutes: number;
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
