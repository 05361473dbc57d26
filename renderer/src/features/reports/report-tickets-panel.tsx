import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatMinutes, slaAdherenceText } from '../../../../shared/domain/closure';
import { priorityLabels, statusLabels } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import type { ReportKind } from '../../../../shared/domain/reports';
import { drillFields, drillTitle, type Drill, type ReportInput } from './report-filters';

/** The tickets behind the figure that was opened, with the same exports as the report. */
export function ReportTicketsPanel({
  report,
  input,
  drill,
  onExport,
  onClose,
}: {
  report: ReportKind;
  input: ReportInput;
  drill: Drill;
  onExport: (format: 'csv' | 'xlsx') => void;
  onClose: () => void;
}) {
  const list = useApiQuery('reports.tickets', { ...input, report, ...drillFields(drill) });
  const tickets = list.data?.tickets ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Tickets: ${drillTitle(drill)}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
          Tickets — {drillTitle(drill)} ({tickets.length}
          {list.data?.truncated ? '+' : ''})
        </Typography>
        <Button size="small" variant="outlined" onClick={() => onExport('csv')}>
          Export list CSV
        </Button>
        <Button size="small" variant="outlined" onClick={() => onExport('xlsx')}>
          Export list XLSX
        </Button>
        <Button size="small" onClick={onClose}>
          Close list
        </Button>
      </Stack>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      {list.data?.truncated && (
        <Alert severity="info">
          Only the first {tickets.length.toLocaleString()} tickets are shown; narrow the filters.
        </Alert>
      )}
      <Table size="small" aria-label="Tickets behind the figure">
        <TableHead>
          <TableRow>
            <TableCell>Ticket</TableCell>
            <TableCell>Priority</TableCell>
            <TableCell>Client</TableCell>
            <TableCell>Technician</TableCell>
            <TableCell>Received</TableCell>
            <TableCell>Closed</TableCell>
            <TableCell>SLA</TableCell>
            <TableCell align="right">Response</TableCell>
            <TableCell align="right">Resolution</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tickets.map((t) => (
            <TableRow key={t.ticketId}>
              <TableCell>{t.number}</TableCell>
              <TableCell>{priorityLabels[t.priority]}</TableCell>
              <TableCell>
                {t.clientName}
                {t.siteName ? ` — ${t.siteName}` : ''}
              </TableCell>
              <TableCell>{t.technicianName ?? '—'}</TableCell>
              <TableCell>{formatDateTime(t.receivedAt)}</TableCell>
              <TableCell>{t.closedAt === null ? statusLabels[t.status] : formatDateTime(t.closedAt)}</TableCell>
              <TableCell>
                {t.slaOutcome === null ? 'Open' : slaAdherenceText({ ...t, slaOutcome: t.slaOutcome })}
              </TableCell>
              <TableCell align="right">{t.responseMinutes === null ? '—' : formatMinutes(t.responseMinutes)}</TableCell>
              <TableCell align="right">
                {t.resolutionMinutes === null ? '—' : formatMinutes(t.resolutionMinutes)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
