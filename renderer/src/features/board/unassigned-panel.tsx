import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Draggable } from '@fullcalendar/interaction';
import { useEffect, useRef } from 'react';
import type { QueueRow } from '../../../../shared/domain/ticket';
import { PriorityChip } from '../../components/priority-chip';
import { formatDateTime } from '../../components/format-time';
import type { TicketDragProps } from './board-data';

/**
 * Tickets waiting for a visit, most urgent first. Each can be dragged onto a technician's row,
 * booked from a dialog, or booked with the dispatch engine's first choice.
 */
export function UnassignedPanel({
  tickets,
  canWrite,
  selectedTicketId,
  onSelect,
  onBook,
  onBookBest,
  bestPending,
}: {
  tickets: readonly QueueRow[];
  canWrite: boolean;
  selectedTicketId: string | null;
  onSelect: (ticket: QueueRow) => void;
  onBook: (ticket: QueueRow) => void;
  onBookBest: ((ticket: QueueRow) => void) | null;
  bestPending: string | null;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = listRef.current;
    if (!el || !canWrite) return;
    const draggable = new Draggable(el, {
      itemSelector: '.board-ticket',
      eventData: (item) => {
        const props: TicketDragProps = { kind: 'ticket', ticketId: item.dataset.ticketId ?? '' };
        // The ticket's own estimate is read when it lands; an hour shows while dragging.
        return { title: item.dataset.title ?? '', duration: '01:00', create: true, extendedProps: props };
      },
    });
    return () => draggable.destroy();
  }, [canWrite]);

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label="Unassigned tickets"
      sx={{ width: 300, flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}
    >
      <Typography variant="subtitle2" component="h2" sx={{ px: 1.5, py: 1 }}>
        Unassigned · {tickets.length}
      </Typography>
      <Box ref={listRef} role="list" sx={{ flex: 1, overflow: 'auto', px: 1, pb: 1 }}>
        {tickets.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 0.5 }}>
            Every open ticket has a visit.
          </Typography>
        )}
        {tickets.map((t) => (
          <Box
            key={t.id}
            role="listitem"
            aria-label={`${t.number} ${t.clientName}`}
            className="board-ticket"
            data-ticket-id={t.id}
            data-title={`${t.number} · ${t.clientName}`}
            onClick={() => onSelect(t)}
            sx={{
              border: 1,
              borderColor: t.id === selectedTicketId ? 'primary.main' : 'divider',
              outline: t.id === selectedTicketId ? '1px solid' : 'none',
              outlineColor: 'primary.main',
              borderRadius: 1,
              p: 1,
              mb: 1,
              bgcolor: 'background.paper',
              cursor: canWrite ? 'grab' : 'default',
            }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <PriorityChip priority={t.priority} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t.number}
              </Typography>
            </Stack>
            <Typography variant="body2" noWrap>
              {t.clientName}
              {t.siteName ? ` · ${t.siteName}` : ''}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div" noWrap>
              {t.summary}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              Due {formatDateTime(t.slaDueAt)}
            </Typography>
            {canWrite && (
              <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
                <Button size="small" variant="outlined" aria-label={`Book ${t.number}…`} onClick={() => onBook(t)}>
                  Book…
                </Button>
                {onBookBest && (
                  <Button
                    size="small"
                    aria-label={`Book best for ${t.number}`}
                    disabled={bestPending !== null}
                    onClick={() => onBookBest(t)}
                  >
                    {bestPending === t.id ? 'Booking…' : 'Book best'}
                  </Button>
                )}
              </Stack>
            )}
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
