import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { BackupSettings } from '../../../../shared/domain/backup';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { useApiMutation } from '../../transport/queries';
import { Issues } from './api-issues';

interface Form {
  folder: string;
  scheduleHour: string;
  keep: string;
}
const formOf = (s: BackupSettings): Form => ({
  folder: s.folder ?? '',
  scheduleHour: s.scheduleHour === null ? '' : String(s.scheduleHour),
  keep: String(s.keep),
});

/** The backup folder, the daily hour (empty: no daily backup) and how many backups to keep. */
export function BackupSettingsPanel({ settings, timeZone }: { settings: BackupSettings; timeZone: string }) {
  const save = useApiMutation('backup.saveSettings', ['backup.status', 'backup.list']);
  const [form, setForm] = useState<Form>(() => formOf(settings));
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(formOf(settings)), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const change = (key: keyof Form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Backup settings"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            folder: form.folder.trim() === '' ? null : form.folder.trim(),
            scheduleHour: form.scheduleHour.trim() === '' ? null : wholeNumberOrNaN(form.scheduleHour),
            keep: wholeNumberOrNaN(form.keep),
          },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Where and when
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Backups are copies of the whole database, made while the console keeps working. Choose a folder on another disk
        if you can, or one that your own backup software copies away.
      </Typography>
      <TextField
        label="Backup folder"
        placeholder="Full path of an existing folder"
        value={form.folder}
        onChange={change('folder')}
        fullWidth
        {...issues.field('folder')}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, mt: 2 }}>
        <TextField
          label="Daily backup at hour"
          inputMode="numeric"
          placeholder="No daily backup"
          value={form.scheduleHour}
          onChange={change('scheduleHour')}
          {...(issues.at('scheduleHour')
            ? issues.field('scheduleHour')
            : { helperText: `0–23, ${timeZone} time; empty for none` })}
        />
        <TextField
          label="Backups to keep"
          inputMode="numeric"
          value={form.keep}
          onChange={change('keep')}
          {...(issues.at('keep') ? issues.field('keep') : { helperText: 'The oldest beyond this go' })}
        />
      </Box>
      <SettingsSaveRow error={save.error} saving={save.isPending} saved={saved} />
    </Paper>
  );
}
