import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { roleLabels, type Role } from '../../../../shared/domain/roles';
import { navigate, useRoute, type Route } from '../../app/router';
import { useLiveUpdates } from '../../app/use-live-updates';
import CircularProgress from '@mui/material/CircularProgress';
import { lazy, Suspense } from 'react';
import { EscalationNotifier } from '../escalations/escalation-notifier';
import { VisitNotifier } from '../visits/visit-notifier';
import { useSessionStart } from '../auth/use-session-start';

// Each view loads when first opened, so the login page and the first view appear sooner (the
// queue's data grid alone is a third of the bundle).
const IntakePage = lazy(() => import('../intake/intake-page').then((m) => ({ default: m.IntakePage })));
const QueuePage = lazy(() => import('../queue/queue-page').then((m) => ({ default: m.QueuePage })));
const EscalationsPage = lazy(() =>
  import('../escalations/escalations-page').then((m) => ({ default: m.EscalationsPage })),
);
const TechniciansPage = lazy(() =>
  import('../technicians/technicians-page').then((m) => ({ default: m.TechniciansPage })),
);
// FullCalendar and its premium timeline are the board's alone; they load with it.
const BoardPage = lazy(() => import('../board/board-page').then((m) => ({ default: m.BoardPage })));
// The map's chunk carries Leaflet and the Natural Earth shapes; nobody else pays for them.
const MapPage = lazy(() => import('../map/map-page').then((m) => ({ default: m.MapPage })));
const PartsPage = lazy(() => import('../parts/parts-page').then((m) => ({ default: m.PartsPage })));
const ReviewsPage = lazy(() => import('../reviews/reviews-page').then((m) => ({ default: m.ReviewsPage })));
const SlaAdminPage = lazy(() => import('../admin/sla-admin-page').then((m) => ({ default: m.SlaAdminPage })));
const MyDayPage = lazy(() => import('../my-day/my-day-page').then((m) => ({ default: m.MyDayPage })));
const ClientsPage = lazy(() => import('../clients/clients-page').then((m) => ({ default: m.ClientsPage })));

const allTabs: { route: Route['name']; label: string; group: readonly Role[] }[] = [
  { route: 'queue', label: 'Queue', group: access.staff },
  { route: 'intake', label: 'New request', group: access.intake },
  { route: 'board', label: 'Board', group: access.escalationReaders },
  { route: 'map', label: 'Map', group: access.escalationReaders },
  { route: 'escalations', label: 'Escalations', group: access.escalationReaders },
  { route: 'technicians', label: 'Technicians', group: access.escalationReaders },
  { route: 'parts', label: 'Parts', group: access.staff },
  { route: 'reviews', label: 'Reviews', group: access.reviewReaders },
  { route: 'sla-admin', label: 'SLA settings', group: access.admin },
  { route: 'my-day', label: 'My day', group: access.technicianDay },
  { route: 'clients', label: 'Clients', group: access.directoryEditors },
];

export function AppShell({ user, demo }: { user: UserDto; demo: boolean }) {
  useLiveUpdates(true);
  // A technician's working view is their day; everyone else starts at the queue.
  const landing = user.role === 'technician' ? 'my-day' : 'queue';
  const route = useRoute(landing);
  const logout = useSessionStart('auth.logout');
  const tabs = allTabs.filter((t) => roleIn(t.group, user.role));
  const current = tabs.some((t) => t.route === route.name) ? route.name : landing;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" noWrap sx={{ fontSize: 16, fontWeight: 600, flexShrink: 0 }}>
            Dispatch Console
          </Typography>
          <Tabs
            value={current}
            onChange={(_e, value: Route['name']) => navigate({ name: value })}
            textColor="inherit"
            // Admins see a dozen views: on a narrow window the tabs scroll instead of spilling over.
            variant="scrollable"
            scrollButtons="auto"
            sx={{ minWidth: 0, flex: '0 1 auto' }}
            slotProps={{ indicator: { style: { backgroundColor: '#fff' } } }}
            aria-label="Views"
          >
            {tabs.map((t) => (
              <Tab key={t.route} value={t.route} label={t.label} href={`#/${t.route}`} component="a" />
            ))}
          </Tabs>
          <Box sx={{ flex: 1, minWidth: 8 }} />
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
        <Suspense fallback={<CircularProgress aria-label="Loading" sx={{ m: 4 }} />}>
          {current === 'intake' && <IntakePage />}
          {current === 'queue' && <QueuePage user={user} />}
          {current === 'board' && <BoardPage user={user} />}
          {current === 'map' && <MapPage />}
          {current === 'escalations' && <EscalationsPage user={user} />}
          {current === 'technicians' && <TechniciansPage user={user} />}
          {current === 'parts' && <PartsPage user={user} />}
          {current === 'reviews' && <ReviewsPage user={user} />}
          {current === 'sla-admin' && <SlaAdminPage />}
          {current === 'my-day' && <MyDayPage user={user} />}
          {current === 'clients' && <ClientsPage />}
        </Suspense>
        {roleIn(access.escalationReaders, user.role) && <EscalationNotifier />}
        {user.role === 'technician' && <VisitNotifier user={user} />}
      </Box>
    </Box>
  );
}
