import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ScheduleMailSettings } from '../../../../shared/domain/messages';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';

const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** Whether, and at what hour, each technician is e-mailed the next day's schedule. */
export function ScheduleMailPanel({ settings }: { settings: ScheduleMailSettings }) {
  const save = useApiMutation('schedules.saveMailSettings', ['schedules.mailSettings']);
  const [form, setForm] = useState(settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(settings), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const change = (next: Partial<ScheduleMailSettings>) => {
    setSaved(false);
    setForm((current) => ({ ...current, ...next }));
  };
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Tomorrow's schedule by e-mail"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form, { onSuccess: () => setSaved(true) });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Tomorrow&apos;s schedule by e-mail
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        At this hour (the organisation&apos;s time zone) each technician with visits the next day and an e-mail address
        receives their printed schedule as a PDF, once a day.
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} />}
        label="Send each technician tomorrow's schedule"
      />
      <TextField
        select
        label="At"
        value={form.hour}
        onChange={(e) => change({ hour: Number(e.target.value) })}
        disabled={!form.enabled}
        sx={{ width: 120, display: 'flex', mt: 1 }}
        fullWidth={false}
        {...issues.field('hour')}
      >
        {hours.map((hour) => (
          <MenuItem key={hour} value={hour}>
            {`${String(hour).padStart(2, '0')}:00`}
          </MenuItem>
        ))}
      </TextField>
      <SettingsSaveRow error={save.error} saving={save.isPending} saved={saved} />
    </Paper>
  );
}
