import { priorities, priorityLabels } from '../../../../shared/domain/ticket';
import type { ReportTicketList, SlaAdherenceReport, SlaAdherenceRow } from '../../../../shared/domain/reports';
import { REPORT_TICKET_LIMIT } from '../../../../shared/domain/reports';
import type { ReportTicketsInput, SlaAdherenceInput } from '../../../../shared/domain/reports.schema';
import { ApiFailure } from '../../../../shared/errors';
import type { DatabaseHandle } from '../../db/connect';
import {
  adherenceSummary,
  clientExists,
  drillTickets,
  teamExists,
  type AdherenceSummaryRow,
  type ReportScope,
} from '../../repositories/report.repository';
import { loadOrganisationSettings } from '../organisation-settings.service';
import { defaultCalendar } from '../sla/sla-config.service';
import { periodBuckets, periodInstants } from './report-scope';
import { reportTicketRow } from './report-ticket-row';

type ReportFilters = SlaAdherenceInput;

/**
 * The period as instants in the organisation's zone (the default calendar's) and its buckets;
 * an unknown team or client is refused at its field rather than answering an empty report.
 */
export async function reportScope(database: DatabaseHandle, input: ReportFilters): Promise<ReportScope> {
  const db = database.db;
  if (input.team !== undefined && !(await teamExists(db, input.team)))
    throw new ApiFailure('invalid_input', 'No technician is on this team.', [
      { path: ['team'], message: `No technician is on team "${input.team}"` },
    ]);
  if (input.clientId !== undefined && !(await clientExists(db, input.clientId)))
    throw new ApiFailure('invalid_input', 'No such client.', [{ path: ['clientId'], message: 'No such client' }]);
  const zone = (await defaultCalendar(db)).timeZone;
  const { firstDayOfWeek } = await loadOrganisationSettings(db);
  return {
    dialect: database.dialect,
    ...periodInstants(input.from, input.to, zone),
    team: input.team,
    clientId: input.clientId,
    priority: input.priority,
    groupBy: input.groupBy,
    buckets: periodBuckets(input.from, input.to, zone, input.groupBy, firstDayOfWeek),
    zone,
  };
}

const noneLabels: Partial<Record<SlaAdherenceInput['groupBy'], string>> = {
  site: 'No site',
  technician: 'No visit arrived',
  team: 'No team',
};

export function labelOf(groupBy: SlaAdherenceInput['groupBy'], key: string | null, stored: string | null): string {
  if (key === null) return noneLabels[groupBy] ?? 'None';
  const priority = priorities.find((p) => p === key);
  if (groupBy === 'priority' && priority) return priorityLabels[priority];
  return stored ?? key;
}

function adherenceRow(
  groupBy: SlaAdherenceInput['groupBy'],
  row: AdherenceSummaryRow,
  label?: string,
): SlaAdherenceRow {
  // Every count is cast to integer in the SQL: pg would answer a bigint as a string.
  const { met, missed } = row;
  return {
    key: row.group_key,
    label: label ?? labelOf(groupBy, row.group_key, row.group_label),
    closed: row.closed,
    met,
    missed,
    noTarget: row.no_target,
    percentMet: met + missed === 0 ? null : Math.round((met / (met + missed)) * 1000) / 10,
    responseMinutes: { median: row.response_median, p90: row.response_p90 },
    resolutionMinutes: { median: row.resolution_median, p90: row.resolution_p90 },
  };
}

/** Groups in reading order: priorities most urgent first, periods in time, the rest by name; "none" last. */
export function inReadingOrder<Row extends { key: string | null; label: string }>(
  groupBy: SlaAdherenceInput['groupBy'],
  rows: Row[],
): Row[] {
  const rank = (row: Row) => (groupBy === 'priority' ? priorities.indexOf(row.key as (typeof priorities)[number]) : 0);
  return [...rows].sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') return (a.key ?? '').localeCompare(b.key ?? '');
    return rank(a) - rank(b) || a.label.localeCompare(b.label) || (a.key ?? '').localeCompare(b.key ?? '');
  });
}

/** SLA adherence of the closings in the period, grouped as asked, with a total over every group. */
export async function slaAdherenceReport(
  database: DatabaseHandle,
  input: SlaAdherenceInput,
): Promise<SlaAdherenceReport> {
  const scope = await reportScope(database, input);
  const summary = await adherenceSummary(database.db, scope);
  const total = summary.find((row) => row.overall === 1);
  if (!total) throw new Error('The adherence summary has no total row');
  return {
    groupBy: input.groupBy,
    from: input.from,
    to: input.to,
    timeZone: scope.zone,
    rows: inReadingOrder(
      input.groupBy,
      summary.filter((row) => row.overall !== 1).map((row) => adherenceRow(input.groupBy, row)),
    ),
    total: adherenceRow(input.groupBy, total, 'All tickets'),
  };
}

/** The tickets behind one figure of the report: the same period and filters, one group, optionally one outcome. */
export async function reportTickets(
  database: DatabaseHandle,
  input: Pick<ReportTicketsInput, 'key' | 'outcome'> & ReportFilters,
  limit = REPORT_TICKET_LIMIT,
): Promise<ReportTicketList> {
  const scope = await reportScope(database, input);
  const rows = await drillTickets(database.db, scope, { key: input.key, outcome: input.outcome }, limit + 1);
  return { tickets: rows.slice(0, limit).map(reportTicketRow), truncated: rows.length > limit };
}
