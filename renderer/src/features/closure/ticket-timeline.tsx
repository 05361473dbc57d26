import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { MessageDialog } from '../outbox/message-dialog';
import { useState } from 'react';

/**
 * Every event of the ticket, oldest first, as the audit log recorded it, with the messages sent
 * about it; those who may read messages open one from here.
 */
export function TicketTimeline({ ticketId, canOpenMessages = false }: { ticketId: string; canOpenMessages?: boolean }) {
  const timeline = useApiQuery('tickets.timeline', { ticketId });
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Stack spacing={1} component="section" aria-label="Timeline">
      <Typography variant="subtitle2" component="h3">
        Timeline
      </Typography>
      {timeline.isError && <Alert severity="error">{timeline.error.message}</Alert>}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {timeline.data?.map((e) => (
          <Box
            component="li"
            key={e.id}
            data-kind={e.kind}
            sx={{ borderLeft: 2, borderColor: 'divider', pl: 1.5, pb: 1, position: 'relative' }}
          >
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(e.at)} · {e.by}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {e.title}
            </Typography>
            {e.detail && (
              <Typography variant="body2" color="text.secondary">
                {e.detail}
              </Typography>
            )}
            {canOpenMessages && e.outboxMessageId && (
              <Link
                component="button"
                type="button"
                variant="body2"
                onClick={() => setOpened(e.outboxMessageId ?? null)}
                aria-label={`Open the message: ${e.title}`}
              >
                Open the message
              </Link>
            )}
          </Box>
        ))}
      </Box>
      {opened && <MessageDialog id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
