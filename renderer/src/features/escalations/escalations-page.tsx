import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { escalationKindLabels, type EscalationDto } from '../../../../shared/domain/escalation';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { QuickCreateDialog } from '../../components/quick-create-dialog';
import { call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { useQueryClient } from '@tanstack/react-query';

/** The client service manager's list: every escalation, highest level and newest first. */
export function EscalationsPage({ user }: { user: UserDto }) {
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [acknowledging, setAcknowledging] = useState<EscalationDto | null>(null);
  const list = useApiQuery('escalations.list', { open: show === 'open' });
  const queryClient = useQueryClient();
  const canAcknowledge = roleIn(access.managers, user.role);
  const rows = list.data ?? [];

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1">
          Escalations
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={show}
          onChange={(_e, v: 'open' | 'all' | null) => v && setShow(v)}
          aria-label="Which escalations"
        >
          <ToggleButton value="open">Open</ToggleButton>
          <ToggleButton value="all">All</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <DataTable
        label="Escalations"
        columns={['Level', 'Ticket', 'Client', 'Priority', 'Why', 'Raised', 'Acknowledged', '']}
        source={list}
        rowCount={rows.length}
        emptyText={show === 'open' ? 'No open escalations.' : 'No escalations yet.'}
      >
        {rows.map((e) => (
          <TableRow key={e.id} hover>
            <TableCell>
              <Chip
                size="small"
                color={e.level >= 2 ? 'error' : 'warning'}
                label={`Level ${e.level} · ${escalationKindLabels[e.kind]}`}
              />
            </TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{e.ticketNumber}</TableCell>
            <TableCell>{e.clientName}</TableCell>
            <TableCell>
              <PriorityChip priority={e.priority} />
            </TableCell>
            <TableCell sx={{ maxWidth: 420 }}>
              {e.reason}
              {e.createdBy && (
                <Typography variant="caption" color="text.secondary" component="div">
                  by {e.createdBy}
                </Typography>
              )}
            </TableCell>
            <TableCell>{formatDateTime(e.createdAt)}</TableCell>
            <TableCell>
              {e.acknowledgedAt ? (
                <>
                  {formatDateTime(e.acknowledgedAt)} by {e.acknowledgedBy}
                  <Typography variant="caption" color="text.secondary" component="div">
                    {e.acknowledgementNote}
                  </Typography>
                </>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell align="right">
              {canAcknowledge && !e.acknowledgedAt && (
                <Button size="small" variant="outlined" onClick={() => setAcknowledging(e)}>
                  Acknowledge
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      <QuickCreateDialog
        open={acknowledging !== null}
        title={`Acknowledge ${acknowledging?.ticketNumber ?? ''}`}
        initial={{}}
        fields={[{ name: 'note', label: 'What happens next', required: true, multiline: true }]}
        onCancel={() => setAcknowledging(null)}
        onSubmit={async (v) => {
          if (!acknowledging) return;
          await call('escalations.acknowledge', { id: acknowledging.id, note: v.note ?? '' });
          setAcknowledging(null);
          await queryClient.invalidateQueries({ queryKey: ['escalations.list'] });
        }}
      />
    </Stack>
  );
}
