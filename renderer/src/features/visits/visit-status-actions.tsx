import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import DirectionsCarOutlined from '@mui/icons-material/DirectionsCarOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState, type ReactElement } from 'react';
import type { ApiInput, MethodName } from '../../../../shared/api/contract';
import {
  incompleteReasonLabels,
  incompleteReasons,
  type IncompleteReason,
  type VisitDto,
} from '../../../../shared/domain/visit';
import { nextStatuses, type StatusUpdate } from '../../../../shared/domain/visit-status';
import { FormDialog } from '../../components/form-dialog';
import { ApiCallError, call } from '../../transport/client';
import { instantOfLocalInput, toLocalInput } from '../../components/datetime-local';

const buttons: Record<StatusUpdate, { label: string; icon: ReactElement; color: 'primary' | 'success' | 'warning' }> = {
  en_route: { label: 'En route', icon: <DirectionsCarOutlined />, color: 'primary' },
  on_site: { label: 'On site', icon: <PlaceOutlined />, color: 'primary' },
  completed: { label: 'Completed', icon: <CheckCircleOutlined />, color: 'success' },
  incomplete: { label: 'Incomplete', icon: <ReportProblemOutlined />, color: 'warning' },
};

/** What a status change makes stale on this console (other consoles hear the pushed event). */
const refreshed: MethodName[] = ['visits.myDay', 'visits.forTicket', 'visits.list', 'tickets.get', 'tickets.queue'];

/**
 * The status buttons of one visit: only the ones its current status allows. A crew presses
 * "On site" and "Completed" and it is recorded at once; "En route" asks for the ETA (prefilled
 * from the travel model) and "Incomplete" for the reason. Recording on someone's behalf, every
 * button asks when it happened, since a phone call is usually reported after the fact.
 */
export function VisitStatusActions({
  visit,
  suggestedEtaAt = null,
  travelMinutes = null,
  onBehalf,
  size = 'large',
}: {
  visit: VisitDto;
  suggestedEtaAt?: string | null;
  /** The drive behind suggestedEtaAt, so the ETA can be worked out again when the dialog opens. */
  travelMinutes?: number | null;
  /** The crew's name when the caller records for them; null when the caller is on the crew. */
  onBehalf: string | null;
  size?: 'large' | 'small';
}) {
  const [dialog, setDialog] = useState<StatusUpdate | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const allowed = nextStatuses[visit.status];
  if (allowed.length === 0) return null;

  const record = async (input: Omit<ApiInput<'visits.setStatus'>, 'id' | 'expectedVersion'>) => {
    await call('visits.setStatus', { id: visit.id, expectedVersion: visit.version, ...input });
    await Promise.all(refreshed.map((m) => queryClient.invalidateQueries({ queryKey: [m] })));
  };
  const press = async (status: StatusUpdate) => {
    if (status === 'en_route' || status === 'incomplete' || onBehalf !== null) {
      setDialog(status);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await record({ status });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack
        direction="row"
        sx={{ flexWrap: 'wrap', gap: 1 }}
        role="group"
        aria-label={`Status of ${visit.ticketNumber}`}
      >
        {allowed.map((status) => (
          <Button
            key={status}
            size={size}
            variant={status === allowed[0] ? 'contained' : 'outlined'}
            color={buttons[status].color}
            startIcon={buttons[status].icon}
            disabled={saving}
            onClick={() => void press(status)}
            sx={size === 'large' ? { minWidth: 150, py: 1.25 } : undefined}
          >
            {buttons[status].label}
          </Button>
        ))}
      </Stack>
      {failure && (
        <Alert severity="error" onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      {dialog && (
        <StatusDialog
          status={dialog}
          visit={visit}
          suggestedEtaAt={suggestedEtaAt}
          travelMinutes={travelMinutes}
          onBehalf={onBehalf}
          onClose={() => setDialog(null)}
          onSubmit={record}
        />
      )}
    </Stack>
  );
}

function StatusDialog({
  status,
  visit,
  suggestedEtaAt,
  travelMinutes,
  onBehalf,
  onClose,
  onSubmit,
}: {
  status: StatusUpdate;
  visit: VisitDto;
  suggestedEtaAt: string | null;
  travelMinutes: number | null;
  onBehalf: string | null;
  onClose: () => void;
  onSubmit: (input: {
    status: StatusUpdate;
    at?: string;
    etaAt?: string;
    reason?: IncompleteReason;
    note?: string | null;
  }) => Promise<void>;
}) {
  // Left as it opened, the time is "now" on the server's clock: a minute-rounded copy of the
  // workstation's clock could fall before a change recorded moments ago.
  const [opened] = useState(() => toLocalInput(new Date().toISOString()));
  const [at, setAt] = useState(opened);
  // The suggestion was worked out when the day was loaded; setting off now moves it on.
  const [eta, setEta] = useState(() =>
    toLocalInput(
      travelMinutes !== null
        ? DateTime.now()
            .plus({ minutes: travelMinutes + 1 })
            .startOf('minute')
            .toISO()
        : suggestedEtaAt,
    ),
  );
  const [reason, setReason] = useState<IncompleteReason | ''>('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiCallError | Error | null>(null);
  const fieldError = (field: string) => (failure instanceof ApiCallError ? failure.fieldMessage(field) : undefined);
  const title = `${buttons[status].label}: ${visit.ticketNumber}${onBehalf ? ` for ${onBehalf}` : ''}`;

  const submit = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const etaAt = status === 'en_route' ? instantOfLocalInput(eta) : null;
      const when = at === opened ? null : instantOfLocalInput(at);
      await onSubmit({
        status,
        ...(when ? { at: when } : {}),
        ...(etaAt ? { etaAt } : {}),
        ...(status === 'incomplete' && reason ? { reason } : {}),
        note: note.trim() || null,
      });
      onClose();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setSaving(false);
    }
  };
  const unnamed = failure && !['at', 'etaAt', 'reason', 'note'].some((f) => fieldError(f));

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={`Record ${buttons[status].label.toLowerCase()}`}
      busy={saving}
      error={unnamed ? failure.message : null}
      maxWidth="xs"
    >
      {onBehalf && (
        <Alert severity="info" variant="outlined">
          Recorded on behalf of {onBehalf}, with the time they gave.
        </Alert>
      )}
      <TextField
        label={status === 'en_route' ? 'Set off at' : status === 'on_site' ? 'Arrived at' : 'Finished at'}
        type="datetime-local"
        value={at}
        onChange={(e) => setAt(e.target.value)}
        error={Boolean(fieldError('at'))}
        helperText={fieldError('at')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      {status === 'en_route' && (
        <TextField
          label="Expected arrival (ETA)"
          type="datetime-local"
          value={eta}
          onChange={(e) => setEta(e.target.value)}
          autoFocus
          error={Boolean(fieldError('etaAt'))}
          helperText={
            fieldError('etaAt') ??
            (suggestedEtaAt ? 'From the travel model; change it if you know better' : 'Empty: from the travel model')
          }
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      {status === 'incomplete' && (
        <TextField
          select
          label="Why incomplete"
          value={reason}
          onChange={(e) => setReason(e.target.value as IncompleteReason)}
          required
          autoFocus
          error={Boolean(fieldError('reason'))}
          helperText={fieldError('reason') ?? (reason === 'escalated' ? 'Raises a level-1 escalation' : ' ')}
        >
          {incompleteReasons.map((r) => (
            <MenuItem key={r} value={r}>
              {incompleteReasonLabels[r]}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        error={Boolean(fieldError('note'))}
        helperText={fieldError('note')}
      />
    </FormDialog>
  );
}
