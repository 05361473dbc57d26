import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { smtpTlsModes, type MailSettingsDto, type SmtpTlsMode } from '../../../../shared/domain/outbox';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { mailFormFrom, mailSaveInput, tlsModeLabels, usualPorts, type MailSettingsForm } from './mail-settings-form';

/** The password, which is never shown back: only whether one is stored, to keep, replace or clear. */
function PasswordField({
  stored,
  form,
  onChange,
  issues,
}: {
  stored: boolean;
  form: MailSettingsForm;
  onChange: (patch: Partial<MailSettingsForm>) => void;
  issues: Issues;
}) {
  if (stored && form.passwordChange === 'keep')
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 40 }} aria-label="Password">
        <Typography variant="body2" sx={{ flex: 1 }}>
          A password is stored.
        </Typography>
        <Button size="small" onClick={() => onChange({ passwordChange: 'replace', password: '' })}>
          Replace
        </Button>
        <Button size="small" color="warning" onClick={() => onChange({ passwordChange: 'clear', password: '' })}>
          Clear
        </Button>
      </Stack>
    );
  if (form.passwordChange === 'clear')
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 40 }} aria-label="Password">
        <Typography variant="body2" color="warning.main" sx={{ flex: 1 }}>
          The stored password will be cleared on save.
        </Typography>
        <Button size="small" onClick={() => onChange({ passwordChange: 'keep' })}>
          Keep it
        </Button>
      </Stack>
    );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={stored ? 'New password' : 'Password'}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={(e) =>
          onChange({ password: e.target.value, passwordChange: e.target.value === '' && !stored ? 'keep' : 'replace' })
        }
        {...issues.field('password')}
        sx={{ flex: 1 }}
      />
      {stored && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => onChange({ passwordChange: 'keep', password: '' })}>
          Keep the stored one
        </Button>
      )}
    </Stack>
  );
}

/** The SMTP server every e-mail goes through; the server's own rules are shown on the field they name. */
export function MailSettingsPanel({ settings }: { settings: MailSettingsDto }) {
  const save = useApiMutation('mail.saveSettings', ['mail.settings', 'outbox.status']);
  const [form, setForm] = useState<MailSettingsForm>(() => mailFormFrom(settings));
  const [saved, setSaved] = useState(false);
  // After a save (here or on another console) the form shows what is stored.
  useEffect(() => setForm(mailFormFrom(settings)), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const change = (patch: Partial<MailSettingsForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const text = (field: 'host' | 'port' | 'user' | 'fromAddress' | 'fromName') => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => change({ [field]: e.target.value }),
    ...issues.field(field),
  });
  const setTls = (tls: SmtpTlsMode) =>
    // Switching mode moves a port that was the old mode's usual one to the new mode's.
    change({ tls, ...(form.port === usualPorts[form.tls] ? { port: usualPorts[tls] } : {}) });

  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="SMTP server"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(mailSaveInput(form), { onSuccess: () => setSaved(true) });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        SMTP server
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {settings.configured
          ? 'Every e-mail the console sends goes through this server.'
          : 'No server is set up yet: e-mails stay queued until one is saved.'}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 2 }}>
        <TextField label="Host" placeholder="smtp.example.com" required {...text('host')} />
        <TextField label="Port" inputMode="numeric" required {...text('port')} />
        <TextField
          select
          label="Security"
          value={form.tls}
          onChange={(e) => setTls(e.target.value as SmtpTlsMode)}
          {...issues.field('tls')}
          sx={{ gridColumn: '1 / -1' }}
        >
          {smtpTlsModes.map((mode) => (
            <MenuItem key={mode} value={mode}>
              {tlsModeLabels[mode]}
            </MenuItem>
          ))}
        </TextField>
        <TextField label="User" autoComplete="off" {...text('user')} />
        <PasswordField stored={settings.passwordSet} form={form} onChange={change} issues={issues} />
        <TextField label="From address" placeholder="dispatch@example.com" required {...text('fromAddress')} />
        <TextField label="From name" placeholder="Tailspin Dispatch" {...text('fromName')} />
      </Box>
      {save.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {save.error.error.issues?.length
            ? 'Nothing was saved: correct the fields marked in red.'
            : save.error.message}
        </Alert>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" disabled={save.isPending}>
          Save
        </Button>
        {saved && !save.error && (
          <Typography variant="body2" color="success.main" role="status">
            Saved.
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
