import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { describeMailTest } from './mail-test-result';

/** Sends one message now through the saved server and says what the server answered. */
export function MailTestPanel({ configured }: { configured: boolean }) {
  const send = useApiMutation('mail.sendTest');
  const [to, setTo] = useState('');
  const issues = send.error?.error.issues ? new Issues(send.error.error.issues) : Issues.none;
  const outcome = send.data ? describeMailTest(send.data) : null;
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Send a test message"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({ to });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Send a test message
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Sent at once through the saved server (save your changes first), outside the outbox.
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="To"
          type="email"
          placeholder="you@example.com"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          {...issues.field('to')}
          sx={{ flex: 1 }}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={!configured || send.isPending || to.trim() === ''}
          sx={{ mt: 1 }}
        >
          {send.isPending ? 'Sending…' : 'Send'}
        </Button>
      </Stack>
      {outcome && (
        <Alert severity={outcome.severity} sx={{ mt: 2 }} aria-label="Test result">
          <AlertTitle>{outcome.headline}</AlertTitle>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {outcome.detail}
          </Typography>
        </Alert>
      )}
      {send.error && !send.error.error.issues?.length && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {send.error.message}
        </Alert>
      )}
    </Paper>
  );
}
