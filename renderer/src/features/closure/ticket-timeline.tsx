import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { TimelineEventDto } from '../../../../shared/domain/closure';
import { inReadersWords } from '../../components/readers-words';
import { instantWords, workstationReader } from '../../../../shared/time/instant-words';
import { useApiQuery } from '../../transport/queries';
import { MessageDialog } from '../outbox/message-dialog';
import { inView, timelineViewLabels, useTimelineView, type TimelineView } from './timeline-view';

const reader = workstationReader();

/** The detail with each instant the core wrote in UTC put in the reader's words, as the entry's own time is. */
function detailInReadersWords(event: TimelineEventDto, siteZone: string | null): string | null {
  return event.detail && inReadersWords(event.detail, event.times, siteZone);
}

/**
 * Every event of the ticket, oldest first, as the audit log recorded it, with the messages sent
 * about it; those who may read messages open one from here. The work can be read without the
 * messages (or the other way round), and every time reads by one rule: the workstation's, with the
 * site's clock beside it where the site keeps another time (instantWords).
 */
export function TicketTimeline({
  ticketId,
  siteZone = null,
  canOpenMessages = false,
}: {
  ticketId: string;
  /** The zone the ticket's site keeps, when known. */
  siteZone?: string | null;
  canOpenMessages?: boolean;
}) {
  const timeline = useApiQuery('tickets.timeline', { ticketId });
  const [opened, setOpened] = useState<string | null>(null);
  const [view, setView] = useTimelineView();
  const events = timeline.data ?? [];
  const shown = events.filter((e) => inView(e, view));
  return (
    <Stack spacing={1} component="section" aria-label="Timeline">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="subtitle2" component="h3">
          Timeline
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, next: TimelineView | null) => next && setView(next)}
          aria-label="Show in the timeline"
        >
          {(Object.keys(timelineViewLabels) as TimelineView[]).map((v) => (
            <ToggleButton key={v} value={v} sx={{ py: 0.25, px: 1, textTransform: 'none' }}>
              {timelineViewLabels[v]} ({events.filter((e) => inView(e, v)).length})
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {timeline.isError && <Alert severity="error">{timeline.error.message}</Alert>}
      {timeline.isSuccess && shown.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {view === 'messages' ? 'No messages about this ticket.' : 'Nothing yet.'}
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {shown.map((e) => {
          const detail = detailInReadersWords(e, siteZone);
          return (
            <Box
              component="li"
              key={e.id}
              data-kind={e.kind}
              sx={{ borderLeft: 2, borderColor: 'divider', pl: 1.5, pb: 1, position: 'relative' }}
            >
              <Typography variant="caption" color="text.secondary" component="div">
                {instantWords(e.at, reader, siteZone)} · {e.by}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {e.title}
              </Typography>
              {detail && (
                <Typography variant="body2" color="text.secondary">
                  {detail}
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
          );
        })}
      </Box>
      {opened && <MessageDialog id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
