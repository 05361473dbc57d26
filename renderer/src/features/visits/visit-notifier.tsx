import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { DispatchEvent, VisitChange } from '../../../../shared/api/events';
import type { UserDto } from '../../../../shared/domain/directory';
import type { VisitDto } from '../../../../shared/domain/visit';
import { formatDateTime } from '../../components/format-time';
import { navigate } from '../../app/router';
import { call, subscribe } from '../../transport/client';
import { notifyDesktop } from '../notifications/desktop-notifications';
import { unseenKindOf } from '../notifications/unseen-changes';
import { recordUnseen } from '../notifications/unseen-store';

type VisitChanged = Extract<DispatchEvent, { type: 'visit.changed' }>;

const headline: Record<VisitChange, string> = {
  booked: 'New visit for you',
  rescheduled: 'Your visit changed',
  cancelled: 'Your visit was cancelled',
  checklist: 'Visit details confirmed',
  status: 'Visit status changed',
};

/** What was confirmed about access, in words, so the technician knows before driving out. */
function accessLine(visit: VisitDto): string | null {
  const a = visit.checklist.access;
  const confirmed = [
    a.badge && 'badge',
    a.escort && 'escort',
    a.parking && 'parking',
    a.openingHours && 'opening hours',
  ]
    .filter(Boolean)
    .join(', ');
  const parts = [confirmed && `confirmed: ${confirmed}`, a.notes].filter(Boolean);
  return parts.length > 0 ? `Access ${parts.join('; ')}` : null;
}

/** The few lines a desktop notification has room for: when, where, for whom. */
function desktopBody(visit: VisitDto): string {
  const where = visit.site ? `${visit.site.name}, ${visit.site.address}` : visit.clientName;
  return `${formatDateTime(visit.startsAt)} (${visit.durationMinutes} min)\n${where}\n${visit.ticketSummary}`;
}

/**
 * Tells a technician at once when a visit of theirs is booked, moved or cancelled, with what they
 * need to go: ticket, client, address, time and access; on the desktop too when the console is not
 * in front, and on "My day" until they have seen it. Their technician record is the one linked to
 * their login; the event names everyone on the crew before and after the change.
 */
export function VisitNotifier({ user }: { user: UserDto }) {
  const [shown, setShown] = useState<{ event: VisitChanged; visit: VisitDto | null } | null>(null);
  useEffect(() => {
    let mine: Promise<Set<string>> | null = null;
    const myTechnicianIds = () =>
      (mine ??= call('technicians.list', {}).then(
        (all) => new Set(all.filter((t) => t.userId === user.id).map((t) => t.id)),
      ));
    return subscribe('visit.changed', (event) => {
      if (event.type !== 'visit.changed') return;
      void myTechnicianIds().then(async (ids) => {
        if (!event.technicianIds.some((id) => ids.has(id))) return;
        const visits = await call('visits.forTicket', { ticketId: event.ticketId }).catch(() => []);
        const visit = visits.find((v) => v.id === event.visitId) ?? null;
        // A technician pressing a status button needs no news of it; a change a dispatcher
        // recorded for them (or a crew mate's) is news.
        if (event.change === 'status' && visit?.statusHistory.at(-1)?.recordedBy.id === user.id) return;
        setShown({ event, visit });
        const onCrew = visit?.crew.some((c) => ids.has(c.technicianId)) ?? false;
        recordUnseen(user.id, {
          visitId: event.visitId,
          ticketNumber: event.number,
          kind: unseenKindOf(event.change, onCrew),
          startsAt: visit?.startsAt ?? null,
        });
        notifyDesktop({
          title: `${headline[event.change]}: ${event.number}`,
          body: visit ? desktopBody(visit) : '',
          tag: `visit:${event.visitId}`,
          onClick: () => navigate({ name: 'my-day' }),
        });
      });
    });
  }, [user.id]);

  const visit = shown?.visit ?? null;
  return (
    <Snackbar open={shown !== null} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
      <Alert
        severity={shown?.event.change === 'cancelled' ? 'warning' : 'info'}
        variant="filled"
        onClose={() => setShown(null)}
        role="alert"
        aria-label="Visit notification"
        sx={{ maxWidth: 460 }}
      >
        {shown && (
          <>
            <AlertTitle>
              {headline[shown.event.change]}: {shown.event.number}
            </AlertTitle>
            {visit && (
              <>
                <Typography variant="body2">
                  {formatDateTime(visit.startsAt)} ({visit.durationMinutes} min) · {visit.clientName}
                </Typography>
                {visit.site && (
                  <Typography variant="body2">
                    {visit.site.name}, {visit.site.address}
                  </Typography>
                )}
                <Typography variant="body2">{visit.ticketSummary}</Typography>
                {accessLine(visit) && <Typography variant="body2">{accessLine(visit)}</Typography>}
                {visit.crew.length > 1 && (
                  <Typography variant="body2">Crew: {visit.crew.map((c) => c.name).join(', ')}</Typography>
                )}
              </>
            )}
          </>
        )}
      </Alert>
    </Snackbar>
  );
}
