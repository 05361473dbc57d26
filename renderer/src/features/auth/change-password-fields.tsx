import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ApiCallError } from '../../transport/client';

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const emptyChangePassword: ChangePasswordForm = { currentPassword: '', newPassword: '', confirm: '' };

/** The three fields of a password change; the server's word on a field shows under it. */
export function useChangePasswordFields(error: ApiCallError | null) {
  const [form, setForm] = useState<ChangePasswordForm>(emptyChangePassword);
  const mismatch = form.confirm !== '' && form.confirm !== form.newPassword;
  const field = (name: keyof ChangePasswordForm, label: string, autoComplete: string, hint?: string) => (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={autoComplete}
      value={form[name]}
      onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      error={Boolean(error?.fieldMessage(name)) || (name === 'confirm' && mismatch)}
      helperText={error?.fieldMessage(name) ?? (name === 'confirm' && mismatch ? 'The passwords differ' : hint)}
    />
  );
  const fields = (
    <>
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', 'New password', 'new-password', '12 characters or more; not a common password')}
      {field('confirm', 'Repeat the new password', 'new-password')}
    </>
  );
  const ready = form.currentPassword !== '' && form.newPassword !== '' && form.confirm === form.newPassword;
  return { form, fields, ready };
}
