import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import {
  incompleteReasonLabels,
  visitStatusLabels,
  type VisitDto,
  type VisitStatus,
} from '../../../../shared/domain/visit';

const statusColors: Record<VisitStatus, 'default' | 'info' | 'primary' | 'success' | 'warning'> = {
  scheduled: 'default',
  en_route: 'info',
  on_site: 'primary',
  completed: 'success',
  incomplete: 'warning',
  cancelled: 'default',
};

export function VisitStatusChip({ status }: { status: VisitStatus }) {
  return (
    <Chip
      size="small"
      color={statusColors[status]}
      variant={status === 'cancelled' ? 'outlined' : 'filled'}
      label={visitStatusLabels[status]}
      data-visit-status={status}
    />
  );
}

/** "09:14", or "Nov 26, 09:14" when not on `day`; in `zone` (the workstation's when absent). */
export function clockTime(iso: string | null, zone?: string, day?: string): string {
  if (!iso) return '—';
  const t = zone ? DateTime.fromISO(iso, { zone }) : DateTime.fromISO(iso);
  return day && t.toISODate() !== day ? t.toFormat('LLL d, HH:mm') : t.toFormat('HH:mm');
}

/**
 * Where the visit stands in times (set off, ETA, arrived, finished) and who recorded each
 * change, marking the ones a dispatcher recorded on the crew's behalf.
 */
export function VisitProgressDetails({ visit, zone, day }: { visit: VisitDto; zone?: string; day?: string }) {
  const p = visit.progress;
  const time = (iso: string | null) => clockTime(iso, zone, day);
  const times = [
    p.enRouteAt && `En route ${time(p.enRouteAt)}`,
    p.etaAt && !p.arrivedAt && `ETA ${time(p.etaAt)}`,
    p.arrivedAt && `On site ${time(p.arrivedAt)}`,
    p.finishedAt && `${visit.status === 'incomplete' ? 'Ended' : 'Finished'} ${time(p.finishedAt)}`,
  ].filter(Boolean);
  if (visit.statusHistory.length === 0 && times.length === 0) return null;
  return (
    <Stack spacing={0.5} aria-label={`Status history of ${visit.ticketNumber}`}>
      {times.length > 0 && (
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {times.join(' · ')}
        </Typography>
      )}
      {p.incompleteReason && (
        <Typography variant="body2" color="warning.dark">
          Incomplete: {incompleteReasonLabels[p.incompleteReason]}
          {p.note ? ` — ${p.note}` : ''}
        </Typography>
      )}
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {visit.statusHistory.map((c) => (
          <Typography component="li" variant="caption" color="text.secondary" key={c.id}>
            {time(c.at)} {visitStatusLabels[c.toStatus]}
            {c.etaAt ? ` (ETA ${time(c.etaAt)})` : ''}
            {c.reason ? ` (${incompleteReasonLabels[c.reason]})` : ''} — recorded by {c.recordedBy.name}
            {c.onBehalf && (
              <Chip
                component="span"
                size="small"
                variant="outlined"
                label="on behalf"
                sx={{ ml: 0.5, height: 18, fontSize: 11 }}
              />
            )}
            {c.note && !c.reason ? `: ${c.note}` : ''}
          </Typography>
        ))}
      </Box>
    </Stack>
  );
}
