import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNowInSteps } from '../../components/use-now';
import { useApiQuery } from '../../transport/queries';
import { visitHeadlines } from './visit-headline';

/**
 * The ticket panel's line on its visits as they stand now (scheduled, en route with the ETA, on
 * site since when, completed), under the description. Refetched on every pushed visit change.
 */
export function TicketVisitHeadline({ ticketId }: { ticketId: string }) {
  const visits = useApiQuery('visits.forTicket', { ticketId });
  // Only "today or another day" depends on the clock.
  const now = useNowInSteps(60_000);
  const lines = visitHeadlines(visits.data ?? [], { now: new Date(now) });
  if (lines.length === 0) return null;
  return (
    <Stack spacing={0.25} aria-label="Visit now" role="status">
      {lines.map((l) => (
        <Typography key={l.visitId} variant="body2" sx={{ fontWeight: 500 }} data-visit-status={l.status}>
          {l.text}
        </Typography>
      ))}
    </Stack>
  );
}
