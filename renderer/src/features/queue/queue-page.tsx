import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { priorities, priorityLabels } from '../../../../shared/domain/ticket';
import { priorityColors } from '../../components/priority-chip';
import { useApiQuery } from '../../transport/queries';
import { queueColumns } from './queue-columns';

/**
 * The dispatch queue. Every open ticket is loaded once and sorted and filtered in the grid; the
 * MIT grid pages at most 100 rows and virtualizes them, which stays smooth with 10,000 tickets.
 */
export function QueuePage() {
  const queue = useApiQuery('tickets.queue', {});
  const rows = useMemo(() => queue.data ?? [], [queue.data]);
  const counts = useMemo(() => {
    const byPriority = Object.fromEntries(priorities.map((p) => [p, 0])) as Record<(typeof priorities)[number], number>;
    for (const row of rows) byPriority[row.priority] += 1;
    return byPriority;
  }, [rows]);

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ mr: 1 }}>
          Open tickets
        </Typography>
        <Chip size="small" variant="outlined" label={`All ${rows.length}`} aria-label={`${rows.length} open tickets`} />
        {priorities.map((p) => (
          <Chip
            key={p}
            size="small"
            variant="outlined"
            color={priorityColors[p]}
            label={`${priorityLabels[p]} ${counts[p]}`}
          />
        ))}
      </Stack>
      {queue.isError && <Alert severity="error">{queue.error.message}</Alert>}
      <Box sx={{ flex: 1, minHeight: 0, bgcolor: 'background.paper' }}>
        <DataGrid
          aria-label="Ticket queue"
          rows={rows}
          columns={queueColumns}
          loading={queue.isPending}
          density="compact"
          showToolbar
          disableRowSelectionOnClick
          pageSizeOptions={[25, 50, 100]}
          initialState={{
            pagination: { paginationModel: { pageSize: 100 } },
            sorting: { sortModel: [{ field: 'receivedAt', sort: 'desc' }] },
          }}
        />
      </Box>
    </Stack>
  );
}
