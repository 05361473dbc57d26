import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { VisitProgressDetails, VisitStatusChip } from './visit-progress';
import { VisitStatusActions } from './visit-status-actions';

/**
 * A ticket's visits in the ticket panel: each one's status with its times and who recorded them,
 * and for dispatchers the status buttons, recording on the crew's behalf.
 */
export function TicketVisitsPanel({ ticketId, user }: { ticketId: string; user: UserDto }) {
  const visits = useApiQuery('visits.forTicket', { ticketId });
  const canRecord = roleIn(access.dispatch, user.role);
  const list = visits.data ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Divider />
      <Stack spacing={1.5} component="section" aria-label="Visits">
        <Typography variant="subtitle2" component="h3">
          Visits
        </Typography>
        {list.map((visit) => (
          <Box
            key={visit.id}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.25 }}
            role="group"
            aria-label={`Visit ${formatDateTime(visit.startsAt)}`}
          >
            <Stack spacing={1}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
                <VisitStatusChip status={visit.status} />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {formatDateTime(visit.startsAt)} · {visit.crew.map((c) => c.name).join(', ')}
                </Typography>
              </Stack>
              <VisitProgressDetails visit={visit} />
              {visit.status === 'cancelled' && visit.cancelReason && (
                <Typography variant="caption" color="text.secondary">
                  Cancelled: {visit.cancelReason}
                </Typography>
              )}
              {canRecord && <VisitStatusActions visit={visit} onBehalf={visit.technicianName} size="small" />}
            </Stack>
          </Box>
        ))}
      </Stack>
    </>
  );
}
