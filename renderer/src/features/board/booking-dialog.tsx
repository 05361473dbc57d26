import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DateTime } from 'luxon';
import { useState, type SyntheticEvent } from 'react';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import type { BookingDraft, WriteFailure } from './use-board-writes';

const localInput = (iso: string) => DateTime.fromISO(iso).toFormat("yyyy-MM-dd'T'HH:mm");

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
  const [start, setStart] = useState(draft.startsAt ? localInput(draft.startsAt) : '');
  const [minutes, setMinutes] = useState(String(draft.durationMinutes));
  const [pinned, setPinned] = useState(draft.pinned);
  const [reason, setReason] = useState('');
  const [rules, setRules] = useState(draft.overrideRules);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const title = draft.visit ? `Edit visit ${draft.ticketNumber}` : `Book ${draft.ticketNumber}`;
  const startsAt = start ? DateTime.fromISO(start).toUTC().toISO() : null;
  const duration = Number(minutes);
  const missing = !technicianId ? 'Pick a technician' : !startsAt ? 'Give a start' : null;

  const submit = async (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (saving || missing || !startsAt) return;
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
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form
        aria-label={title}
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDownCapture={saveOnCtrlEnter(() => void submit())}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
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
                  This booking breaks {rules.length === 1 ? 'a rule' : 'rules'}: {rules.join('; ')}. Book anyway only
                  with a reason.
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
            {failure && failure.kind !== 'override' && <Alert severity="error">{failure.message}</Alert>}
            {missing && failure && <Alert severity="info">{missing}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving || missing !== null}>
            {rules.length > 0 ? 'Book anyway' : 'Save'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
