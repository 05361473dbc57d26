import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { api } from '../../../../shared/api/contract';
import type { UserDto } from '../../../../shared/domain/directory';
import { roleLabels, type Role } from '../../../../shared/domain/roles';
import { navigate, useRoute, type Route } from '../../app/router';
import { useLiveUpdates } from '../../app/use-live-updates';
import { IntakePage } from '../intake/intake-page';
import { QueuePage } from '../queue/queue-page';
import { useSessionStart } from '../auth/use-session-start';

function mayCall(role: Role, access: (typeof api)[keyof typeof api]['access']) {
  return access === 'public' || access === 'authenticated' || access.includes(role);
}

export function AppShell({ user, demo }: { user: UserDto; demo: boolean }) {
  useLiveUpdates(true);
  const route = useRoute();
  const logout = useSessionStart('auth.logout');
  const canLog = mayCall(user.role, api['tickets.create'].access);
  const tabs: { route: Route['name']; label: string }[] = [
    { route: 'queue', label: 'Queue' },
    ...(canLog ? [{ route: 'intake' as const, label: 'New request' }] : []),
  ];
  const current = tabs.some((t) => t.route === route.name) ? route.name : 'queue';

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontSize: 16, fontWeight: 600 }}>
            Dispatch Console
          </Typography>
          <Tabs
            value={current}
            onChange={(_e, value: Route['name']) => navigate({ name: value })}
            textColor="inherit"
            slotProps={{ indicator: { style: { backgroundColor: '#fff' } } }}
            aria-label="Views"
          >
            {tabs.map((t) => (
              <Tab key={t.route} value={t.route} label={t.label} href={`#/${t.route}`} component="a" />
            ))}
          </Tabs>
          <Box sx={{ flex: 1 }} />
          {demo && <Chip size="small" color="warning" label="Demo data" />}
          <Typography variant="body2" aria-label="Logged in as">
            {user.displayName} · {roleLabels[user.role]}
          </Typography>
          <Button color="inherit" size="small" onClick={() => logout.mutate({})}>
            Log out
          </Button>
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ flex: 1, minHeight: 0, p: 2 }}>
        {current === 'intake' ? <IntakePage /> : <QueuePage />}
      </Box>
    </Box>
  );
}
