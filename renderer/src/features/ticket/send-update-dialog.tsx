import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { messageAudience, messageKindLabels, messageKinds, type MessageKind } from '../../../../shared/domain/messages';
import { ApiCallError } from '../../transport/client';
import { useApiMutation, useApiQuery } from '../../transport/queries';

/** The templates an update may start from: its own first, then every other message to the client. */
const startingPoints: MessageKind[] = [
  'client-update',
  ...messageKinds.filter((k) => k !== 'client-update' && messageAudience(k) === 'client'),
];

/**
 * Writes an update to the ticket's contact: a template filled in with the ticket, edited, checked
 * in the preview, sent through the outbox. One request id per opening, so a second click sends once.
 */
export function SendUpdateDialog({ ticketId, onClose }: { ticketId: string; onClose: () => void }) {
  const [kind, setKind] = useState<MessageKind>('client-update');
  const draft = useApiQuery('messages.draftUpdate', { ticketId, kind });
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const requestId = useMemo(() => crypto.randomUUID(), []);
  const send = useApiMutation('messages.sendUpdate', ['outbox.list', 'tickets.timeline']);
  // A template chosen anew replaces the text: that is what choosing one means.
  useEffect(() => {
    if (draft.data) {
      setSubject(draft.data.subject);
      setBody(draft.data.text);
    }
  }, [draft.data]);
  const error = send.error instanceof ApiCallError ? send.error : null;
  const to = draft.data?.to;
  const blocked = draft.data?.blocked ?? null;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="send-update-title">
      <DialogTitle id="send-update-title">Send an update to the client</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {draft.isError && <Alert severity="error">{draft.error.message}</Alert>}
          {blocked && <Alert severity="warning">{blocked}</Alert>}
          <TextField
            select
            label="Start from"
            value={kind}
            onChange={(e) => setKind(e.target.value as MessageKind)}
            helperText="Choosing a template replaces the text below with it."
          >
            {startingPoints.map((k) => (
              <MenuItem key={k} value={k}>
                {messageKindLabels[k]}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 2 }}>
            <Stack spacing={2}>
              <TextField
                label="Subject"
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                error={Boolean(error?.fieldMessage('subject'))}
                helperText={error?.fieldMessage('subject')}
              />
              <TextField
                label="Message"
                value={body}
                onChange={(e) => setBody(e.target.value)}
                multiline
                minRows={12}
                error={Boolean(error?.fieldMessage('body'))}
                helperText={error?.fieldMessage('body') ?? 'Sent exactly as written.'}
              />
            </Stack>
            <Paper variant="outlined" component="section" aria-label="Preview" sx={{ p: 2, bgcolor: 'grey.50' }}>
              <Typography variant="overline" color="text.secondary">
                Preview
              </Typography>
              <Typography variant="body2" color="text.secondary">
                To: {to ? [to.name, to.email].filter(Boolean).join(' · ') : '—'}
              </Typography>
              <Typography variant="subtitle2" sx={{ mt: 1, mb: 1 }}>
                {subject.trim() || '(no subject)'}
              </Typography>
              <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {body.trim()}
              </Typography>
            </Paper>
          </Box>
          {send.error && !error?.fieldMessage('subject') && !error?.fieldMessage('body') && (
            <Alert severity="error">{send.error.message}</Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!draft.data || blocked !== null || send.isPending}
          onClick={() => send.mutate({ ticketId, kind, subject, body, requestId }, { onSuccess: onClose })}
        >
          Send update
        </Button>
      </DialogActions>
    </Dialog>
  );
}
