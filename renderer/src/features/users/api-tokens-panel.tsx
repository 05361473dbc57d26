import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiTokenDto } from '../../../../shared/domain/directory';
import { DataTable } from '../../components/data-table';
import { FormDialog } from '../../components/form-dialog';
import { formatDateTime } from '../../components/format-time';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { ConfirmDialog } from '../admin/confirm-dialog';

function NewTokenDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (token: string) => void }) {
  const users = useApiQuery('users.list', {});
  const create = useApiMutation('auth.createApiToken', ['auth.apiTokens']);
  const [form, setForm] = useState({ userId: '', name: '' });
  return (
    <FormDialog
      title="New API token"
      onClose={onClose}
      onSubmit={() => create.mutate(form, { onSuccess: (value) => onCreated(value.token) })}
      submitLabel="Create token"
      busy={create.isPending}
      submitDisabled={!form.userId || !form.name.trim()}
      error={create.error && !create.error.error.issues ? create.error.message : null}
      maxWidth="xs"
    >
      <TextField
        label="Name"
        autoFocus
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={Boolean(create.error?.fieldMessage('name'))}
        helperText={create.error?.fieldMessage('name') ?? 'What uses it, e.g. "ticketing bridge"'}
      />
      <TextField
        select
        label="Acts as"
        value={form.userId}
        onChange={(e) => setForm({ ...form, userId: e.target.value })}
        error={Boolean(create.error?.fieldMessage('userId'))}
        helperText={create.error?.fieldMessage('userId') ?? 'The token may do what this user may do.'}
      >
        {(users.data ?? [])
          .filter((u) => u.active)
          .map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.displayName} ({u.username})
            </MenuItem>
          ))}
      </TextField>
    </FormDialog>
  );
}

function TokenShownOnce({ token, onClose }: { token: string; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="token-title">
      <DialogTitle id="token-title">The new API token</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Copy it into the integration now; it is sent as <code>Authorization: Bearer …</code>.
        </DialogContentText>
        <Typography
          aria-label="API token"
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all', my: 2, userSelect: 'all' }}
        >
          {token}
        </Typography>
        <Alert severity="warning">It is shown only now: the console keeps only its hash.</Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The integrations' API tokens: who they act as, when made and last used; revoked here. */
export function ApiTokensPanel() {
  const tokens = useApiQuery('auth.apiTokens', {});
  const revoke = useApiMutation('auth.revokeApiToken', ['auth.apiTokens']);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const rows = tokens.data ?? [];
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" size="small" onClick={() => setCreating(true)}>
          New API token
        </Button>
      </Stack>
      <DataTable
        label="API tokens"
        columns={['Name', 'Acts as', 'Created', 'Last used', '']}
        source={tokens}
        rowCount={rows.length}
        emptyText="No API tokens."
      >
        {rows.map((t) => (
          <TableRow key={t.id} hover>
            <TableCell>{t.name}</TableCell>
            <TableCell>
              {t.owner.displayName} ({t.owner.username}){t.owner.active ? '' : ', disabled: refused'}
            </TableCell>
            <TableCell>{formatDateTime(t.createdAt)}</TableCell>
            <TableCell>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</TableCell>
            <TableCell align="right">
              <Button size="small" color="error" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                Revoke
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {creating && (
        <NewTokenDialog
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setShown(token);
          }}
        />
      )}
      {shown && <TokenShownOnce token={shown} onClose={() => setShown(null)} />}
      <ConfirmDialog
        request={
          revoking && {
            title: `Revoke ${revoking.name}?`,
            body: 'Whatever uses it is refused from its next call, on every workstation. This cannot be undone.',
            confirmLabel: 'Revoke',
            danger: true,
            onConfirm: () => revoke.mutate({ id: revoking.id }, { onSuccess: () => setRevoking(null) }),
          }
        }
        busy={revoke.isPending}
        error={revoke.error?.message}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </Stack>
  );
}
