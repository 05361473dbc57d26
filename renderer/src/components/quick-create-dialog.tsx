import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ApiCallError } from '../transport/client';
import { FormDialog } from './form-dialog';

export interface QuickField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** Fields of one group share a heading (e.g. "First contact"). */
  group?: string;
  /** A choice instead of free text. */
  options?: { value: string; label: string }[];
}

interface QuickCreateProps {
  open: boolean;
  title: string;
  fields: QuickField[];
  initial: Record<string, string>;
  onCancel: () => void;
  onSubmit: (values: Record<string, string>) => Promise<void>;
}

/**
 * A small form in a dialog for creating something in place (a client, a contact, a site) without
 * leaving the call. Enter saves, Escape cancels; server errors land on their fields.
 */
export function QuickCreateDialog(props: QuickCreateProps) {
  // Mounted per opening, so every opening starts from `initial` with no old error.
  return props.open && <QuickCreateForm {...props} />;
}

function QuickCreateForm({ title, fields, initial, onCancel, onSubmit }: QuickCreateProps) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (caught) {
      setError(
        caught instanceof ApiCallError ? caught : new ApiCallError({ code: 'internal', message: String(caught) }),
      );
    } finally {
      setBusy(false);
    }
  };

  let lastGroup: string | undefined;
  return (
    <FormDialog
      title={title}
      onClose={onCancel}
      onSubmit={submit}
      busy={busy}
      error={error && (error.error.issues ? 'Check the highlighted fields.' : error.message)}
      maxWidth="xs"
      spacing={1.5}
      // The form that opened the dialog decides where focus goes next, so the dialog does not restore it.
      disableRestoreFocus
    >
      {fields.map((f, index) => {
        const heading = f.group && f.group !== lastGroup ? f.group : null;
        lastGroup = f.group;
        const message = error?.fieldMessage(f.name);
        return (
          <Stack key={f.name} spacing={1}>
            {heading && (
              <Typography variant="subtitle2" color="text.secondary" sx={{ pt: 1 }}>
                {heading}
              </Typography>
            )}
            <TextField
              label={f.label}
              name={f.name}
              required={f.required ?? false}
              autoFocus={index === 0}
              select={Boolean(f.options)}
              multiline={f.multiline ?? false}
              minRows={f.multiline ? 2 : undefined}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              error={Boolean(message)}
              helperText={message}
            >
              {f.options?.map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        );
      })}
    </FormDialog>
  );
}
