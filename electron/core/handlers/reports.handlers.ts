import { reportGroupingLabels } from '../../../shared/domain/reports';
import { adherenceTable, reportFile, ticketTable } from '../services/reports/report-export';
import { reportTickets, slaAdherenceReport } from '../services/reports/sla-adherence.service';
import type { Handlers } from './handler-types';

export const reportHandlers = {
  'reports.slaAdherence': async (input, ctx) => slaAdherenceReport(ctx.database, input),

  'reports.tickets': async (input, ctx) => reportTickets(ctx.database, input),

  'reports.export': async (input, ctx) => {
    const { format, drill, ...filters } = input;
    const report = await slaAdherenceReport(ctx.database, filters);
    const period = `${filters.from}_${filters.to}`;
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
    const slug = `${group}${drill.outcome ? `-${drill.outcome}` : ''}`.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase();
    return reportFile(
      ticketTable(list, title),
      format,
      `sla-tickets-${slug}-${period}`,
      report.timeZone,
      list.truncated,
    );
  },
} satisfies Partial<Handlers>;
