import AppBar from '@mui/material/AppBar';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Toolbar from '@mui/material/Toolbar';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { navigate, useRoute, type Route } from '../../app/router';
import { useLiveUpdates } from '../../app/use-live-updates';
import CircularProgress from '@mui/material/CircularProgress';
import { Fragment, lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { CommandPalette, useCommandPaletteShortcut } from './command-palette';
import { commandsFor, isCrowdedNavigation, isDenseNavigation, navigationFor, type Command } from './navigation';
import { UserMenu } from './user-menu';
import { EscalationNotifier } from '../escalations/escalation-notifier';
import { VisitNotifier } from '../visits/visit-notifier';
import { NewTicketNotifier } from '../notifications/new-ticket-notifier';
import { useUnseenChanges } from '../notifications/unseen-store';
import { useSessionStart } from '../auth/use-session-start';
import { OutboxWarningBanner } from '../outbox/outbox-warning-banner';

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
const ReportsPage = lazy(() => import('../reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const SlaAdminPage = lazy(() => import('../admin/sla-admin-page').then((m) => ({ default: m.SlaAdminPage })));
const MyDayPage = lazy(() => import('../my-day/my-day-page').then((m) => ({ default: m.MyDayPage })));
const ClientsPage = lazy(() => import('../clients/clients-page').then((m) => ({ default: m.ClientsPage })));
const AuditLogPage = lazy(() => import('../audit/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const BackupPage = lazy(() => import('../admin/backup-page').then((m) => ({ default: m.BackupPage })));
const MailAdminPage = lazy(() => import('../outbox/mail-admin-page').then((m) => ({ default: m.MailAdminPage })));
const MessageTemplatesPage = lazy(() =>
  import('../templates/message-templates-page').then((m) => ({ default: m.MessageTemplatesPage })),
);
const SchedulePage = lazy(() => import('../schedule/schedule-page').then((m) => ({ default: m.SchedulePage })));
const UsersPage = lazy(() => import('../users/users-page').then((m) => ({ default: m.UsersPage })));
const MessagesPage = lazy(() => import('../outbox/messages-page').then((m) => ({ default: m.MessagesPage })));

// The admin's own screens, above which the outbox's warning is shown (once, where admins look).
const adminScreens: readonly Route['name'][] = [
  'sla-admin',
  'users',
  'mail-admin',
  'message-templates',
  'audit',
  'backup',
];

export function AppShell({ user, demo }: { user: UserDto; demo: boolean }) {
  useLiveUpdates(true);
  // A technician's working view is their day; everyone else starts at the queue.
  const landing = user.role === 'technician' ? 'my-day' : 'queue';
  const route = useRoute(landing);
  const logout = useSessionStart('auth.logout');
  const sections = useMemo(() => navigationFor(user.role), [user.role]);
  const dense = isDenseNavigation(sections);
  const crowded = isCrowdedNavigation(sections);
  const commands = useMemo(() => commandsFor(user.role), [user.role]);
  const current = sections.some((s) => s.views.some((v) => v.route === route.name)) ? route.name : landing;
  const [paletteOpen, setPaletteOpen] = useState(false);
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  useCommandPaletteShortcut(openPalette);
  // Only a technician's own visits make news for their day (see VisitNotifier).
  const unseen = useUnseenChanges(user.id);
  const unseenCount = user.role === 'technician' ? unseen.length : 0;
  const run = (command: Command) => {
    setPaletteOpen(false);
    if (command.action.kind === 'logout') logout.mutate({});
    else navigate({ name: command.action.route });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: { xs: 1, sm: 2 }, px: { xs: 1, sm: 2 } }}>
          {/* On a phone (a technician's device) the views and the user menu need the width more. */}
          <Typography
            variant="h6"
            component="div"
            noWrap
            sx={{ fontSize: 16, fontWeight: 600, flexShrink: 0, display: { xs: 'none', sm: dense ? 'none' : 'block' } }}
          >
            Dispatch Console
          </Typography>
          {/* One tab list per section, its own work first; every view the role may open is one click
              away, and the lists scroll rather than spill over on a narrow window. */}
          <Box
            component="nav"
            aria-label="Views"
            sx={{ display: 'flex', alignItems: 'center', minWidth: 0, overflowX: 'auto', scrollbarWidth: 'thin' }}
          >
            {sections.map((section, i) => (
              <Fragment key={section.name}>
                {i > 0 && (
                  <Divider orientation="vertical" flexItem sx={{ borderColor: 'rgba(255,255,255,.35)', my: 1.25 }} />
                )}
                <Tabs
                  value={section.views.some((v) => v.route === current) ? current : false}
                  onChange={(_e, value: Route['name']) => navigate({ name: value })}
                  textColor="inherit"
                  aria-label={section.name}
                  sx={{ minHeight: 48, flexShrink: 0 }}
                  slotProps={{ indicator: { style: { backgroundColor: '#fff' } } }}
                >
                  {section.views.map((v) => (
                    <Tab
                      key={v.route}
                      value={v.route}
                      label={
                        v.route === 'my-day' && unseenCount > 0 ? (
                          <Badge badgeContent={unseenCount} color="error" sx={{ pr: 1.5 }}>
                            {v.label}
                          </Badge>
                        ) : (
                          v.label
                        )
                      }
                      aria-label={
                        v.route === 'my-day' && unseenCount > 0
                          ? `${v.label}, ${unseenCount} unseen ${unseenCount === 1 ? 'change' : 'changes'}`
                          : undefined
                      }
                      href={`#/${v.route}`}
                      component="a"
                      sx={{
                        minWidth: 0,
                        minHeight: 48,
                        px: dense || narrow ? 0.75 : 1.5,
                        textTransform: 'none',
                        fontSize: 14,
                      }}
                    />
                  ))}
                </Tabs>
              </Fragment>
            ))}
          </Box>
          <Box sx={{ flex: 1, minWidth: 8 }} />
          {/* On a phone the views need the width: the user menu says "demo data" there instead. */}
          {demo && !narrow && (
            <Chip
              size="small"
              color="warning"
              label={dense ? 'Demo' : 'Demo data'}
              title="Demo data: not for real use"
              sx={{ flexShrink: 0 }}
            />
          )}
          <UserMenu
            user={user}
            compact={narrow || crowded}
            demo={demo}
            onLogout={() => logout.mutate({})}
            onOpenPalette={openPalette}
          />
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ flex: 1, minHeight: 0, p: 2, display: 'flex', flexDirection: 'column' }}>
        {user.role === 'admin' && adminScreens.includes(current) && (
          <OutboxWarningBanner onEmailScreen={current === 'mail-admin'} />
        )}
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<CircularProgress aria-label="Loading" sx={{ m: 4 }} />}>
            {current === 'intake' && <IntakePage />}
            {current === 'queue' && <QueuePage user={user} />}
            {current === 'board' && <BoardPage user={user} />}
            {current === 'map' && <MapPage />}
            {current === 'escalations' && <EscalationsPage user={user} />}
            {current === 'technicians' && <TechniciansPage user={user} />}
            {current === 'parts' && <PartsPage user={user} />}
            {current === 'reviews' && <ReviewsPage user={user} />}
            {current === 'reports' && <ReportsPage role={user.role} />}
            {current === 'sla-admin' && <SlaAdminPage />}
            {current === 'my-day' && <MyDayPage user={user} />}
            {current === 'clients' && <ClientsPage />}
            {current === 'audit' && <AuditLogPage />}
            {current === 'users' && <UsersPage />}
            {current === 'mail-admin' && <MailAdminPage />}
            {current === 'message-templates' && <MessageTemplatesPage />}
            {current === 'messages' && <MessagesPage />}
            {current === 'schedule' && <SchedulePage user={user} />}
            {current === 'backup' && <BackupPage />}
          </Suspense>
        </Box>
        {roleIn(access.escalationReaders, user.role) && <EscalationNotifier />}
        {user.role === 'technician' && <VisitNotifier user={user} />}
        {user.role === 'dispatcher' && <NewTicketNotifier />}
      </Box>
      <CommandPalette open={paletteOpen} commands={commands} onRun={run} onClose={() => setPaletteOpen(false)} />
    </Box>
  );
}
