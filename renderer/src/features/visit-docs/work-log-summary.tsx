import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { workOutcomeLabels, type WorkLogDto } from '../../../../shared/domain/work-log';
import { formatDateTime } from '../../components/format-time';

/** A work log to read: what was done, parts with serial numbers, time and outcome. */
export function WorkLogSummary({ log }: { log: WorkLogDto }) {
  if (log.version === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Nothing recorded yet.
      </Typography>
    );
  }
  const serials = (list: string[]) => (list.length > 0 ? list.join(', ') : '—');
  return (
    <Stack spacing={1} aria-label="Work log details">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {log.outcome && (
          <Chip
            size="small"
            color={log.outcome === 'resolved' ? 'success' : log.outcome === 'partially_resolved' ? 'warning' : 'error'}
            label={workOutcomeLabels[log.outcome]}
          />
        )}
        <Typography variant="body2">
          Time on site: {log.timeOnSiteMinutes !== null ? `${log.timeOnSiteMinutes} min` : '—'}
        </Typography>
      </Stack>
      {log.actions && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {log.actions}
        </Typography>
      )}
      {log.steps.length > 0 && (
        <Typography component="ol" variant="body2" sx={{ m: 0, pl: 3 }} aria-label="Steps taken">
          {log.steps.map((step, i) => (
            <li key={`${i}-${step}`}>{step}</li>
          ))}
        </Typography>
      )}
      {log.noParts && <Typography variant="body2">No parts used.</Typography>}
      {log.parts.length > 0 && (
        <Table size="small" aria-label="Parts used">
          <TableHead>
            <TableRow>
              <TableCell>Part</TableCell>
              <TableCell align="right">Qty</TableCell>
              <TableCell>Serials in / out</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.parts.map((p) => (
              <TableRow key={p.partId}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                    {p.sku}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {p.name}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {p.quantity} {p.unit}
                </TableCell>
                <TableCell>
                  <Typography variant="caption" component="div">
                    In: {serials(p.serialsInstalled)}
                  </Typography>
                  <Typography variant="caption" component="div">
                    Out: {serials(p.serialsRemoved)}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!log.noParts && log.parts.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Parts not recorded yet.
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        Saved {formatDateTime(log.updatedAt)} by {log.updatedBy ?? '—'}
      </Typography>
    </Stack>
  );
}
