import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { TicketDto } from '../../../../shared/domain/ticket';
import { instantOfLocalInput, nowLocalInput } from '../../components/datetime-local';
import { ApiCallError } from '../../transport/client';
import { useApiMutation } from '../../transport/queries';

/** Records an update given by phone: who was called, when, and what was said. */
export function LogCallDialog({ ticket, onClose }: { ticket: TicketDto; onClose: () => void }) {
  const [calledName, setCalledName] = useState(ticket.contact?.name ?? '');
  const [phone, setPhone] = useState(ticket.contact?.phone ?? '');
  const [calledAt, setCalledAt] = useState(nowLocalInput);
  const [summary, setSummary] = useState('');
  const log = useApiMutation('calls.log', ['calls.forTicket', 'tickets.timeline']);
  const error = log.error instanceof ApiCallError ? log.error : null;
  const issue = (field: string) => {
    const message = error?.fieldMessage(field);
    return message ? { error: true, helperText: message } : {};
  };
  const fieldProblem = ['calledName', 'phone', 'calledAt', 'summary'].some((f) => error?.fieldMessage(f));
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="log-call-title">
      <DialogTitle id="log-call-title">Log a call</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          sx={{ pt: 1 }}
          component="form"
          id="log-call-form"
          onSubmit={(e) => {
            e.preventDefault();
            log.mutate(
              {
                ticketId: ticket.id,
                calledName,
                phone,
                // An empty or unreadable time goes as it is, so the server names the field.
                calledAt: instantOfLocalInput(calledAt) ?? calledAt,
                summary,
              },
              { onSuccess: onClose },
            );
          }}
        >
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2 }}>
            <TextField
              label="Who was called"
              value={calledName}
              onChange={(e) => setCalledName(e.target.value)}
              {...issue('calledName')}
            />
            <TextField label="Phone" value={phone} onChange={(e) => setPhone(e.target.value)} {...issue('phone')} />
          </Box>
          <TextField
            label="When"
            type="datetime-local"
            value={calledAt}
            onChange={(e) => setCalledAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            {...issue('calledAt')}
          />
          <TextField
            label="What was said"
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            multiline
            minRows={4}
            {...issue('summary')}
          />
          {log.error && !fieldProblem && <Alert severity="error">{log.error.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" form="log-call-form" variant="contained" disabled={log.isPending}>
          Log call
        </Button>
      </DialogActions>
    </Dialog>
  );
}
