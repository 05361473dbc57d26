import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { Issues } from './api-issues';

function Unit({ children }: { children: string }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
      {children}
    </Typography>
  );
}

/**
 * How long a closed ticket may be reopened, and the largest file a technician may attach: two
 * settings with one Save, each written only when it changed.
 */
export function TicketsSettingsPanel() {
  const closure = useApiQuery('closure.settings', {});
  const attachments = useApiQuery('attachments.settings', {});
  const saveClosure = useApiMutation('closure.saveSettings', ['closure.settings']);
  const saveAttachments = useApiMutation('attachments.saveSettings', ['attachments.settings']);
  const [reopenDays, setReopenDays] = useState('');
  const [maxMegabytes, setMaxMegabytes] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (closure.data) setReopenDays(String(closure.data.reopenWindowDays));
  }, [closure.data]);
  useEffect(() => {
    if (attachments.data) setMaxMegabytes(String(attachments.data.maxUploadMegabytes));
  }, [attachments.data]);

  const closureIssues = new Issues(saveClosure.error?.error.issues ?? []);
  const attachmentIssues = new Issues(saveAttachments.error?.error.issues ?? []);
  const otherError = [saveClosure.error, saveAttachments.error, closure.error, attachments.error].find(
    (e) => e && !e.error.issues?.length,
  );
  const busy = saveClosure.isPending || saveAttachments.isPending;
  const edit = (set: (value: string) => void) => (e: { target: { value: string } }) => {
    setSaved(false);
    set(e.target.value);
  };

  const submit = async () => {
    saveClosure.reset();
    saveAttachments.reset();
    const writes: Promise<unknown>[] = [];
    if (reopenDays !== String(closure.data?.reopenWindowDays))
      writes.push(saveClosure.mutateAsync({ reopenWindowDays: wholeNumberOrNaN(reopenDays) }));
    if (maxMegabytes !== String(attachments.data?.maxUploadMegabytes))
      writes.push(saveAttachments.mutateAsync({ maxUploadMegabytes: wholeNumberOrNaN(maxMegabytes) }));
    const results = await Promise.allSettled(writes);
    setSaved(results.every((r) => r.status === 'fulfilled'));
  };

  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Tickets and attachments"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Tickets and attachments
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A closed ticket may be reopened for this many days after it was closed; after that, the same problem is a new
        ticket linked to it. Photos and forms larger than the limit are refused when attached.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Reopen window"
          inputMode="numeric"
          value={reopenDays}
          disabled={!closure.data}
          onChange={edit(setReopenDays)}
          slotProps={{ input: { endAdornment: <Unit>days</Unit> } }}
          {...closureIssues.field('reopenWindowDays')}
        />
        <TextField
          label="Largest attachment"
          inputMode="numeric"
          value={maxMegabytes}
          disabled={!attachments.data}
          onChange={edit(setMaxMegabytes)}
          slotProps={{ input: { endAdornment: <Unit>MB</Unit> } }}
          {...attachmentIssues.field('maxUploadMegabytes')}
        />
      </Stack>
      {otherError && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {otherError.message}
        </Alert>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" disabled={busy || !closure.data || !attachments.data}>
          Save
        </Button>
        {saved && (
          <Typography variant="body2" color="success.main" role="status">
            Saved.
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
