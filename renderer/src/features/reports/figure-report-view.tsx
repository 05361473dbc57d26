import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FigureReport, ReportKind } from '../../../../shared/domain/reports';
import { useApiQuery } from '../../transport/queries';
import { FigureTableView } from './figure-table-view';
import type { Drill, ReportInput } from './report-filters';

/** The method that answers each report of tables. */
export const figureMethods = {
  volumes: 'reports.volumes',
  first_time_fix: 'reports.firstTimeFix',
  escalations: 'reports.escalations',
  review: 'reports.review',
  utilization: 'reports.utilization',
} as const satisfies Record<Exclude<ReportKind, 'sla_adherence'>, string>;

/** The report of tables the page shows (none while SLA adherence is shown). */
export function useFigureReport(kind: ReportKind, input: ReportInput) {
  const method = kind === 'sla_adherence' ? figureMethods.volumes : figureMethods[kind];
  return useApiQuery(method, input, { enabled: kind !== 'sla_adherence' });
}

/** A report of several tables over the page's filters; every count opens its tickets. */
export function FigureReportView({ report, onDrill }: { report: FigureReport; onDrill: (drill: Drill) => void }) {
  return (
    <Stack spacing={3}>
      <Typography variant="body2" color="text.secondary">
        Days are read in {report.timeZone}. Click a bar or a number to see its tickets.
      </Typography>
      {report.tables.map((table) => (
        <FigureTableView key={table.id} table={table} onDrill={onDrill} />
      ))}
    </Stack>
  );
}
