import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { ClientDto } from '../../../../shared/domain/directory';
import {
  clientMessageKinds,
  messageKindLabels,
  messageKindTriggers,
  type ClientMessageKind,
} from '../../../../shared/domain/messages';
import { useApiMutation, useApiQuery } from '../../transport/queries';

/**
 * Which messages the client's contacts receive, one switch per kind (all on until turned off).
 * Each switch saves only its own kind, so two people changing different kinds never undo each other.
 */
export function ClientMessagePreferences({ client }: { client: ClientDto }) {
  const preferences = useApiQuery('clients.messagePreferences', { clientId: client.id });
  const save = useApiMutation('clients.saveMessagePreferences', ['clients.messagePreferences']);
  const receives = preferences.data?.receives;
  const turn = (kind: ClientMessageKind, on: boolean) => save.mutate({ clientId: client.id, receives: { [kind]: on } });

  return (
    <Box component="section" aria-label="Messages the client receives">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Messages the client receives
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Sent to the ticket&apos;s contact by e-mail. A kind turned off is not sent to anyone at this client; messages
        already queued still go. Technicians&apos; own messages are not affected.
      </Typography>
      {preferences.isError && <Alert severity="error">{preferences.error.message}</Alert>}
      {save.isError && (
        <Alert severity="error" sx={{ mb: 1 }} onClose={() => save.reset()}>
          Not saved: {save.error.message}
        </Alert>
      )}
      {receives && (
        <Stack>
          {clientMessageKinds.map((kind) => (
            <FormControlLabel
              key={kind}
              sx={{ alignItems: 'flex-start', my: 0.25 }}
              control={
                <Switch
                  size="small"
                  checked={receives[kind]}
                  disabled={save.isPending}
                  onChange={(e) => turn(kind, e.target.checked)}
                  slotProps={{
                    input: { 'aria-label': messageKindLabels[kind], 'aria-describedby': `message-kind-${kind}` },
                  }}
                />
              }
              label={
                <Box sx={{ pt: 0.25 }}>
                  <Typography variant="body2">{messageKindLabels[kind]}</Typography>
                  <Typography id={`message-kind-${kind}`} variant="caption" color="text.secondary">
                    {messageKindTriggers[kind]}
                  </Typography>
                </Box>
              }
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}
