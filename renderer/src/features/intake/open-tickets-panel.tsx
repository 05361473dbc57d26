import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { statusLabels } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { useApiQuery } from '../../transport/queries';

/** The client's open tickets, shown before saving so the same problem is not logged twice. */
export function OpenTicketsPanel({ clientId, clientName }: { clientId: string; clientName: string }) {
  const open = useApiQuery('tickets.queue', { clientId });
  const tickets = open.data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Open tickets of this client">
      <Typography variant="subtitle1" gutterBottom>
        Open tickets of {clientName}
      </Typography>
      {open.isPending && <Typography variant="body2">Loading…</Typography>}
      {open.isError && <Alert severity="error">{open.error.message}</Alert>}
      {open.isSuccess && tickets.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          None: this is a new problem.
        </Typography>
      )}
      {tickets.length > 0 && (
        <>
          <Alert severity="warning" sx={{ mb: 1 }}>
            {tickets.length === 1 ? 'One open ticket' : `${tickets.length} open tickets`}: is the caller reporting one
            of these again?
          </Alert>
          <List dense disablePadding sx={{ maxHeight: 360, overflow: 'auto' }}>
            {tickets.map((t) => (
              <ListItem key={t.id} disableGutters divider>
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {t.number}
                      </Typography>
                      <PriorityChip priority={t.priority} />
                      <Typography variant="caption" color="text.secondary">
                        {statusLabels[t.status]} · {formatDateTime(t.receivedAt)}
                        {t.siteName ? ` · ${t.siteName}` : ''}
                      </Typography>
                    </Stack>
                  }
                  secondary={t.summary}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
