import Grid from '@mui/material/Grid';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import { useApiQuery } from '../../transport/queries';
import type { Issues } from '../admin/api-issues';

/** No login, an existing technician login (by user id), or a new one typed in the dialog. */
export type LoginChoice = { kind: 'none' } | { kind: 'existing'; userId: string } | { kind: 'new' };

export interface NewLogin {
  username: string;
  displayName: string;
  password: string;
}

const NONE = 'none';
const NEW = 'new';

/**
 * The login a technician uses for My day. Admins pick a technician login no other record uses
 * (taken ones are listed, disabled, with whose they are) or create one in place; anyone else
 * sees the link without changing it (users.list and users.create are for admins only).
 */
export function TechnicianLoginField({
  technician,
  technicians,
  canManageLogins,
  choice,
  onChoice,
  newLogin,
  onNewLogin,
  issues,
}: {
  technician: TechnicianDto | null;
  technicians: TechnicianDto[];
  canManageLogins: boolean;
  choice: LoginChoice;
  onChoice: (choice: LoginChoice) => void;
  newLogin: NewLogin;
  onNewLogin: (login: NewLogin) => void;
  issues: Issues;
}) {
  const users = useApiQuery('users.list', {}, { enabled: canManageLogins });
  if (!canManageLogins) {
    return (
      <TextField
        label="Login"
        value={technician?.login ? `${technician.login.username} (${technician.login.displayName})` : 'Not linked'}
        helperText="Only an administrator can link a login."
        slotProps={{ input: { readOnly: true } }}
      />
    );
  }
  const linkedTo = new Map(
    technicians.filter((t) => t.userId && t.id !== technician?.id).map((t) => [t.userId ?? '', t.name]),
  );
  const logins = (users.data ?? []).filter((u) => u.role === 'technician');
  const value = choice.kind === 'existing' ? choice.userId : choice.kind;
  const setNew = (key: keyof NewLogin, v: string) => onNewLogin({ ...newLogin, [key]: v });
  return (
    <Grid container spacing={1.5}>
      <Grid size={{ xs: 12, sm: choice.kind === 'new' ? 3 : 6 }}>
        <TextField
          select
          label="Login"
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            onChoice(v === NONE ? { kind: 'none' } : v === NEW ? { kind: 'new' } : { kind: 'existing', userId: v });
          }}
          {...issues.field('userId')}
          helperText={issues.at('userId') ?? 'Lets the technician log in and see My day.'}
        >
          <MenuItem value={NONE}>No login</MenuItem>
          <MenuItem value={NEW}>Create a login…</MenuItem>
          {logins.length > 0 && <ListSubheader>Technician logins</ListSubheader>}
          {logins.map((u) => {
            const taken = linkedTo.get(u.id);
            return (
              <MenuItem key={u.id} value={u.id} disabled={taken !== undefined || !u.active}>
                {u.username} ({u.displayName})
                {taken !== undefined && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                    linked to {taken}
                  </Typography>
                )}
                {!u.active && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                    disabled
                  </Typography>
                )}
              </MenuItem>
            );
          })}
        </TextField>
      </Grid>
      {choice.kind === 'new' && (
        <>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField
              label="Username"
              required
              value={newLogin.username}
              onChange={(e) => setNew('username', e.target.value)}
              {...issues.field('username')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField
              label="Display name"
              required
              value={newLogin.displayName}
              onChange={(e) => setNew('displayName', e.target.value)}
              {...issues.field('displayName')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField
              label="Temporary password"
              required
              type="password"
              autoComplete="new-password"
              value={newLogin.password}
              onChange={(e) => setNew('password', e.target.value)}
              {...issues.field('password')}
              helperText={issues.at('password') ?? 'At least 8 characters; tell the technician.'}
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}
