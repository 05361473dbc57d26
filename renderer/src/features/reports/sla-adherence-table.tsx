import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { formatMinutes } from '../../../../shared/domain/closure';
import { percentMetText, type SlaAdherenceReport, type SlaAdherenceRow } from '../../../../shared/domain/reports';
import { reportGroupingLabels } from '../../../../shared/domain/reports';
import type { Drill } from './report-filters';

const minutes = (m: number | null) => (m === null ? '—' : formatMinutes(m));

/** Each group's numbers in words; every count is a link to its tickets. */
export function SlaAdherenceTable({
  report,
  onDrill,
}: {
  report: SlaAdherenceReport;
  onDrill: (drill: Drill) => void;
}) {
  const count = (row: SlaAdherenceRow, value: number, outcome: Drill['outcome'], words: string) =>
    value === 0 || row === report.total ? (
      value
    ) : (
      <Link
        component="button"
        type="button"
        aria-label={`${value} ${words}: ${row.label}. Open the tickets`}
        onClick={() => onDrill({ key: row.key, label: row.label, ...(outcome ? { outcome } : {}) })}
      >
        {value}
      </Link>
    );
  const line = (row: SlaAdherenceRow, isTotal = false) => (
    <TableRow key={row.key ?? (isTotal ? '__total' : '__none')} sx={isTotal ? { '& td': { fontWeight: 600 } } : {}}>
      <TableCell component="th" scope="row">
        {row.label}
      </TableCell>
      <TableCell align="right">{count(row, row.closed, undefined, 'closed')}</TableCell>
      <TableCell align="right">{count(row, row.met, 'met', 'met')}</TableCell>
      <TableCell align="right">{count(row, row.missed, 'missed', 'missed')}</TableCell>
      <TableCell>{percentMetText(row)}</TableCell>
      <TableCell align="right">{minutes(row.responseMinutes.median)}</TableCell>
      <TableCell align="right">{minutes(row.responseMinutes.p90)}</TableCell>
      <TableCell align="right">{minutes(row.resolutionMinutes.median)}</TableCell>
      <TableCell align="right">{minutes(row.resolutionMinutes.p90)}</TableCell>
    </TableRow>
  );
  return (
    <Table size="small" aria-label="SLA adherence figures">
      <TableHead>
        <TableRow>
          <TableCell>{reportGroupingLabels[report.groupBy]}</TableCell>
          <TableCell align="right">Closed</TableCell>
          <TableCell align="right">Met</TableCell>
          <TableCell align="right">Missed</TableCell>
          <TableCell>% met</TableCell>
          <TableCell align="right">Response median</TableCell>
          <TableCell align="right">Response p90</TableCell>
          <TableCell align="right">Resolution median</TableCell>
          <TableCell align="right">Resolution p90</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.rows.map((row) => line(row))}
        {line(report.total, true)}
      </TableBody>
    </Table>
  );
}
