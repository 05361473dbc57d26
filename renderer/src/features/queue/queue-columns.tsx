import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import { priorities, statusLabels, type Priority, type QueueRow } from '../../../../shared/domain/ticket';
import { formatDateTime, formatShortDateTime } from '../../components/format-time';
import { lateText } from '../../components/late-text';
import { PriorityChip } from '../../components/priority-chip';
import { SlaStatus } from '../../components/sla-status';

const priorityRank = (p: Priority) => priorities.indexOf(p);

export const queueColumns: GridColDef<QueueRow>[] = [
  { field: 'number', headerName: 'Ticket', width: 120 },
  {
    field: 'sla',
    headerName: 'SLA',
    // Wide enough for the longest words, "Response missed 23 h 59 m late", on one line.
    width: 244,
    // Sorting by SLA is sorting by due time: breached first, then least time left.
    valueGetter: (_value, row) => row.slaDueAt ?? '9999',
    renderCell: ({ row }) => (
      <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
        <SlaStatus times={row} />
      </Box>
    ),
  },
  {
    field: 'priority',
    headerName: 'Priority',
    width: 96,
    type: 'singleSelect',
    valueOptions: [...priorities],
    renderCell: ({ value }) => <PriorityChip priority={value as Priority} />,
    sortComparator: (a: Priority, b: Priority) => priorityRank(a) - priorityRank(b),
  },
  {
    field: 'slaDueAt',
    headerName: 'Due',
    width: 130,
    valueFormatter: (value: string | null) => formatDateTime(value),
    renderCell: ({ value }) => (
      <span title={formatDateTime(value as string | null)}>{formatShortDateTime(value as string | null)}</span>
    ),
  },
  { field: 'clientName', headerName: 'Client', flex: 1, minWidth: 140 },
  { field: 'siteName', headerName: 'Site', flex: 1, minWidth: 120, valueFormatter: (v: string | null) => v ?? '—' },
  // What is wrong comes before the bookkeeping columns: on a narrow screen those scroll off first.
  { field: 'summary', headerName: 'Description', flex: 2, minWidth: 180, sortable: false },
  {
    field: 'status',
    headerName: 'Status',
    width: 100,
    valueFormatter: (value: QueueRow['status']) => statusLabels[value],
  },
  {
    field: 'projectedLateMinutes',
    headerName: 'Arrival',
    description: 'How late the technician is projected to reach the site, from the day so far and travel',
    width: 120,
    valueGetter: (value: number | null) => value ?? -1,
    renderCell: ({ row }) => {
      const late = lateText(row.projectedLateMinutes);
      if (late) {
        return (
          <Box component="span" sx={{ color: 'error.dark', fontWeight: 600 }}>
            {late}
          </Box>
        );
      }
      return row.projectedLateMinutes === 0 ? 'On time' : '—';
    },
  },
  {
    field: 'receivedAt',
    headerName: 'Received',
    width: 130,
    valueFormatter: (value: string) => formatDateTime(value),
    renderCell: ({ value }) => (
      <span title={formatDateTime(value as string)}>{formatShortDateTime(value as string)}</span>
    ),
  },
];
