import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiCallError } from '../transport/client';

/**
 * The foot of a settings form: what went wrong that no field shows, the Save button, and "Saved."
 * once the server took it. Refusals the server names at a field are shown there by the form; with
 * `fieldsMessage` the foot says so too.
 */
export function SettingsSaveRow({
  error,
  saving,
  saved,
  savedText = 'Saved.',
  fieldsMessage,
}: {
  error: ApiCallError | null;
  saving: boolean;
  saved: boolean;
  savedText?: string;
  fieldsMessage?: string;
}) {
  const atFields = Boolean(error?.error.issues?.length);
  const message = error && (atFields ? fieldsMessage : error.message);
  return (
    <>
      {message && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {message}
        </Alert>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" disabled={saving}>
          Save
        </Button>
        {saved && !error && (
          <Typography variant="body2" color="success.main" role="status">
            {savedText}
          </Typography>
        )}
      </Stack>
    </>
  );
}
