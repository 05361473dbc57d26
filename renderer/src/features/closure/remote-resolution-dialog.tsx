import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { remoteChannelLabels, remoteChannels, type RemoteChannel } from '../../../../shared/domain/closure';
import type { TicketDto } from '../../../../shared/domain/ticket';
import { FormDialog } from '../../components/form-dialog';
import { ApiCallError, call } from '../../transport/client';
import { instantOfLocalInput, toLocalInput } from '../../components/datetime-local';

// '' for an empty or impossible time: the core names the field.
const instantOf = (v: string) => instantOfLocalInput(v) ?? '';

/**
 * The desk or a dispatcher records a fix made without a visit: how, the steps, who at the client
 * confirmed it. The start of the remote work is asked for, prefilled with the first contact, since
 * it is the ticket's SLA response moment.
 */
export function RemoteResolutionDialog({
  ticket: t,
  onClose,
  onSaved,
}: {
  ticket: TicketDto;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const [opened] = useState(() => DateTime.now().toISO());
  const [channel, setChannel] = useState<RemoteChannel>('phone');
  const [respondedAt, setRespondedAt] = useState(toLocalInput(t.firstContactAt ?? opened));
  const [resolution, setResolution] = useState('');
  const [steps, setSteps] = useState('');
  const [confirmedBy, setConfirmedBy] = useState(t.contact?.name ?? '');
  const [confirmedAt, setConfirmedAt] = useState(toLocalInput(opened));
  const [failure, setFailure] = useState<ApiCallError | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (name: string) => failure?.fieldMessage(name);

  const submit = async () => {
    setSaving(true);
    try {
      const confirmed = instantOf(confirmedAt);
      await call('tickets.recordRemoteResolution', {
        ticketId: t.id,
        expectedVersion: t.version,
        channel,
        respondedAt: instantOf(respondedAt),
        // Resolved no later than confirmed: the client confirms a fix that is done.
        ...(confirmed ? { resolvedAt: confirmed, confirmedAt: confirmed } : {}),
        resolution,
        steps: steps
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
        confirmedBy,
      });
      onClose();
      await onSaved();
    } catch (caught) {
      setFailure(
        caught instanceof ApiCallError ? caught : new ApiCallError({ code: 'internal', message: String(caught) }),
      );
    } finally {
      setSaving(false);
    }
  };

  const named = ['channel', 'respondedAt', 'resolvedAt', 'resolution', 'steps', 'confirmedBy', 'confirmedAt'];
  const unnamed = failure && !failure.error.issues?.some((i) => named.includes(String(i.path[0])));
  return (
    <FormDialog
      title={`${t.number} resolved without a visit`}
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Record remote resolution"
      busy={saving}
      error={unnamed ? failure.message : failure ? 'Check the highlighted fields.' : null}
      hint="Ctrl+Enter records it"
      spacing={1.5}
    >
      <TextField
        select
        label="How it was worked"
        value={channel}
        onChange={(e) => setChannel(e.target.value as RemoteChannel)}
        error={Boolean(fieldError('channel'))}
        helperText={fieldError('channel')}
      >
        {remoteChannels.map((c) => (
          <MenuItem key={c} value={c}>
            {remoteChannelLabels[c]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Remote work started"
        type="datetime-local"
        value={respondedAt}
        onChange={(e) => setRespondedAt(e.target.value)}
        error={Boolean(fieldError('respondedAt'))}
        helperText={
          fieldError('respondedAt') ??
          'The first contact that started the remote work: the response moment for the SLA.'
        }
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label="How it was resolved"
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
        multiline
        minRows={2}
        autoFocus
        required
        error={Boolean(fieldError('resolution'))}
        helperText={fieldError('resolution')}
      />
      <TextField
        label="Steps taken (one per line)"
        value={steps}
        onChange={(e) => setSteps(e.target.value)}
        multiline
        minRows={3}
        required
        error={Boolean(fieldError('steps'))}
        helperText={fieldError('steps')}
      />
      <TextField
        label="Confirmed by (client person)"
        value={confirmedBy}
        onChange={(e) => setConfirmedBy(e.target.value)}
        required
        error={Boolean(fieldError('confirmedBy'))}
        helperText={fieldError('confirmedBy')}
      />
      <TextField
        label="Confirmed at"
        type="datetime-local"
        value={confirmedAt}
        onChange={(e) => setConfirmedAt(e.target.value)}
        error={Boolean(fieldError('confirmedAt') ?? fieldError('resolvedAt'))}
        helperText={fieldError('confirmedAt') ?? fieldError('resolvedAt')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </FormDialog>
  );
}
