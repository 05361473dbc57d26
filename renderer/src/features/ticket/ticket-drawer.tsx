import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { PriorityCriteria } from '../../../../shared/domain/sla';
import {
  channelLabels,
  openStatuses,
  priorities,
  priorityLabels,
  statusLabels,
  type TicketDto,
} from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { QuickCreateDialog } from '../../components/quick-create-dialog';
import { SlaStatus } from '../../components/sla-status';
import { call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { TicketVisitHeadline } from '../visits/ticket-visit-headline';
import { TicketVisitsPanel } from '../visits/ticket-visits-panel';
import { TicketDocuments } from '../visit-docs/ticket-documents';
import { ClosureSection } from '../closure/closure-section';
import { TicketTimeline } from '../closure/ticket-timeline';
import { TicketMessages } from '../outbox/ticket-messages';
import { RecommendationsPanel } from './recommendations-panel';
import { SiteLocationNote } from './site-location-note';
import { TicketFeedback } from './ticket-feedback';
import { TicketUpdates } from './ticket-updates';

const criteriaLabels: Record<Exclude<keyof PriorityCriteria, 'usersImpacted'>, string> = {
  serviceOutage: 'Service outage',
  securityRisk: 'Security risk',
  userUnableToWork: 'Someone unable to work',
  intermittentWithWorkaround: 'Intermittent, with a workaround',
  generalQuery: 'General query',
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
}

function answers(criteria: PriorityCriteria): string {
  const ticked = (Object.keys(criteriaLabels) as (keyof typeof criteriaLabels)[])
    .filter((k) => criteria[k])
    .map((k) => criteriaLabels[k]);
  return [...ticked, `${criteria.usersImpacted} user(s) affected`].join(' · ');
}

/** One ticket at a glance beside the queue: SLA, priority and why, and what a coordinator can do. */
export function TicketDrawer({
  ticketId,
  user,
  onClose,
}: {
  ticketId: string | null;
  user: UserDto;
  onClose: () => void;
}) {
  return (
    <Drawer anchor="right" open={ticketId !== null} onClose={onClose} slotProps={{ paper: { sx: { width: 460 } } }}>
      {ticketId && <TicketDetails ticketId={ticketId} user={user} onClose={onClose} />}
    </Drawer>
  );
}

function TicketDetails({ ticketId, user, onClose }: { ticketId: string; user: UserDto; onClose: () => void }) {
  const ticket = useApiQuery('tickets.get', { id: ticketId });
  const canSeeEscalations = roleIn(access.escalationReaders, user.role);
  const canReadMessages = roleIn(access.messageReaders, user.role);
  const canReadFeedback = roleIn(access.feedbackReaders, user.role);
  const escalations = useApiQuery('escalations.list', { open: false, ticketId }, { enabled: canSeeEscalations });
  const [dialog, setDialog] = useState<'override' | 'escalate' | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      ['tickets.get', 'tickets.queue', 'escalations.list'].map((m) => queryClient.invalidateQueries({ queryKey: [m] })),
    );

  if (ticket.isError) return <Alert severity="error">{ticket.error.message}</Alert>;
  if (!ticket.data) return <Typography sx={{ p: 2 }}>Loading…</Typography>;
  const t: TicketDto = ticket.data;

  return (
    <Stack spacing={2} sx={{ p: 2 }} role="region" aria-label={`Ticket ${t.number}`}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t.number}
        </Typography>
        <Chip size="small" label={statusLabels[t.status]} sx={{ mr: 1 }} />
        <IconButton aria-label="Close" onClick={onClose} size="small">
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      <Typography variant="body2">{t.description}</Typography>
      <TicketVisitHeadline ticketId={t.id} />

      <Divider />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <PriorityChip priority={t.priority} />
        <SlaStatus times={t} />
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
        <Field label="Due">{formatDateTime(t.slaDueAt)}</Field>
        <Field label="At risk from">{formatDateTime(t.slaAtRiskAt)}</Field>
        <Field label={t.responseKind === 'remote' ? 'Responded (remote work started)' : 'First arrival on site'}>
          {formatDateTime(t.firstArrivalAt)}
        </Field>
        <Field label="First contact with the client">{formatDateTime(t.firstContactAt)}</Field>
      </Box>
      {t.criteria && <Field label="Intake answers">{answers(t.criteria)}</Field>}
      {t.priorityOverride && (
        <Alert severity="info" variant="outlined">
          Priority set by hand by {t.priorityOverride.by} on {formatDateTime(t.priorityOverride.at)}:{' '}
          {t.priorityOverride.reason}
        </Alert>
      )}
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        {roleIn(access.dispatch, user.role) && (
          <Button size="small" variant="outlined" onClick={() => setDialog('override')}>
            Override priority
          </Button>
        )}
        {roleIn(access.intake, user.role) && !t.firstContactAt && (
          <Button
            size="small"
            variant="outlined"
            onClick={() =>
              void call('tickets.recordFirstContact', { id: t.id, at: new Date().toISOString() }).then(refresh)
            }
          >
            Client contacted now
          </Button>
        )}
        {roleIn(access.escalators, user.role) && (
          <Button size="small" variant="outlined" color="warning" onClick={() => setDialog('escalate')}>
            Escalate
          </Button>
        )}
      </Stack>

      <TicketVisitsPanel ticketId={t.id} user={user} />

      {/* Mounted while the ticket is open, so a booking's confirmation outlives the ranking. */}
      {canSeeEscalations && openStatuses.includes(t.status) && (
        <RecommendationsPanel ticket={t} canBook={roleIn(access.dispatch, user.role)} />
      )}

      <Divider />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
        <Field label="Client">{t.client.name}</Field>
        <Field label="Contact">
          {t.contact ? [t.contact.name, t.contact.phone, t.contact.email].filter(Boolean).join(' · ') : '—'}
        </Field>
        <Field label="Site">{t.site ? `${t.site.name}, ${t.site.address}` : '—'}</Field>
        <Field label="Channel">
          {channelLabels[t.channel]}
          {t.externalRef ? ` (${t.externalRef})` : ''}
        </Field>
        <Field label="Received">{formatDateTime(t.receivedAt)}</Field>
        <Field label="Logged">
          {formatDateTime(t.loggedAt)} by {t.loggedBy.displayName}
        </Field>
      </Box>
      {t.site && openStatuses.includes(t.status) && (
        <SiteLocationNote client={t.client} siteId={t.site.id} canPlace={roleIn(access.directoryEditors, user.role)} />
      )}

      <Divider />
      <TicketDocuments ticketId={t.id} user={user} />

      {canSeeEscalations && (escalations.data?.length ?? 0) > 0 && (
        <>
          <Divider />
          <Typography variant="subtitle2">Escalations</Typography>
          {escalations.data?.map((e) => (
            <Typography key={e.id} variant="body2">
              Level {e.level}, {formatDateTime(e.createdAt)}: {e.reason}
              {e.acknowledgedAt ? ` — acknowledged by ${e.acknowledgedBy ?? ''}` : ' — open'}
            </Typography>
          ))}
        </>
      )}

      {/* What was sent to the client about it (issue 14). */}
      {canReadMessages && (
        <>
          <Divider />
          <TicketMessages ticketId={t.id} />
        </>
      )}
      {/* Updates written or given by phone (issue 14, section 4, item 9); technicians log calls on their own tickets. */}
      {roleIn(access.callLoggers, user.role) && (
        <>
          <Divider />
          <TicketUpdates ticket={t} user={user} />
        </>
      )}

      {/* Closure, review, links and the timeline (issue 6). */}
      <Divider />
      <ClosureSection ticket={t} user={user} />
      {/* The client's feedback after closure (issue 14, item 8). */}
      {canReadFeedback && (
        <>
          <Divider />
          <TicketFeedback ticket={t} user={user} />
        </>
      )}
      <Divider />
      <TicketTimeline ticketId={t.id} siteZone={t.site?.timeZone} canOpenMessages={canReadMessages} />

      <QuickCreateDialog
        open={dialog === 'override'}
        title={`Priority of ${t.number}`}
        initial={{ priority: t.priority }}
        fields={[
          {
            name: 'priority',
            label: 'Priority',
            required: true,
            options: priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
          },
          { name: 'reason', label: 'Why (kept with the ticket)', required: true, multiline: true },
        ]}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await call('tickets.overridePriority', {
            id: t.id,
            priority: (v.priority ?? t.priority) as TicketDto['priority'],
            reason: v.reason ?? '',
          });
          setDialog(null);
          await refresh();
        }}
      />
      <QuickCreateDialog
        open={dialog === 'escalate'}
        title={`Escalate ${t.number} to the client service manager`}
        initial={{ level: '1' }}
        fields={[
          {
            name: 'level',
            label: 'Level',
            options: [
              { value: '1', label: 'Level 1' },
              { value: '2', label: 'Level 2' },
            ],
          },
          { name: 'reason', label: 'Reason', required: true, multiline: true },
        ]}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await call('escalations.create', { ticketId: t.id, level: v.level === '2' ? 2 : 1, reason: v.reason ?? '' });
          setDialog(null);
          await refresh();
        }}
      />
    </Stack>
  );
}
