import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../../shared/domain/messages';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';

/** How long before a visit the contact is reminded of it. */
export function ReminderSettingsPanel({ settings }: { settings: ReminderSettings }) {
  const save = useApiMutation('reminders.saveSettings', ['reminders.settings']);
  const [leadHours, setLeadHours] = useState(String(settings.leadHours));
  const [saved, setSaved] = useState(false);
  useEffect(() => setLeadHours(String(settings.leadHours)), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Reminder before a visit"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ leadHours: wholeNumberOrNaN(leadHours) }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Reminder before a visit
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The ticket&apos;s contact is reminded this long before a visit. Never between 21:00 and 07:00 at the site: a
        reminder due then goes at 20:45 the evening before.
      </Typography>
      <TextField
        label="Remind"
        inputMode="numeric"
        value={leadHours}
        onChange={(e) => {
          setSaved(false);
          setLeadHours(e.target.value);
        }}
        slotProps={{
          input: {
            endAdornment: (
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                h before
              </Typography>
            ),
          },
        }}
        {...issues.field('leadHours')}
      />
      <SettingsSaveRow error={save.error} saving={save.isPending} saved={saved} />
    </Paper>
  );
}
