import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { emailOnlyMessageKinds, messageKindLabels, messageKinds } from '../../../../shared/domain/messages';
import type { WebhookSettingsDto } from '../../../../shared/domain/webhook';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import {
  describeWebhookTest,
  webhookFormFrom,
  webhookSaveInput,
  withKind,
  type WebhookSettingsForm,
} from './webhook-settings-form';

/** The signing secret, never shown back: only whether one is stored, to keep, replace or clear. */
function SecretField({
  stored,
  form,
  onChange,
  issues,
}: {
  stored: boolean;
  form: WebhookSettingsForm;
  onChange: (patch: Partial<WebhookSettingsForm>) => void;
  issues: Issues;
}) {
  const problem = issues.at('secret');
  if (stored && form.secretChange === 'keep')
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 40 }} aria-label="Signing secret">
        <Typography variant="body2" sx={{ flex: 1 }}>
          A signing secret is stored.
        </Typography>
        <Button size="small" onClick={() => onChange({ secretChange: 'replace', secret: '' })}>
          Replace
        </Button>
        <Button size="small" color="warning" onClick={() => onChange({ secretChange: 'clear', secret: '' })}>
          Clear
        </Button>
      </Stack>
    );
  if (form.secretChange === 'clear')
    return (
      <Box aria-label="Signing secret" role="group">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 40 }}>
          <Typography variant="body2" color="warning.main" sx={{ flex: 1 }}>
            The stored secret will be cleared on save; nothing is posted until a new one is saved.
          </Typography>
          <Button size="small" onClick={() => onChange({ secretChange: 'keep' })}>
            Keep it
          </Button>
        </Stack>
        {problem && <FormHelperText error>{problem}</FormHelperText>}
      </Box>
    );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={stored ? 'New signing secret' : 'Signing secret'}
        type="password"
        autoComplete="new-password"
        value={form.secret}
        onChange={(e) =>
          onChange({ secret: e.target.value, secretChange: e.target.value === '' && !stored ? 'keep' : 'replace' })
        }
        {...issues.field('secret')}
        sx={{ flex: 1 }}
      />
      {stored && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => onChange({ secretChange: 'keep', secret: '' })}>
          Keep the stored one
        </Button>
      )}
    </Stack>
  );
}

/** Posts a signed test document to the saved webhook now and says what the gateway answered. */
function WebhookTest({ configured }: { configured: boolean }) {
  const send = useApiMutation('webhook.sendTest');
  const outcome = send.data ? describeWebhookTest(send.data) : null;
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" disabled={!configured || send.isPending} onClick={() => send.mutate({})}>
          {send.isPending ? 'Sending…' : 'Send a test'}
        </Button>
        <Typography variant="body2" color="text.secondary">
          Posts a signed test document to the saved address now (save your changes first).
        </Typography>
      </Stack>
      {outcome && (
        <Alert severity={outcome.severity} sx={{ mt: 2 }} aria-label="Webhook test result">
          <AlertTitle>{outcome.headline}</AlertTitle>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {outcome.detail}
          </Typography>
        </Alert>
      )}
      {send.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {send.error.message}
        </Alert>
      )}
    </Box>
  );
}

/** The webhook an SMS or chat gateway receives messages from: address, secret, kinds, on or off. */
export function WebhookSettingsPanel({ settings }: { settings: WebhookSettingsDto }) {
  const save = useApiMutation('webhook.saveSettings', ['webhook.settings', 'outbox.status']);
  const [form, setForm] = useState<WebhookSettingsForm>(() => webhookFormFrom(settings));
  const [saved, setSaved] = useState(false);
  // After a save (here or on another console) the form shows what is stored.
  useEffect(() => setForm(webhookFormFrom(settings)), [settings]);
  const issues = save.error?.error.issues ? new Issues(save.error.error.issues) : Issues.none;
  const change = (patch: Partial<WebhookSettingsForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const kindsProblem = issues.under('kinds')[0]?.message;

  return (
    <Paper
      variant="outlined"
      component="form"
      aria-label="Webhook"
      sx={{ p: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(webhookSaveInput(form), { onSuccess: () => setSaved(true) });
      }}
    >
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Webhook (SMS or chat gateway)
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Messages of the kinds ticked are also posted, as signed JSON, to this address, so a gateway can pass them on by
        text or chat, also to people with a phone number and no e-mail address. The gateway checks each post with the
        shared secret (docs/API.md, &quot;Webhook messages&quot;).
      </Typography>
      <Stack spacing={2}>
        <FormControlLabel
          control={<Switch checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} />}
          label={form.enabled ? 'On: messages are posted' : 'Off: nothing is posted (the settings are kept)'}
        />
        <TextField
          label="Address"
          placeholder="https://gateway.example.com/hooks/dispatch"
          required
          value={form.url}
          onChange={(e) => change({ url: e.target.value })}
          {...issues.field('url')}
        />
        <SecretField stored={settings.secretSet} form={form} onChange={change} issues={issues} />
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
          <Typography component="legend" variant="body2" sx={{ fontWeight: 600 }}>
            Messages posted
          </Typography>
          <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2 }}>
            {messageKinds
              .filter((kind) => !emailOnlyMessageKinds.includes(kind))
              .map((kind) => (
                <FormControlLabel
                  key={kind}
                  control={
                    <Checkbox
                      size="small"
                      checked={form.kinds.has(kind)}
                      onChange={(e) => change(withKind(form, kind, e.target.checked))}
                    />
                  }
                  label={<Typography variant="body2">{messageKindLabels[kind]}</Typography>}
                />
              ))}
          </FormGroup>
          {kindsProblem && <FormHelperText error>{kindsProblem}</FormHelperText>}
        </Box>
      </Stack>
      <SettingsSaveRow
        error={save.error}
        saving={save.isPending}
        saved={saved}
        fieldsMessage="Nothing was saved: correct the fields marked in red."
      />
      <WebhookTest configured={settings.configured && settings.secretSet} />
    </Paper>
  );
}
