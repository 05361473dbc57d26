import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { MessageDialog } from './message-dialog';
import { kindLabel, notDeliveredFirst } from './message-order';
import { MessageStatusChip } from './message-status-chip';
import { RetryButton } from './retry-button';

/** What the console sent (or will send) about this ticket; each opens to exactly what went out. */
export function TicketMessages({ ticketId }: { ticketId: string }) {
  const list = useApiQuery('outbox.list', { ticketId, limit: 100 });
  const [opened, setOpened] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  const messages = notDeliveredFirst(list.data?.messages ?? []);
  return (
    <Stack spacing={1} component="section" aria-label="Messages">
      <Typography variant="subtitle2" component="h3">
        Messages
      </Typography>
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {retryError && (
        <Alert severity="error" onClose={() => setRetryError(null)}>
          {retryError}
        </Alert>
      )}
      {list.data && messages.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Nothing has been sent about this ticket.
        </Typography>
      )}
      <Stack component="ul" spacing={0.5} sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {messages.map((m) => (
          <Box
            component="li"
            key={m.id}
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              ...(m.status === 'failed' && { bgcolor: 'rgba(211, 47, 47, 0.06)', borderRadius: 1, pr: 0.5 }),
            }}
          >
            <ButtonBase
              onClick={() => setOpened(m.id)}
              aria-label={`Open ${m.subject}`}
              sx={{ flex: 1, minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', p: 0.75, borderRadius: 1 }}
            >
              <Box sx={{ minWidth: 0, flex: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }} noWrap>
                  {m.subject}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div" noWrap>
                  {formatDateTime(m.sentAt ?? m.createdAt)} · {kindLabel(m.kind)} · to {m.recipient}
                </Typography>
                {m.status === 'queued' && m.attempts === 0 && m.nextAttemptAt > m.createdAt && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    Goes {formatDateTime(m.nextAttemptAt)}
                  </Typography>
                )}
                {m.status === 'superseded' && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    Not needed: {m.statusNote ?? 'the visit changed.'}
                  </Typography>
                )}
                {m.status === 'failed' && m.lastError && (
                  <Typography variant="caption" color="error" component="div">
                    Last error: {m.lastError}
                  </Typography>
                )}
              </Box>
            </ButtonBase>
            <MessageStatusChip status={m.status} />
            {m.status === 'failed' && <RetryButton id={m.id} onError={setRetryError} />}
          </Box>
        ))}
      </Stack>
      {opened && <MessageDialog id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
