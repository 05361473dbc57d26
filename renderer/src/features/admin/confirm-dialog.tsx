import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReactNode } from 'react';

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}

/** Asks before something that cannot be undone; Enter confirms, Escape cancels. */
export function ConfirmDialog({
  request,
  busy = false,
  error,
  onCancel,
}: {
  request: ConfirmRequest | null;
  busy?: boolean;
  error?: string | undefined;
  onCancel: () => void;
}) {
  return (
    <Dialog open={Boolean(request)} onClose={onCancel} maxWidth="xs" fullWidth aria-labelledby="confirm-title">
      {request && (
        <>
          <DialogTitle id="confirm-title">{request.title}</DialogTitle>
          <DialogContent>
            <DialogContentText component="div">{request.body}</DialogContentText>
            {error && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>Cancel</Button>
            <Button
              variant="contained"
              color={request.danger ? 'error' : 'primary'}
              disabled={busy}
              autoFocus
              onClick={request.onConfirm}
            >
              {request.confirmLabel}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
