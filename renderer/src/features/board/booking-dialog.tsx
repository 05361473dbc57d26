import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import { FormDialog } from '../../components/form-dialog';
import type { BookingDraft, WriteFailure } from './use-board-writes';
import { instantOfLocalInput, toLocalInput } from '../../components/datetime-local';

/**
 * Everything a drag does, from the keyboard: technician, start, duration, pinning, and the
 * override reason when the server said the booking breaks a shift, time-off or travel rule.
 */
export function BookingDialog({
  draft,
  technicians,
  onSave,
  onClose,
}: {
  draft: BookingDraft;
  technicians: readonly TechnicianDto[];
  onSave: (draft: BookingDraft, overrideReason: string | null) => Promise<WriteFailure | null>;
  onClose: () => void;
}) {
  const [technicianId, setTechnicianId] = useState(draft.technicianId);
  const [start, setStart] = useState(toLocalInput(draft.startsAt));
  const [minutes, setMinutes] = useState(String(draft.durationMinutes));
  const [pinned, setPinned] = useState(draft.pinned);
  const [reason, setReason] = useState('');
  const [rules, setRules] = useState(draft.overrideRules);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const title = draft.visit ? `Edit visit ${draft.ticketNumber}` : `Book ${draft.ticketNumber}`;
  const startsAt = instantOfLocalInput(start);
  const duration = Number(minutes);
  const missing = !technicianId ? 'Pick a technician' : !startsAt ? 'Give a start' : null;

  const submit = async () => {
    if (!startsAt) return;
    setSaving(true);
    const result = await onSave(
      { ...draft, technicianId, startsAt, durationMinutes: duration, pinned, overrideRules: rules },
      rules.length > 0 && reason.trim() ? reason.trim() : null,
    );
    setSaving(false);
    if (!result) return onClose();
    setFailure(result);
    if (result.kind === 'override') setRules(result.rules);
  };

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={rules.length > 0 ? 'Book anyway' : 'Save'}
      busy={saving}
      submitDisabled={missing !== null}
      error={failure && failure.kind !== 'override' ? failure.message : null}
    >
      <TextField
        select
        label="Technician"
        value={technicianId}
        onChange={(e) => setTechnicianId(e.target.value)}
        autoFocus
      >
        {technicians.map((t) => (
          <MenuItem key={t.id} value={t.id}>
            {t.name}
            {t.team ? ` · ${t.team}` : ''}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={2}>
        <TextField
          label="Start"
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Duration (minutes)"
          type="number"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          slotProps={{ htmlInput: { min: 5, max: 720, step: 5 } }}
        />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={pinned} onChange={(e) => setPinned(e.target.checked)} />}
        label="Pinned (the optimizer keeps it where it is)"
      />
      {rules.length > 0 && (
        <>
          <Alert severity="warning">
            This booking breaks {rules.length === 1 ? 'a rule' : 'rules'}: {rules.join('; ')}. Book anyway only with a
            reason.
          </Alert>
          <TextField
            label="Override reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={2}
          />
        </>
      )}
      {missing && failure && <Alert severity="info">{missing}</Alert>}
    </FormDialog>
  );
}
