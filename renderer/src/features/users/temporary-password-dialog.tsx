import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { PasswordResetDto } from '../../../../shared/api/contract';

/** The one time a temporary password is shown: the server keeps only its hash. */
export function TemporaryPasswordDialog({ reset, onClose }: { reset: PasswordResetDto; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="temporary-password-title">
      <DialogTitle id="temporary-password-title">Temporary password for {reset.user.displayName}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Give it to {reset.user.displayName} in person or by phone. They sign in with it once and must then choose a
          password of their own.
        </DialogContentText>
        <Typography
          aria-label="Temporary password"
          sx={{ fontFamily: 'monospace', fontSize: '1.4rem', my: 2, textAlign: 'center', userSelect: 'all' }}
        >
          {reset.temporaryPassword}
        </Typography>
        <Alert severity="warning">It is shown only now: it cannot be read again after you close this.</Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
