import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { TicketDto } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { LogCallDialog } from './log-call-dialog';
import { SendUpdateDialog } from './send-update-dialog';

/** Keeping the client informed by hand: an update written to them, or a call given by phone. */
export function TicketUpdates({ ticket, user }: { ticket: TicketDto; user: UserDto }) {
  const canWrite = roleIn(access.clientUpdaters, user.role);
  const calls = useApiQuery('calls.forTicket', { ticketId: ticket.id });
  const [open, setOpen] = useState<'update' | 'call' | null>(null);
  return (
    <Stack spacing={1} component="section" aria-label="Updates and calls">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          Updates and calls
        </Typography>
        {canWrite && (
          <Button size="small" variant="outlined" onClick={() => setOpen('update')}>
            Send update
          </Button>
        )}
        <Button size="small" variant="outlined" onClick={() => setOpen('call')}>
          Log a call
        </Button>
      </Stack>
      {calls.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No call logged yet.
        </Typography>
      )}
      <Stack component="ul" spacing={0.75} sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {calls.data?.map((c) => (
          <li key={c.id}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {c.calledName}
              {c.phone ? ` · ${c.phone}` : ''}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(c.calledAt)} · logged by {c.loggedBy.name}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Typography>
          </li>
        ))}
      </Stack>
      {open === 'update' && <SendUpdateDialog ticketId={ticket.id} onClose={() => setOpen(null)} />}
      {open === 'call' && <LogCallDialog ticket={ticket} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
