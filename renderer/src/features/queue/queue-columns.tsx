import type { GridColDef } from '@mui/x-data-grid';
import { priorities, statusLabels, type Priority, type QueueRow } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';

const priorityRank = (p: Priority) => priorities.indexOf(p);

export const queueColumns: GridColDef<QueueRow>[] = [
  { field: 'number', headerName: 'Ticket', width: 140 },
  {
    field: 'receivedAt',
    headerName: 'Received',
    width: 170,
    valueFormatter: (value: string) => formatDateTime(value),
  },
  { field: 'clientName', headerName: 'Client', flex: 1, minWidth: 160 },
  { field: 'siteName', headerName: 'Site', flex: 1, minWidth: 140, valueFormatter: (v: string | null) => v ?? '—' },
  {
    field: 'priority',
    headerName: 'Priority',
    width: 110,
    type: 'singleSelect',
    valueOptions: [...priorities],
    renderCell: ({ value }) => <PriorityChip priority={value as Priority} />,
    sortComparator: (a: Priority, b: Priority) => priorityRank(a) - priorityRank(b),
  },
  {
    field: 'status',
    headerName: 'Status',
    width: 120,
    valueFormatter: (value: QueueRow['status']) => statusLabels[value],
  },
  {
    field: 'slaDueAt',
    headerName: 'Due',
    width: 170,
    valueFormatter: (value: string | null) => formatDateTime(value),
  },
  { field: 'summary', headerName: 'Description', flex: 2, minWidth: 220, sortable: false },
];
