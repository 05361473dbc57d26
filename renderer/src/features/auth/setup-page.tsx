import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type SyntheticEvent } from 'react';
import { AuthCard } from './auth-card';
import { useSessionStart } from './use-session-start';

/** First start: there are no users yet, so whoever installs the console creates the admin. */
export function SetupPage() {
  const [form, setForm] = useState({ username: 'admin', displayName: '', password: '', confirm: '' });
  const setup = useSessionStart('auth.setup');
  const mismatch = form.confirm !== '' && form.confirm !== form.password;

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setup.mutate({ username: form.username, displayName: form.displayName, password: form.password });
  };
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(setup.error?.fieldMessage(name)),
    helperText: setup.error?.fieldMessage(name),
  });

  return (
    <AuthCard title="Set up Dispatch Console" subtitle="No users exist yet. Create the administrator account.">
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <TextField label="Username" autoFocus {...field('username')} />
          <TextField label="Full name" {...field('displayName')} />
          <TextField label="Password (12 characters or more)" type="password" {...field('password')} />
          <TextField
            label="Repeat password"
            type="password"
            {...field('confirm')}
            error={mismatch}
            helperText={mismatch ? 'The passwords differ' : undefined}
          />
          {setup.error && !setup.error.error.issues && <Alert severity="error">{setup.error.message}</Alert>}
          <Button type="submit" variant="contained" disabled={setup.isPending || mismatch}>
            Create administrator
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
