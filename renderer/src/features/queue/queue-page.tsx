import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridRowParams } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import type { UserDto } from '../../../../shared/domain/directory';
import { priorities, priorityLabels, type Priority, type QueueRow } from '../../../../shared/domain/ticket';
import { priorityColors } from '../../components/priority-chip';
import { slaDisplayState, slaStateLabels, type SlaDisplayState } from '../../../../shared/domain/sla-words';
import { useNowInSteps } from '../../components/use-now';
import { useApiQuery } from '../../transport/queries';
import { TicketDrawer } from '../ticket/ticket-drawer';
import { queueColumns } from './queue-columns';

const watchedStates = ['breached', 'at_risk', 'on_track'] as const satisfies readonly SlaDisplayState[];
type Filter =
  { kind: 'state'; state: (typeof watchedStates)[number] } | { kind: 'priority'; priority: Priority } | null;
const stateColors = { breached: 'error', at_risk: 'warning', on_track: 'success' } as const;

/**
 * The dispatch queue in "what next" order (least time left, then priority, then age), as the
 * server sends it. Every open ticket is loaded once and sorted and filtered in the grid; the MIT
 * grid pages at most 100 rows and virtualizes them, which stays smooth with 10,000 tickets.
 */
export function QueuePage({ user }: { user: UserDto }) {
  const [openTicket, setOpenTicket] = useState<string | null>(null);
  const queue = useApiQuery('tickets.queue', {});
  // Counts and the state filter move in 15-second steps: fine for a human, cheap for 10,000 rows.
  const now = useNowInSteps(15_000);
  const [filter, setFilter] = useState<Filter>(null);
  const all = useMemo(() => queue.data ?? [], [queue.data]);
  const states = useMemo(() => new Map(all.map((r) => [r.id, slaDisplayState(r, now)])), [all, now]);

  const counts = useMemo(() => {
    const byPriority = Object.fromEntries(priorities.map((p) => [p, 0])) as Record<Priority, number>;
    const byState: Partial<Record<SlaDisplayState, number>> = {};
    for (const row of all) {
      byPriority[row.priority] += 1;
      const state = states.get(row.id) ?? 'none';
      byState[state] = (byState[state] ?? 0) + 1;
    }
    return { byPriority, byState };
  }, [all, states]);

  const rows = useMemo(() => {
    if (!filter) return all;
    if (filter.kind === 'priority') return all.filter((r) => r.priority === filter.priority);
    return all.filter((r) => states.get(r.id) === filter.state);
  }, [all, states, filter]);

  const isActive = (f: NonNullable<Filter>) =>
    filter?.kind === f.kind &&
    (f.kind === 'state'
      ? filter.kind === 'state' && filter.state === f.state
      : filter.kind === 'priority' && filter.priority === f.priority);
  const toggle = (f: NonNullable<Filter>) => setFilter(isActive(f) ? null : f);

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="h1" sx={{ mr: 1 }}>
          Open tickets
        </Typography>
        <Chip
          size="small"
          label={`All ${all.length}`}
          variant={filter ? 'outlined' : 'filled'}
          onClick={() => setFilter(null)}
          aria-pressed={!filter}
        />
        <Divider orientation="vertical" flexItem />
        {watchedStates.map((state) => (
          <Chip
            key={state}
            size="small"
            color={stateColors[state]}
            variant={isActive({ kind: 'state', state }) ? 'filled' : 'outlined'}
            label={`${slaStateLabels[state]} ${counts.byState[state] ?? 0}`}
            onClick={() => toggle({ kind: 'state', state })}
            aria-pressed={isActive({ kind: 'state', state })}
          />
        ))}
        <Divider orientation="vertical" flexItem />
        {priorities.map((p) => (
          <Chip
            key={p}
            size="small"
            color={priorityColors[p]}
            variant={isActive({ kind: 'priority', priority: p }) ? 'filled' : 'outlined'}
            label={`${priorityLabels[p]} ${counts.byPriority[p]}`}
            onClick={() => toggle({ kind: 'priority', priority: p })}
            aria-pressed={isActive({ kind: 'priority', priority: p })}
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
          initialState={{ pagination: { paginationModel: { pageSize: 100 } } }}
          onRowClick={(params: GridRowParams<QueueRow>) => setOpenTicket(params.row.id)}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Box>
      <TicketDrawer ticketId={openTicket} user={user} onClose={() => setOpenTicket(null)} />
    </Stack>
  );
}
