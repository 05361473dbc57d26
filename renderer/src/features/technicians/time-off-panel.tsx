import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState, type SyntheticEvent } from 'react';
import type { AvailabilityDto, TechnicianDto } from '../../../../shared/domain/technician';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { formatDateTime } from '../../components/format-time';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { availabilityKindLabels, issuesOf, type AvailabilityKindKey } from './technician-format';
import { instantOfLocalInput } from '../../components/datetime-local';

const kindColor = { time_off: 'default', sick: 'warning', extra_shift: 'success' } as const;

// '' for an empty or impossible time: the core names the field.
const instantOf = (v: string) => instantOfLocalInput(v) ?? '';

/** Time off, sick days and extra shifts for the next 90 days; dispatchers and admins add and remove them. */
export function TimeOffPanel({ technician, canEdit }: { technician: TechnicianDto; canEdit: boolean }) {
  // Fixed per opening so the query key stays the same between renders.
  const [range] = useState(() => {
    const from = DateTime.now().startOf('day');
    return { from: from.toUTC().toISO(), to: from.plus({ days: 90 }).toUTC().toISO() };
  });
  const list = useApiQuery('technicians.availability', { technicianId: technician.id, ...range });
  const remove = useApiMutation('technicians.removeAvailability', ['technicians.availability']);
  const rows = list.data ?? [];

  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3">
        Time off and extra shifts · next 90 days
      </Typography>
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {remove.isError && <Alert severity="error">{remove.error.message}</Alert>}
      {list.isSuccess && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Nothing recorded.
        </Typography>
      )}
      {rows.length > 0 && (
        <List dense disablePadding aria-label="Time off">
          {rows.map((a: AvailabilityDto) => (
            <ListItem
              key={a.id}
              divider
              disableGutters
              secondaryAction={
                canEdit && (
                  <Tooltip title="Remove">
                    <IconButton
                      edge="end"
                      size="small"
                      aria-label={`Remove ${availabilityKindLabels[a.kind]} from ${formatDateTime(a.startsAt)}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: a.id })}
                    >
                      <DeleteOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )
              }
            >
              <Chip
                size="small"
                color={kindColor[a.kind]}
                label={availabilityKindLabels[a.kind]}
                sx={{ mr: 1, minWidth: 84 }}
              />
              <ListItemText
                primary={`${formatDateTime(a.startsAt)} – ${formatDateTime(a.endsAt)}`}
                secondary={a.note}
              />
            </ListItem>
          ))}
        </List>
      )}
      {canEdit && <AddAvailabilityForm technicianId={technician.id} />}
    </Stack>
  );
}

function AddAvailabilityForm({ technicianId }: { technicianId: string }) {
  const empty = { kind: 'time_off' as AvailabilityKindKey, start: '', end: '', note: '' };
  const [form, setForm] = useState(empty);
  const add = useApiMutation('technicians.addAvailability', ['technicians.availability']);
  const issues = issuesOf(add.error);
  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (add.isPending) return;
    add.mutate(
      {
        technicianId,
        kind: form.kind,
        startsAt: instantOf(form.start),
        endsAt: instantOf(form.end),
        note: form.note.trim() || null,
      },
      { onSuccess: () => setForm(empty) },
    );
  };
  return (
    <Stack
      component="form"
      aria-label="Add time off"
      noValidate
      onSubmit={submit}
      onKeyDownCapture={saveOnCtrlEnter(submit)}
      spacing={1}
      sx={{ pt: 1 }}
    >
      <Typography variant="subtitle2" component="h3">
        Add
      </Typography>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label="Kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as AvailabilityKindKey })}
          {...issues.field('kind')}
          sx={{ width: 140, flexShrink: 0 }}
        >
          {Object.entries(availabilityKindLabels).map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Starts"
          type="datetime-local"
          value={form.start}
          onChange={(e) => setForm({ ...form, start: e.target.value })}
          {...issues.field('startsAt')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Ends"
          type="datetime-local"
          value={form.end}
          onChange={(e) => setForm({ ...form, end: e.target.value })}
          {...issues.field('endsAt')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Note"
          value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
          {...issues.field('note')}
        />
        <Button type="submit" variant="contained" disabled={add.isPending} sx={{ flexShrink: 0, mt: 0.5 }}>
          Add
        </Button>
      </Stack>
      {add.error && !add.error.error.issues && <Alert severity="error">{add.error.message}</Alert>}
    </Stack>
  );
}
