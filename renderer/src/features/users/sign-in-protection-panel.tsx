import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { SignInSettings } from '../../../../shared/domain/sign-in';
import { formatDateTime } from '../../components/format-time';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { useApiMutation, useApiQuery } from '../../transport/queries';

type Form = Record<keyof SignInSettings, string>;

const labels: Record<keyof SignInSettings, string> = {
  delayAfterFailures: 'Slow down after (failures)',
  lockAfterFailures: 'Lock after (failures)',
  lockMinutes: 'Lock for (minutes)',
};

/** How failed sign-ins are slowed down and locked, and the addresses locked now (user names show in the table). */
export function SignInProtectionPanel() {
  const settings = useApiQuery('signIn.settings', {});
  const locks = useApiQuery('signIn.locks', {});
  const save = useApiMutation('signIn.saveSettings', ['signIn.settings', 'signIn.locks']);
  const unlock = useApiMutation('signIn.unlock', ['signIn.locks']);
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data && !form) {
      const { delayAfterFailures, lockAfterFailures, lockMinutes } = settings.data;
      setForm({
        delayAfterFailures: String(delayAfterFailures),
        lockAfterFailures: String(lockAfterFailures),
        lockMinutes: String(lockMinutes),
      });
    }
  }, [settings.data, form]);
  const addresses = (locks.data ?? []).filter((l) => l.kind === 'address');

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!form) return;
    save.mutate({
      delayAfterFailures: wholeNumberOrNaN(form.delayAfterFailures),
      lockAfterFailures: wholeNumberOrNaN(form.lockAfterFailures),
      lockMinutes: wholeNumberOrNaN(form.lockMinutes),
    });
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <form onSubmit={submit} noValidate aria-label="Sign-in protection">
        <Typography variant="subtitle1" component="h2">
          Sign-in protection
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Failed sign-ins in a row, per user name and per network address: from the first number each attempt waits (1
          second, doubling up to a minute); at the second, signing in is locked for the minutes given.
        </Typography>
        {form && (
          <Stack direction="row" spacing={2}>
            {(Object.keys(labels) as (keyof SignInSettings)[]).map((key) => (
              <TextField
                key={key}
                label={labels[key]}
                size="small"
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                error={Boolean(save.error?.fieldMessage(key))}
                helperText={save.error?.fieldMessage(key)}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
            ))}
          </Stack>
        )}
        <SettingsSaveRow error={save.error} saving={save.isPending} saved={save.isSuccess} />
      </form>
      {addresses.length > 0 && (
        <Stack spacing={1} sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h3">
            Addresses with failed sign-ins
          </Typography>
          {addresses.map((a) => (
            <Stack key={a.name} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                {a.name}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {a.failures} failed; {a.lockedUntil ? `locked until ${formatDateTime(a.lockedUntil)}` : 'slowed down'}
              </Typography>
              <Button size="small" onClick={() => unlock.mutate({ kind: 'address', name: a.name })}>
                Unlock
              </Button>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
