import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { RankedTechnician } from '../../../../shared/domain/dispatch';
import { needsAVisit, type TicketDto } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { call, ApiCallError } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';

const SHOWN = 5;

/** "Network outage · 90 min · Network L2+": what the job needs, in one line. */
export function needsLine(t: TicketDto): string {
  const parts = [
    t.needs.workType?.name,
    t.needs.estimatedMinutes === null ? 'duration not stated (1 h assumed)' : `${t.needs.estimatedMinutes} min`,
    ...t.needs.requiredSkills.map((s) => `${s.name} L${s.minLevel}+`),
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * The dispatch engine's ranking for this ticket on a chosen day: the best technicians with the
 * reasons in words, one click to book the best place in their day, and who is excluded and why.
 * Shown only while the ticket needs a visit (`needsAVisit`).
 */
export function RecommendationsPanel({ ticket, canBook }: { ticket: TicketDto; canBook: boolean }) {
  const [day, setDay] = useState(() => DateTime.now().toISODate());
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [showExcluded, setShowExcluded] = useState(false);
  const queryClient = useQueryClient();
  // Once a visit is booked or under way, the ranking would only propose a second one; the board
  // is the place to rebook. After an incomplete visit the ticket needs one again.
  const needed = needsAVisit(ticket);
  const recommendation = useApiQuery(
    'dispatch.recommend',
    { ticketId: ticket.id, day },
    { enabled: day !== '' && needed },
  );

  const book = async (choice: RankedTechnician) => {
    setMessage(null);
    try {
      await call('visits.create', {
        ticketId: ticket.id,
        technicianId: choice.technicianId,
        startsAt: choice.parts.earliestStart,
        durationMinutes: ticket.needs.estimatedMinutes ?? 60,
      });
      setMessage({
        severity: 'success',
        text: `Booked with ${choice.name}, ${formatDateTime(choice.parts.earliestStart)}`,
      });
      await Promise.all(
        ['tickets.get', 'tickets.queue', 'dispatch.recommend', 'visits.list'].map((m) =>
          queryClient.invalidateQueries({ queryKey: [m] }),
        ),
      );
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof ApiCallError ? error.message : String(error) });
    }
  };

  if (!needed) {
    // Only the confirmation of a booking made here stays, until the panel is closed.
    if (!message) return null;
    return (
      <>
        <Divider />
        <Stack spacing={1} role="region" aria-label="Best technicians">
          <Alert severity={message.severity}>{message.text}</Alert>
        </Stack>
      </>
    );
  }
  const ranked = recommendation.data?.ranked ?? [];
  const excluded = recommendation.data?.excluded ?? [];
  return (
    <>
      <Divider />
      <Stack spacing={1} role="region" aria-label="Best technicians">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            Best technicians
          </Typography>
          <TextField
            type="date"
            size="small"
            label="Day"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 170 }}
          />
        </Stack>
        <Typography variant="caption" color="text.secondary">
          Needs: {needsLine(ticket)}
        </Typography>
        {recommendation.isError && <Alert severity="error">{recommendation.error.message}</Alert>}
        {recommendation.isPending && <Typography variant="body2">Ranking…</Typography>}
        {recommendation.data && ranked.length === 0 && (
          <Alert severity="warning" variant="outlined">
            Nobody can take it that day{excluded.length > 0 ? ' — see who is excluded and why below' : ''}.
          </Alert>
        )}
        {ranked.slice(0, SHOWN).map((r, i) => (
          <Box
            key={r.technicianId}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}
            aria-label={`${i + 1}. ${r.name}`}
          >
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, flex: 1 }}>
                {i + 1}. {r.name}
              </Typography>
              {canBook && (
                <Button size="small" variant={i === 0 ? 'contained' : 'outlined'} onClick={() => void book(r)}>
                  Book
                </Button>
              )}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {r.reasons.join('; ')}
            </Typography>
          </Box>
        ))}
        {excluded.length > 0 && (
          <>
            <Button
              size="small"
              onClick={() => setShowExcluded(!showExcluded)}
              sx={{ alignSelf: 'flex-start' }}
              aria-expanded={showExcluded}
            >
              {showExcluded ? 'Hide' : 'Show'} {excluded.length} excluded
            </Button>
            {showExcluded &&
              excluded.map((e) => (
                <Typography key={e.technicianId} variant="body2" color="text.secondary">
                  {e.name}: {e.reasons.map((r) => r.message).join('; ')}
                </Typography>
              ))}
          </>
        )}
        {message && <Alert severity={message.severity}>{message.text}</Alert>}
      </Stack>
    </>
  );
}
