import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useApiQuery } from '../../transport/queries';
import { AppShell } from '../shell/app-shell';
import { LoginPage } from './login-page';
import { SetNewPasswordPage } from './set-new-password-page';
import { SetupPage } from './setup-page';

/** First start → setup; no session → login; a temporary password → a new one; otherwise the console. */
export function AuthGate() {
  const status = useApiQuery('auth.status', {});
  if (status.isPending) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  if (status.isError) {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">{status.error.message}</Alert>
      </Box>
    );
  }
  const { needsSetup, user, demo } = status.data;
  if (needsSetup) return <SetupPage />;
  if (!user) return <LoginPage demo={demo} />;
  if (user.mustChangePassword) return <SetNewPasswordPage user={user} />;
  return <AppShell user={user} demo={demo} />;
}
