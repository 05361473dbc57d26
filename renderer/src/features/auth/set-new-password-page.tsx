import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { SyntheticEvent } from 'react';
import type { UserDto } from '../../../../shared/domain/directory';
import { AuthCard } from './auth-card';
import { useChangePasswordFields } from './change-password-fields';
import { useChangePassword } from './use-change-password';
import { useSessionStart } from './use-session-start';

/** After an admin's reset: the temporary password opens nothing but this page. */
export function SetNewPasswordPage({ user }: { user: UserDto }) {
  const change = useChangePassword();
  const logout = useSessionStart('auth.logout');
  const { form, fields, ready } = useChangePasswordFields(change.error);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (ready) change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
  };
  return (
    <AuthCard
      title="Choose a new password"
      subtitle={`${user.displayName}, you signed in with a temporary password. Choose your own to go on.`}
    >
      <form onSubmit={submit} noValidate aria-label="Choose a new password">
        <Stack spacing={2}>
          {fields}
          {change.error && !change.error.error.issues && <Alert severity="error">{change.error.message}</Alert>}
          <Button type="submit" variant="contained" disabled={change.isPending || !ready}>
            Set password
          </Button>
          <Button onClick={() => logout.mutate({})}>Log out</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
