import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { ClientDto } from '../../../../shared/domain/directory';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { TimeZoneField } from '../admin/time-zone-field';
import { issuesOf } from '../technicians/technician-format';
import { StaleEditAlert } from './stale-edit-alert';

interface ClientFormValues {
  name: string;
  phone: string;
  email: string;
  timeZone: string;
}

function valuesOf(client: ClientDto | null): ClientFormValues {
  return {
    name: client?.name ?? '',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    timeZone: client?.timeZone ?? '',
  };
}

const shownAtField = new Set(['name', 'phone', 'email', 'timeZone']);

const same = (a: ClientFormValues, b: ClientFormValues) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A client's own fields. With a client it edits that client (based on the revision it showed);
 * without one it creates a client. A change made elsewhere reaches an untouched form at once; a form
 * with unsaved changes keeps them, and saving then answers that the client changed.
 */
export function ClientForm({
  client,
  onSaved,
  onCancel,
}: {
  client: ClientDto | null;
  onSaved: (client: ClientDto) => void;
  onCancel?: () => void;
}) {
  const [base, setBase] = useState(client);
  const [values, setValues] = useState(() => valuesOf(client));
  const dirty = !same(values, valuesOf(base));
  const update = useApiMutation('clients.update', ['clients.list', 'clients.search']);
  const create = useApiMutation('clients.create', ['clients.list', 'clients.search']);
  const save = base ? update : create;
  const [sent, setSent] = useState<ClientFormValues | null>(null);
  // A field edited since the save shows no stale error; the others keep theirs.
  const issues = new Issues(
    issuesOf(save.error).list.filter((i) => {
      const key = i.path[0] as keyof ClientFormValues;
      return !sent || !(key in values) || values[key] === sent[key];
    }),
  );
  const stale = save.error?.error.code === 'stale';
  // What no field shows: a message without issues, or issues about the request itself (an unknown id).
  const unplaced = issues.list.filter((i) => !shownAtField.has(String(i.path[0])));
  const summary =
    save.error && !stale && (issues.list.length === 0 || unplaced.length > 0)
      ? [save.error.message, ...unplaced.map((i) => i.message)].join(' ')
      : null;
  const set = (key: keyof ClientFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  // Someone else saved the client: an untouched form shows their version at once.
  useEffect(() => {
    if (!client || client.revision === base?.revision || dirty) return;
    setBase(client);
    setValues(valuesOf(client));
  }, [client?.revision]);

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    setSent(values);
    const fields = {
      name: values.name.trim(),
      phone: values.phone.trim() || null,
      email: values.email.trim() || null,
      timeZone: values.timeZone || null,
    };
    const done = (saved: ClientDto) => {
      setBase(saved);
      setValues(valuesOf(saved));
      onSaved(saved);
    };
    if (base) update.mutate({ id: base.id, expectedRevision: base.revision, ...fields }, { onSuccess: done });
    else create.mutate(fields, { onSuccess: done });
  };

  const loadTheirs = () => {
    setBase(client);
    setValues(valuesOf(client));
    save.reset();
  };

  const text = (key: 'name' | 'phone' | 'email') => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    ...issues.field(key),
  });
  const label = base ? `Client ${base.name}` : 'New client';

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      onSubmit={submit}
      onKeyDownCapture={saveOnCtrlEnter(submit)}
      aria-label={label}
    >
      {stale && <StaleEditAlert what="client" onLoadTheirs={loadTheirs} />}
      {summary && <Alert severity="error">{summary}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="Client name" required fullWidth autoFocus={!base} {...text('name')} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TimeZoneField
            label="Client time zone"
            value={values.timeZone}
            onChange={(zone) => set('timeZone', zone)}
            error={issues.at('timeZone')}
            unsetText="None: the organization's default zone applies"
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="Phone" fullWidth {...text('phone')} slotProps={{ htmlInput: { inputMode: 'tel' } }} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="E-mail" fullWidth {...text('email')} slotProps={{ htmlInput: { inputMode: 'email' } }} />
        </Grid>
      </Grid>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button type="submit" variant="contained" loading={save.isPending} disabled={Boolean(base) && !dirty}>
          {base ? 'Save client' : 'Create client'}
        </Button>
        {base && (
          <Button disabled={!dirty} onClick={loadTheirs}>
            Revert
          </Button>
        )}
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        {dirty && base && <Chip size="small" color="warning" variant="outlined" label="Unsaved changes" />}
      </Stack>
    </Stack>
  );
}
