import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  outboxStatusLabels,
  type OutboxListDto,
  type OutboxStatus,
  type OutboxSummaryDto,
} from '../../../../shared/domain/outbox';
import { formatDateTime } from '../../components/format-time';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { MessageDialog } from './message-dialog';
import { kindLabel } from './message-order';
import { MessageStatusChip } from './message-status-chip';
import { RetryButton } from './retry-button';

const PAGE = 100;
type Filter = OutboxStatus | 'all';
const filters: Filter[] = ['all', 'failed', 'queued', 'sending', 'sent', 'superseded'];
const emptyText: Record<Filter, string> = {
  all: 'No message has been queued yet.',
  failed: 'Every message was delivered or is still being tried.',
  queued: 'No message is waiting to be sent.',
  sending: 'No message is being sent right now.',
  sent: 'No message has been sent yet.',
  superseded: 'No message has turned out not to be needed.',
};

function MessageRow({
  message: m,
  onOpen,
  onRetryError,
}: {
  message: OutboxSummaryDto;
  onOpen: () => void;
  onRetryError: (message: string) => void;
}) {
  const failed = m.status === 'failed';
  return (
    <TableRow
      hover
      onClick={onOpen}
      aria-label={`${outboxStatusLabels[m.status]}: ${m.subject} to ${m.recipient}`}
      sx={{ cursor: 'pointer', ...(failed && { bgcolor: 'rgba(211, 47, 47, 0.06)' }) }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <MessageStatusChip status={m.status} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</TableCell>
      <TableCell>{kindLabel(m.kind)}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{m.recipient}</TableCell>
      <TableCell>
        {m.subject}
        {m.statusNote && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            Not needed: {m.statusNote}
          </Typography>
        )}
        {m.lastError && m.status !== 'sent' && (
          <Typography variant="body2" color={failed ? 'error' : 'text.secondary'} sx={{ mt: 0.25 }}>
            Last error: {m.lastError}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">{m.attempts}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {m.status === 'sent' ? (
          formatDateTime(m.sentAt)
        ) : failed ? (
          <RetryButton id={m.id} onError={onRetryError} />
        ) : (
          ''
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * Everything the console sent or will send, newest first; messages that were not delivered lead
 * the list, highlighted with their last error and a "Retry now". Kept fresh by outbox.changed.
 */
export function MessagesPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [opened, setOpened] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  const status = useApiQuery('outbox.status', {});
  // Shown above everything else, whatever page of the list they would fall on.
  const notDelivered = useApiQuery('outbox.list', { status: 'failed', limit: PAGE }, { enabled: filter === 'all' });
  const list = useInfiniteQuery<OutboxListDto, ApiCallError, { pages: OutboxListDto[] }, unknown[], string | null>({
    queryKey: ['outbox.list', 'page', filter],
    queryFn: ({ pageParam }) =>
      call('outbox.list', {
        limit: PAGE,
        ...(filter === 'all' ? {} : { status: filter }),
        ...(pageParam ? { after: pageParam } : {}),
      }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
  });
  const listed = list.data?.pages.flatMap((p) => p.messages) ?? [];
  const leading = filter === 'all' ? (notDelivered.data?.messages ?? []) : [];
  const rows = [...leading, ...listed.filter((m) => !(filter === 'all' && m.status === 'failed'))];
  const count = (f: Filter) =>
    status.data
      ? f === 'all'
        ? Object.values(status.data.counts).reduce((a, b) => a + b, 0)
        : status.data.counts[f]
      : null;
  const error = list.error ?? notDelivered.error ?? status.error;

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Messages
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_e, value: Filter | null) => value && setFilter(value)}
          aria-label="Status"
        >
          {filters.map((f) => {
            const n = count(f);
            return (
              <ToggleButton key={f} value={f} sx={{ textTransform: 'none', px: 1.5 }}>
                {f === 'all' ? 'All' : outboxStatusLabels[f]}
                {n !== null ? ` (${n.toLocaleString()})` : ''}
              </ToggleButton>
            );
          })}
        </ToggleButtonGroup>
      </Stack>
      {leading.length > 0 && (
        <Alert severity="error">
          {leading.length === 1 ? '1 message was' : `${leading.length} messages were`} not delivered. They are listed
          first: check the address or the last error, then retry.
        </Alert>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
      {retryError && (
        <Alert severity="error" onClose={() => setRetryError(null)}>
          {retryError}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label="Messages">
          <TableHead>
            <TableRow>
              <TableCell>Status</TableCell>
              <TableCell>Queued</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>To</TableCell>
              <TableCell>Subject</TableCell>
              <TableCell align="right">Attempts</TableCell>
              <TableCell>Sent</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((m) => (
              <MessageRow key={m.id} message={m} onOpen={() => setOpened(m.id)} onRetryError={setRetryError} />
            ))}
            {list.data && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>{emptyText[filter]}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        {list.hasNextPage && (
          <Stack sx={{ p: 1.5, alignItems: 'center' }}>
            <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : `Show ${PAGE} older messages`}
            </Button>
          </Stack>
        )}
      </Paper>
      {opened && <MessageDialog id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
