import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { kindLabel, valueText } from './audit-filter';

/** One audit entry opened: who, when, and every recorded field before and after, side by side. */
export function AuditEntryDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const entry = useApiQuery('audit.get', { id });
  const e = entry.data;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="audit-entry-title">
      <DialogTitle id="audit-entry-title">{e ? `${kindLabel(e.entity)} · ${e.method}` : 'Audit entry'}</DialogTitle>
      <DialogContent dividers>
        {entry.isError && <Alert severity="error">{entry.error.message}</Alert>}
        {e && (
          <>
            <Typography variant="body2" sx={{ mb: 1.5 }}>
              {formatDateTime(e.at)} ({e.at}) by {e.user ? `${e.user.displayName} (${e.user.username})` : 'the console'}
              {' · '}record {e.ticket ? `${e.ticket.number} (${e.entityId})` : e.entityId}
            </Typography>
            <Table size="small" aria-label="Changes">
              <TableHead>
                <TableRow>
                  <TableCell>Field</TableCell>
                  <TableCell>Before</TableCell>
                  <TableCell>After</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {e.changes.map((c) => (
                  <TableRow key={c.field}>
                    <TableCell sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>{c.field}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word', color: 'text.secondary' }}>
                      {valueText(c.before)}
                    </TableCell>
                    <TableCell sx={{ wordBreak: 'break-word' }}>{valueText(c.after)}</TableCell>
                  </TableRow>
                ))}
                {e.changes.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={3}>Nothing was recorded but the event itself.</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
