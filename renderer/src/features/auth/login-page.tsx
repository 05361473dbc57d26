import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type SyntheticEvent } from 'react';
import { AuthCard } from './auth-card';
import { useSessionStart } from './use-session-start';

export function LoginPage({ demo }: { demo: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useSessionStart('auth.login');

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <AuthCard title="Dispatch Console" subtitle="Log in to take calls, dispatch and follow up.">
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          {demo && (
            <Alert severity="warning">
              Demo data: log in as desk, dispatcher, technician, manager, supervisor or admin with the password “demo”.
            </Alert>
          )}
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {login.error && <Alert severity="error">{login.error.message}</Alert>}
          <Button type="submit" variant="contained" disabled={login.isPending || !username || !password}>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
