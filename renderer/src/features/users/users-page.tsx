import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PasswordResetDto } from '../../../../shared/api/contract';
import type { UserDto } from '../../../../shared/domain/directory';
import { roleLabels } from '../../../../shared/domain/roles';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format-time';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { ConfirmDialog, type ConfirmRequest } from '../admin/confirm-dialog';
import { ApiTokensPanel } from './api-tokens-panel';
import { SignInProtectionPanel } from './sign-in-protection-panel';
import { TemporaryPasswordDialog } from './temporary-password-dialog';
import { UserFormDialog } from './user-form-dialog';
import { userStateLabel } from './user-state';

/** The admin's users: who may sign in, as what; users are disabled, never deleted. */
export function UsersPage() {
  const users = useApiQuery('users.list', {});
  const locks = useApiQuery('signIn.locks', {});
  const unlock = useApiMutation('signIn.unlock', ['signIn.locks']);
  const lockOf = (user: UserDto) => locks.data?.find((l) => l.kind === 'user' && l.name === user.username);
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [reset, setReset] = useState<PasswordResetDto | null>(null);
  const [tab, setTab] = useState<'users' | 'tokens' | 'protection'>('users');
  const setActive = useApiMutation('users.setActive', ['users.list']);
  const resetPassword = useApiMutation('users.resetPassword', ['users.list']);
  const busy = setActive.isPending || resetPassword.isPending;
  const confirmError = (setActive.error ?? resetPassword.error)?.message;

  const closeConfirm = () => {
    setConfirm(null);
    setActive.reset();
    resetPassword.reset();
  };
  const askToggle = (user: UserDto) =>
    setConfirm({
      title: user.active ? `Disable ${user.displayName}?` : `Enable ${user.displayName}?`,
      body: user.active
        ? 'They are signed out at once on every workstation, and their API tokens stop working until they are enabled again. Their name stays in the history.'
        : 'They can sign in again with their password, and their API tokens work again.',
      confirmLabel: user.active ? 'Disable' : 'Enable',
      danger: user.active,
      onConfirm: () =>
        setActive.mutate({ userId: user.id, active: !user.active }, { onSuccess: () => setConfirm(null) }),
    });
  const askReset = (user: UserDto) =>
    setConfirm({
      title: `Reset the password of ${user.displayName}?`,
      body: 'They are signed out, and get a temporary password that they must change when they next sign in.',
      confirmLabel: 'Reset password',
      danger: true,
      onConfirm: () =>
        resetPassword.mutate(
          { userId: user.id },
          {
            onSuccess: (value) => {
              setConfirm(null);
              setReset(value);
            },
          },
        ),
    });

  const rows = users.data ?? [];
  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Users
        </Typography>
        {tab === 'users' && (
          <Button variant="contained" size="small" onClick={() => setEditing('new')}>
            New user
          </Button>
        )}
      </Stack>
      <Tabs value={tab} onChange={(_e, value: typeof tab) => setTab(value)} aria-label="Users and sign-in">
        <Tab value="users" label="Users" />
        <Tab value="tokens" label="API tokens" />
        <Tab value="protection" label="Sign-in protection" />
      </Tabs>
      {tab === 'tokens' && <ApiTokensPanel />}
      {tab === 'protection' && <SignInProtectionPanel />}
      {tab === 'users' && (
        <DataTable
          label="Users"
          columns={['Name', 'Username', 'Role', 'Last sign-in', 'State', '']}
          source={users}
          rowCount={rows.length}
          emptyText="No users."
        >
          {rows.map((user) => (
            <TableRow key={user.id} hover sx={{ opacity: user.active ? 1 : 0.6 }}>
              <TableCell>{user.displayName}</TableCell>
              <TableCell>{user.username}</TableCell>
              <TableCell>{roleLabels[user.role]}</TableCell>
              <TableCell>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={userStateLabel(user, lockOf(user))}
                  color={!user.active ? 'default' : lockOf(user) || user.mustChangePassword ? 'warning' : 'success'}
                  variant="outlined"
                />
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {lockOf(user) && (
                  <Button
                    size="small"
                    onClick={() => unlock.mutate({ kind: 'user', name: user.username })}
                    aria-label={`Unlock ${user.displayName}`}
                  >
                    Unlock
                  </Button>
                )}
                <Button size="small" onClick={() => setEditing(user)} aria-label={`Edit ${user.displayName}`}>
                  Edit
                </Button>
                <Button
                  size="small"
                  onClick={() => askReset(user)}
                  aria-label={`Reset the password of ${user.displayName}`}
                >
                  Reset password
                </Button>
                <Button
                  size="small"
                  color={user.active ? 'error' : 'primary'}
                  onClick={() => askToggle(user)}
                  aria-label={`${user.active ? 'Disable' : 'Enable'} ${user.displayName}`}
                >
                  {user.active ? 'Disable' : 'Enable'}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {editing && <UserFormDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog request={confirm} busy={busy} error={confirmError} onCancel={closeConfirm} />
      {reset && <TemporaryPasswordDialog reset={reset} onClose={() => setReset(null)} />}
    </Stack>
  );
}
