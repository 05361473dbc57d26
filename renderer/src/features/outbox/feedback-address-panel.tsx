import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { FeedbackSettingsDto } from '../../../../shared/domain/feedback';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { describeFeedbackAddress, feedbackAddressSaveInput } from './feedback-address';

/** The address feedback links start with: the one clients reach the console at. */
export function FeedbackAddressPanel({ settings }: { settings: FeedbackSettingsDto }) {
  const save = useApiMutation('feedback.saveSettings', ['feedback.settings']);
  const [address, setAddress] = useState(settings.publicBaseUrl ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setAddress(settings.publicBaseUrl ?? ''), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const now = describeFeedbackAddress(settings);
  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Feedback links"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(feedbackAddressSaveInput(address), { onSuccess: () => setSaved(true) });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Feedback links
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        When a ticket is closed, its contact is e-mailed a link to a page where they score the visit. Set the address
        clients reach the console at; leave it empty for the default.
      </Typography>
      <TextField
        label="Public address"
        placeholder="https://dispatch.example.com"
        fullWidth
        value={address}
        onChange={(e) => {
          setSaved(false);
          setAddress(e.target.value);
        }}
        {...issues.field('publicBaseUrl')}
      />
      <Stack spacing={1} sx={{ mt: 2 }} role="region" aria-label="Links use now">
        <Typography variant="body2">
          Links use now: <strong>{now.inUse}</strong>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {now.explanation}
        </Typography>
        {now.warning && (
          <Alert severity="warning" variant="outlined">
            {now.warning}
          </Alert>
        )}
      </Stack>
      <SettingsSaveRow
        error={save.error}
        saving={save.isPending}
        saved={saved}
        savedText="Saved. New feedback requests use it; links already sent keep theirs."
      />
    </Paper>
  );
}
