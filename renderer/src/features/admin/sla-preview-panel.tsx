import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
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
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import type { ApiInput } from '../../../../shared/api/contract';
import type { BusinessCalendar, SlaPolicy } from '../../../../shared/domain/sla';
import { priorities, priorityLabels, type Priority } from '../../../../shared/domain/ticket';
import { PriorityChip } from '../../components/priority-chip';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { ApiCallError, call } from '../../transport/client';
import { describeIssues } from './api-issues';
import { instantOfLocalInput, nowLocalInput } from '../../components/datetime-local';

const workstationZone = DateTime.local().zoneName;

function formatIn(iso: string, zone: string, referenceYear: number): string {
  const at = DateTime.fromISO(iso, { zone });
  if (!at.isValid) return '—';
  return at.toFormat(at.year === referenceYear ? 'ccc d LLL, HH:mm' : 'ccc d LLL yyyy, HH:mm');
}

/** Wall-clock time from receipt to due, e.g. "30 min", "4 h 30 min", "2 d 5 h". */
function formatWindow(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  const rest = minutes % 60;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}

interface PreviewRequest {
  calendar: BusinessCalendar;
  policy: SlaPolicy | undefined;
  receivedAt: string;
}

/**
 * Due times under the calendar and policy being edited, before anything is saved: one sla.preview
 * per priority, recomputed 300 ms after the last change. The server checks the calendar here just
 * as it does on save, so the editor can show its complaints while the admin types.
 */
export function useSlaPreview(calendar: BusinessCalendar | null, policy: SlaPolicy | undefined) {
  const [priority, setPriority] = useState<Priority>('high');
  const [received, setReceived] = useState(nowLocalInput);
  // The received time is typed in this workstation's zone; the server wants an instant with offset.
  const receivedAt = instantOfLocalInput(received);

  // Debounced as text: an object would be new on every render and never settle.
  const requestText = calendar && receivedAt ? JSON.stringify({ calendar, policy, receivedAt }) : '';
  const settledText = useDebouncedValue(requestText, 300);
  const request = useMemo(() => (settledText ? (JSON.parse(settledText) as PreviewRequest) : null), [settledText]);

  const results = useQueries({
    queries: priorities.map((p) => {
      const input: ApiInput<'sla.preview'> | null = request && { ...request, priority: p };
      return {
        queryKey: ['sla.preview', input],
        queryFn: () => (input ? call('sla.preview', input) : Promise.reject(new Error('no input'))),
        enabled: input !== null,
        // A due time depends on nothing but its input: never refetched, and the last answer stays
        // on screen while the next one is computed.
        staleTime: Infinity,
        placeholderData: keepPreviousData,
      };
    }),
  });

  const failure = results.find((r) => r.error)?.error;
  const error =
    failure instanceof ApiCallError
      ? failure
      : failure
        ? new ApiCallError({ code: 'internal', message: String(failure) })
        : null;
  return {
    priority,
    setPriority,
    received,
    setReceived,
    receivedAt,
    /** The instant the shown results were computed for. */
    computedFor: request?.receivedAt ?? null,
    /** The calendar zone the shown results were computed in. */
    computedZone: request?.calendar.timeZone ?? null,
    dueAt: (p: Priority) => (error ? undefined : results[priorities.indexOf(p)]?.data?.dueAt),
    error,
    pending: requestText !== settledText || results.some((r) => r.isFetching),
  };
}

export type SlaPreview = ReturnType<typeof useSlaPreview>;

/** The preview's inputs (priority, received time) and the due times of all four priorities. */
export function SlaPreviewPanel({
  preview,
  timeZone,
  atRiskFraction,
}: {
  preview: SlaPreview;
  /** The zone of the calendar being edited; null while none is open. */
  timeZone: string | null;
  atRiskFraction: number | undefined;
}) {
  const { priority, setPriority, received, setReceived, receivedAt, error, pending } = preview;
  const zone = preview.computedZone ?? timeZone ?? workstationZone;
  const receivedIso = preview.computedFor;
  const referenceYear = receivedIso ? DateTime.fromISO(receivedIso).year : DateTime.now().year;
  const selectedDue = preview.dueAt(priority);

  let headline: string | null = null;
  if (receivedIso && selectedDue) {
    const start = DateTime.fromISO(receivedIso).toMillis();
    const due = DateTime.fromISO(selectedDue).toMillis();
    const atRisk =
      atRiskFraction && atRiskFraction > 0 && atRiskFraction <= 1
        ? new Date(start + atRiskFraction * Math.max(0, due - start)).toISOString()
        : null;
    const receivedText = formatIn(receivedIso, zone, referenceYear);
    const dueText = formatIn(selectedDue, zone, referenceYear);
    const atRiskText = atRisk ? ` and at risk from ${formatIn(atRisk, zone, referenceYear)}` : '';
    headline = `A ${priorityLabels[priority]} ticket received ${receivedText} is due ${dueText}${atRiskText} (${zone} time).`;
  }

  return (
    <Paper variant="outlined" component="section" aria-label="Preview" sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          Preview
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          the calendar and policy as edited, saved or not
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1.5}>
        <TextField
          select
          label="Priority"
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority)}
          sx={{ maxWidth: 130 }}
        >
          {priorities.map((p) => (
            <MenuItem key={p} value={p}>
              {priorityLabels[p]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Received"
          type="datetime-local"
          value={received}
          onChange={(e) => setReceived(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
          error={!receivedAt}
          helperText={receivedAt ? `This workstation’s time (${workstationZone})` : 'Enter a date and time'}
        />
      </Stack>

      <LinearProgress sx={{ mt: 1, height: 2, visibility: pending ? 'visible' : 'hidden' }} />
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }} role="alert" aria-label="Preview problem">
          {error.error.issues && error.error.issues.length > 0 ? (
            <>
              {describeIssues(error.error.issues).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </>
          ) : (
            error.message
          )}
        </Alert>
      ) : (
        <Typography variant="body2" sx={{ mt: 1, minHeight: 40 }} aria-live="polite" aria-label="Preview result">
          {headline ?? (timeZone ? 'Computing…' : 'Pick a calendar to preview.')}
        </Typography>
      )}

      <Box sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Due times by priority"
          sx={{ mt: 1, '& td, & th': { px: 1, whiteSpace: 'nowrap' }, '& th': { lineHeight: 1.3 } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>Priority</TableCell>
              <TableCell>
                Due, calendar zone
                <Typography variant="caption" color="text.secondary" component="div" noWrap>
                  {zone}
                </Typography>
              </TableCell>
              <TableCell>
                Due, workstation
                <Typography variant="caption" color="text.secondary" component="div" noWrap>
                  {workstationZone}
                </Typography>
              </TableCell>
              <TableCell align="right">Window</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {priorities.map((p) => {
              const due = preview.dueAt(p);
              const window =
                due && receivedIso
                  ? formatWindow(DateTime.fromISO(due).toMillis() - DateTime.fromISO(receivedIso).toMillis())
                  : '—';
              return (
                <TableRow key={p} selected={p === priority}>
                  <TableCell>
                    <PriorityChip priority={p} />
                  </TableCell>
                  <TableCell>{due ? formatIn(due, zone, referenceYear) : '—'}</TableCell>
                  <TableCell>{due ? formatIn(due, workstationZone, referenceYear) : '—'}</TableCell>
                  <TableCell align="right">{window}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}
