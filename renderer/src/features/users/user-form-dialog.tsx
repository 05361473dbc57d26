import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/domain/directory';
import { roleLabels, roles, type Role } from '../../../../shared/domain/roles';
import { FormDialog } from '../../components/form-dialog';
import { useApiMutation } from '../../transport/queries';

/** Creates a user (username and first password too) or edits one's name and role. */
export function UserFormDialog({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const [form, setForm] = useState<{ username: string; displayName: string; role: Role; password: string }>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'support_desk',
    password: '',
  });
  const create = useApiMutation('users.create', ['users.list']);
  const update = useApiMutation('users.update', ['users.list']);
  const mutation = user ? update : create;
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    error: Boolean(mutation.error?.fieldMessage(name)),
    helperText: mutation.error?.fieldMessage(name),
  });
  const submit = async () => {
    if (user) await update.mutateAsync({ userId: user.id, displayName: form.displayName, role: form.role });
    else await create.mutateAsync(form);
    onClose();
  };
  const issues = mutation.error?.error.issues ?? [];
  const named = ['username', 'displayName', 'role', 'password'];
  const unplaced = mutation.error ? !issues.some((i) => named.includes(String(i.path[0]))) : false;
  return (
    <FormDialog
      title={user ? `Edit ${user.displayName}` : 'New user'}
      onClose={onClose}
      onSubmit={() => submit().catch(() => undefined)}
      submitLabel={user ? 'Save' : 'Create user'}
      busy={mutation.isPending}
      error={unplaced ? (mutation.error?.message ?? null) : null}
      maxWidth="xs"
    >
      {!user && <TextField label="Username" autoFocus {...field('username')} />}
      <TextField label="Full name" autoFocus={Boolean(user)} {...field('displayName')} />
      <TextField select label="Role" {...field('role')}>
        {roles.map((r) => (
          <MenuItem key={r} value={r}>
            {roleLabels[r]}
          </MenuItem>
        ))}
      </TextField>
      {!user && (
        <TextField
          label="First password"
          type="password"
          autoComplete="new-password"
          {...field('password')}
          helperText={mutation.error?.fieldMessage('password') ?? 'The user can change it after signing in.'}
        />
      )}
    </FormDialog>
  );
}
