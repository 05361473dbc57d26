import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useApiQuery } from '../../transport/queries';

/**
 * The outbox's warning (messages waiting for a transport nobody set up), once, above the admin
 * screens: the one place admins look when something needs setting up.
 */
export function OutboxWarningBanner({ onEmailScreen }: { onEmailScreen: boolean }) {
  const status = useApiQuery('outbox.status', {});
  const warning = status.data?.warning;
  if (!warning) return null;
  return (
    <Alert
      severity="warning"
      aria-label="Outbox warning"
      sx={{ mb: 2 }}
      action={
        // The way to act on it, when it is the e-mail that is missing and not already on screen.
        onEmailScreen || status.data?.configured.email ? undefined : (
          <Button color="inherit" size="small" href="#/mail-admin">
            Set up e-mail
          </Button>
        )
      }
    >
      {warning}
    </Alert>
  );
}
