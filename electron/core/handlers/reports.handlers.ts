import { reportAccess, roleIn } from '../../../shared/api/access';
import { reportGroupingLabels, reportKindLabels, type ReportKind } from '../../../shared/domain/reports';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import {
  drillTarget,
  figureReport,
  figureReportTickets,
  type FigureReportKind,
} from '../services/reports/figure-report.service';
import { adherenceTable, figureTables, reportFile, ticketTable } from '../services/reports/report-export';
import { reportTickets, slaAdherenceReport } from '../services/reports/sla-adherence.service';
import type { Handlers } from './handler-types';

/** The contract lets every report reader in; a report some of them may not read is refused here. */
function mayRead(ctx: HandlerContext, report: ReportKind): void {
  if (!roleIn(reportAccess[report], requireCaller(ctx).role))
    throw new ApiFailure('forbidden', `Your role may not read the ${reportKindLabels[report]} report.`);
}

/** A drill-down's fields belong to one kind of report: the others are refused at their field. */
function checkDrillFields(
  report: ReportKind,
  drill: { outcome?: unknown; table?: unknown; measure?: unknown },
  path: string[],
) {
  const misplaced =
    report === 'sla_adherence'
      ? (['table', 'measure'] as const).find((f) => drill[f] !== undefined)
      : drill.outcome !== undefined
        ? 'outcome'
        : undefined;
  if (misplaced)
    throw new ApiFailure('invalid_input', `The ${reportKindLabels[report]} report has no ${misplaced} to drill by.`, [
      { path: [...path, misplaced], message: `Not a figure of the ${reportKindLabels[report]} report` },
    ]);
}

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

export const reportHandlers = {
  'reports.slaAdherence': async (input, ctx) => slaAdherenceReport(ctx.database, input),

  'reports.volumes': async (input, ctx) => figureReport(ctx.database, 'volumes', input, ctx.now()),

  'reports.firstTimeFix': async (input, ctx) => figureReport(ctx.database, 'first_time_fix', input, ctx.now()),

  'reports.escalations': async (input, ctx) => figureReport(ctx.database, 'escalations', input, ctx.now()),

  'reports.review': async (input, ctx) => figureReport(ctx.database, 'review', input, ctx.now()),

  'reports.utilization': async (input, ctx) => figureReport(ctx.database, 'utilization', input, ctx.now()),

  'reports.tickets': async (input, ctx) => {
    const { report, ...rest } = input;
    mayRead(ctx, report);
    checkDrillFields(report, rest, []);
    if (report === 'sla_adherence') return reportTickets(ctx.database, rest);
    const { tickets, truncated } = await figureReportTickets(ctx.database, report, rest, ctx.now());
    return { tickets, truncated };
  },

  'reports.export': async (input, ctx) => {
    const { format, drill, report: kind, ...filters } = input;
    mayRead(ctx, kind);
    if (drill) checkDrillFields(kind, drill, ['drill']);
    const period = `${filters.from}_${filters.to}`;
    if (kind !== 'sla_adherence') return exportFigureReport(ctx, kind, input);
    const report = await slaAdherenceReport(ctx.database, filters);
    if (!drill) {
      return reportFile(
        adherenceTable(report),
        format,
        `sla-adherence-by-${filters.groupBy}-${period}`,
        report.timeZone,
        false,
      );
    }
    const list = await reportTickets(ctx.database, { ...filters, ...drill });
    const group = report.rows.find((r) => r.key === drill.key)?.label ?? drill.key ?? 'none';
    const title = `Tickets closed ${filters.from} to ${filters.to}, ${reportGroupingLabels[filters.groupBy].toLowerCase()} ${group}${drill.outcome ? `, SLA ${drill.outcome.replace('_', ' ')}` : ''}`;
    return reportFile(
      ticketTable(list, title),
      format,
      `sla-tickets-${slug(`${group}${drill.outcome ? `-${drill.outcome}` : ''}`)}-${period}`,
      report.timeZone,
      list.truncated,
    );
  },
} satisfies Partial<Handlers>;

async function exportFigureReport(
  ctx: HandlerContext,
  kind: FigureReportKind,
  input: Parameters<Handlers['reports.export']>[0],
) {
  const { format, drill, report: _kind, ...filters } = input;
  const name = slug(reportKindLabels[kind]);
  const period = `${filters.from}_${filters.to}`;
  if (drill) drillTarget(kind, drill.table, drill.measure, ['drill']);
  const report = await figureReport(ctx.database, kind, filters, ctx.now());
  if (!drill)
    return reportFile(figureTables(report), format, `${name}-by-${filters.groupBy}-${period}`, report.timeZone, false);
  const list = await figureReportTickets(ctx.database, kind, { ...filters, ...drill }, ctx.now());
  const table = report.tables.find((t) => t.id === (drill.table ?? report.tables[0]?.id));
  const group = table?.rows.find((r) => r.key === drill.key)?.label ?? drill.key ?? 'none';
  const measure = table?.measures.find((m) => m.id === drill.measure)?.label;
  return reportFile(
    ticketTable(list, `${reportKindLabels[kind]}: tickets of ${list.title}, ${filters.from} to ${filters.to}`),
    format,
    `${name}-tickets-${slug(`${table?.id ?? ''}-${group}${measure ? `-${measure}` : ''}`)}-${period}`,
    report.timeZone,
    list.truncated,
  );
}
