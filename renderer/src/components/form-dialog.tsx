import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { saveOnCtrlEnter } from './ctrl-enter';

/**
 * A form in a dialog: the title names both the dialog and the form (role "form"), Enter in a
 * field or Ctrl+Enter anywhere submits, Escape and Cancel close, and an error that belongs to no
 * field shows above the buttons. Mount it only while open, so every opening starts afresh.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel = 'Save',
  busy = false,
  submitDisabled = false,
  error = null,
  hint,
  maxWidth = 'sm',
  spacing = 2,
  dividers = false,
  disableRestoreFocus = false,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => unknown;
  submitLabel?: ReactNode;
  /** A save is under way: the button shows it and a second submit is ignored. */
  busy?: boolean;
  /** The form cannot be submitted as it stands (the content says why). */
  submitDisabled?: boolean;
  error?: ReactNode;
  /** A quiet line left of the buttons, e.g. the keyboard shortcut on a long form. */
  hint?: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  /** The gap between the fields, in theme spacing units. */
  spacing?: number;
  /** Lines above and below a content that is long enough to scroll. */
  dividers?: boolean;
  /** For a dialog opened from a form that decides itself where focus goes next. */
  disableRestoreFocus?: boolean;
  children: ReactNode;
}) {
  const submit = () => {
    if (!busy && !submitDisabled) void onSubmit();
  };
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth disableRestoreFocus={disableRestoreFocus}>
      <form
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React bubbles a submit through portals: the form this dialog was opened from must not see it.
          e.stopPropagation();
          submit();
        }}
        onKeyDownCapture={saveOnCtrlEnter(submit)}
        // A flex column inside the dialog's paper: a long content scrolls between a fixed title and buttons.
        style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent dividers={dividers}>
          {/* Without dividers the content has no top padding; a field's floating label needs some. */}
          <Stack spacing={spacing} sx={{ pt: dividers ? 0 : 1 }}>
            {children}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          {hint && (
            <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
              {hint}
            </Typography>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={busy} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
