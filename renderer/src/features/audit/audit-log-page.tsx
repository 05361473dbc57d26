import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditCursor, AuditPageDto } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../components/format-time';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { AuditEntryDialog } from './audit-entry-dialog';
import { auditFilterInput, emptyAuditFilter, kindLabel, type AuditFilterForm } from './audit-filter';

const PAGE = 100;

/** Who did what, newest first: filter by who, what kind, which record and when; open an entry; export. */
export function AuditLogPage() {
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilter);
  const [opened, setOpened] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  // Typing a record asks once per pause; a choice in a list or a day applies at once.
  const record = useDebouncedValue(form.record, 300);
  const filter = auditFilterInput({ ...form, record });
  const users = useApiQuery('users.list', {});
  const kinds = useApiQuery('audit.kinds', {});
  const log = useInfiniteQuery<AuditPageDto, ApiCallError, { pages: AuditPageDto[] }, unknown[], AuditCursor | null>({
    queryKey: ['audit.list', filter],
    queryFn: ({ pageParam }) => call('audit.list', { filter, limit: PAGE, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (field: keyof AuditFilterForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const exportCsv = async () => {
    const file = await call('audit.export', { filter });
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(url);
    setExportNote(
      file.truncated
        ? `Exported the newest ${file.rows.toLocaleString()} entries; more matched. Narrow the period to export the rest.`
        : `Exported ${file.rows.toLocaleString()} ${file.rows === 1 ? 'entry' : 'entries'} to ${file.fileName}.`,
    );
  };

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Audit log
        </Typography>
        <Button size="small" onClick={() => void log.refetch()}>
          Refresh
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={() => void exportCsv().catch((e: unknown) => setExportNote(String(e)))}
        >
          Export CSV
        </Button>
      </Stack>
      <Box
        component="form"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}
      >
        <TextField select size="small" label="Who" value={form.userId} onChange={set('userId')} sx={{ width: 220 }}>
          <MenuItem value="">Anyone</MenuItem>
          {(users.data ?? []).map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.displayName} ({u.username})
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Kind" value={form.entity} onChange={set('entity')} sx={{ width: 180 }}>
          <MenuItem value="">Any kind</MenuItem>
          {(kinds.data ?? []).map((k) => (
            <MenuItem key={k} value={k}>
              {kindLabel(k)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Record"
          placeholder="Ticket number or record id"
          value={form.record}
          onChange={set('record')}
          sx={{ width: 260 }}
        />
        <TextField
          size="small"
          type="date"
          label="From"
          value={form.fromDay}
          onChange={set('fromDay')}
          sx={{ width: 170 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          label="To"
          value={form.toDay}
          onChange={set('toDay')}
          sx={{ width: 170 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button size="small" onClick={() => setForm(emptyAuditFilter)}>
          Clear
        </Button>
      </Box>
      {exportNote && (
        <Alert severity="info" onClose={() => setExportNote(null)}>
          {exportNote}
        </Alert>
      )}
      {log.isError && <Alert severity="error">{log.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label="Audit entries">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Record</TableCell>
              <TableCell>Fields</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <TableRow
                key={e.id}
                hover
                sx={{ cursor: 'pointer' }}
                onClick={() => setOpened(e.id)}
                aria-label={`${kindLabel(e.entity)} ${e.method} ${formatDateTime(e.at)}`}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                <TableCell>
                  {e.user?.displayName ?? (
                    <Typography variant="body2" color="text.secondary">
                      Console
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{kindLabel(e.entity)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{e.method}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.ticket?.number ?? e.entityId}</TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{e.fields.join(', ')}</TableCell>
              </TableRow>
            ))}
            {log.data && entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>No entry matches this filter.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        {log.hasNextPage && (
          <Stack sx={{ p: 1.5, alignItems: 'center' }}>
            <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? 'Loading…' : `Show ${PAGE} older entries`}
            </Button>
          </Stack>
        )}
      </Paper>
      {opened && <AuditEntryDialog id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
