import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { OutboxSettings } from '../../../../shared/domain/outbox';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';

type Form = Record<keyof OutboxSettings, string>;
const formOf = (s: OutboxSettings): Form => ({
  firstRetryMinutes: String(s.firstRetryMinutes),
  maxRetryMinutes: String(s.maxRetryMinutes),
  maxAttempts: String(s.maxAttempts),
  delayGraceMinutes: String(s.delayGraceMinutes),
});

/** How a failed send is retried: the first wait, doubling up to the longest, and how many tries. */
export function RetrySettingsPanel({ settings }: { settings: OutboxSettings }) {
  const save = useApiMutation('outbox.saveSettings', ['outbox.settings']);
  const [form, setForm] = useState<Form>(() => formOf(settings));
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(formOf(settings)), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const field = (key: keyof Form, label: string, unit?: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={form[key]}
      onChange={(e) => {
        setSaved(false);
        setForm((f) => ({ ...f, [key]: e.target.value }));
      }}
      slotProps={{
        input: {
          endAdornment: (
            <Typography variant="body2" color="text.secondary">
              {unit}
            </Typography>
          ),
        },
      }}
      {...issues.field(key)}
    />
  );
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Retries"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            firstRetryMinutes: wholeNumberOrNaN(form.firstRetryMinutes),
            maxRetryMinutes: wholeNumberOrNaN(form.maxRetryMinutes),
            maxAttempts: wholeNumberOrNaN(form.maxAttempts),
            delayGraceMinutes: wholeNumberOrNaN(form.delayGraceMinutes),
          },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Retries
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A message the server refuses or cannot take is tried again after the first wait, each wait twice the last up to
        the longest; after the last attempt it is shown as not delivered until someone retries it.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2 }}>
        {field('firstRetryMinutes', 'First retry after', 'min')}
        {field('maxRetryMinutes', 'Longest wait', 'min')}
        {field('maxAttempts', 'Most attempts')}
      </Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 3, mb: 0.5 }}>
        Delay notices
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The client is told the new arrival time once the technician is expected more than this long after the
        visit&apos;s start, and again each time the estimate slips by as much more.
      </Typography>
      {/* Two thirds wide, so that its longer label is not cut. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 2 }}>
        {field('delayGraceMinutes', 'Grace before a delay notice', 'min')}
      </Box>
      <SettingsSaveRow error={save.error} saving={save.isPending} saved={saved} />
    </Paper>
  );
}
