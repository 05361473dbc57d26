import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import {
  resolutionMethodLabels,
  resolutionMethods,
  reviewTagLabels,
  slaAdherenceText,
  type ClosureRequirement,
  type ResolutionMethod,
  type TicketLinkDto,
} from '../../../../shared/domain/closure';
import type { UserDto } from '../../../../shared/domain/directory';
import { openStatuses, statusLabels, ticketStatuses, type TicketDto } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { QuickCreateDialog } from '../../components/quick-create-dialog';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { inReadersWords } from '../../components/readers-words';
import { ClosureChecklist } from './closure-checklist';
import { RemoteResolutionDialog } from './remote-resolution-dialog';
import { RemoteResolutionSummary } from './remote-resolution-summary';
import { ReviewDialog } from './review-dialog';

const DAY = 86_400_000;

type Dialog = 'confirm' | 'remote' | 'close' | 'reopen' | 'link' | 'review' | null;

/**
 * SOP section 6 and step 8 on the ticket: what closing still needs, the client's confirmation,
 * closing, and once closed its SLA adherence, review and reopening; and the tickets about the same issue.
 */
export function ClosureSection({ ticket: t, user }: { ticket: TicketDto; user: UserDto }) {
  const isOpen = openStatuses.includes(t.status) || t.status === 'resolved';
  const check = useApiQuery('tickets.closureCheck', { ticketId: t.id }, { enabled: isOpen });
  const settings = useApiQuery('closure.settings', {});
  // A visit that completed resolved the ticket on site: there is no remote resolution to record.
  const visits = useApiQuery('visits.forTicket', { ticketId: t.id }, { enabled: isOpen });
  const resolvedOnSite = visits.data?.some((v) => v.status === 'completed') ?? false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [missing, setMissing] = useState<{ label: string; detail: string; times?: string[] }[] | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      [
        'tickets.get',
        'tickets.closureCheck',
        'tickets.timeline',
        'tickets.queue',
        'reviews.pending',
        'reviews.completed',
      ].map((m) => queryClient.invalidateQueries({ queryKey: [m] })),
    );
  const closure = t.status === 'closed' && t.closure && !t.closure.reopenedAt ? t.closure : null;
  const reopenUntil =
    closure && settings.data ? new Date(Date.parse(closure.closedAt) + settings.data.reopenWindowDays * DAY) : null;
  const canReopen = roleIn(access.closers, user.role) && reopenUntil !== null && reopenUntil.getTime() > Date.now();

  const showMissing = (requirements: ClosureRequirement[]) =>
    setMissing(requirements.filter((r) => !r.met).map((r) => ({ label: r.label, detail: r.detail, times: r.times })));

  return (
    <Stack spacing={1.5} component="section" aria-label="Closure">
      <Typography variant="subtitle2" component="h3">
        Closure
      </Typography>

      {closure && (
        <Box component="section" aria-label="Closed">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip
              size="small"
              label={slaAdherenceText(closure)}
              color={closure.slaOutcome === 'met' ? 'success' : closure.slaOutcome === 'missed' ? 'error' : 'default'}
              variant="outlined"
            />
            {closure.resolvedRemotely && <Chip size="small" variant="outlined" label="Resolved remotely" />}
            {closure.firstTimeFix && <Chip size="small" variant="outlined" color="success" label="First-time fix" />}
            <Typography variant="body2">
              Closed {formatDateTime(closure.closedAt)} by {closure.closedBy}
            </Typography>
          </Stack>
          {closure.resolutionSummary && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Resolution: {closure.resolutionSummary}
            </Typography>
          )}
          {closure.resolvedRemotely && t.remoteResolution && (
            <Box sx={{ mt: 1 }}>
              <RemoteResolutionSummary resolution={t.remoteResolution} />
            </Box>
          )}
          {closure.review ? (
            <Alert severity="info" variant="outlined" sx={{ mt: 1 }} aria-label="Review">
              Reviewed {formatDateTime(closure.review.reviewedAt)} by {closure.review.reviewedBy}:{' '}
              {closure.review.sopFollowed ? 'SOP followed.' : 'SOP not followed.'} {closure.review.note}
              {closure.review.tags.length > 0 &&
                ` (${closure.review.tags.map((tag) => reviewTagLabels[tag]).join(', ')})`}
            </Alert>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Awaiting review.
            </Typography>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            {!closure.review && roleIn(access.managers, user.role) && (
              <Button size="small" variant="contained" onClick={() => setDialog('review')}>
                Review
              </Button>
            )}
            {canReopen && (
              <Button size="small" variant="outlined" onClick={() => setDialog('reopen')}>
                Reopen
              </Button>
            )}
          </Stack>
          {reopenUntil && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
              {reopenUntil.getTime() > Date.now()
                ? `Can be reopened until ${formatDateTime(reopenUntil.toISOString())}.`
                : `The reopen window ended ${formatDateTime(reopenUntil.toISOString())}; log a new request and link it to this ticket.`}
            </Typography>
          )}
        </Box>
      )}

      {isOpen && (
        <>
          {t.closure?.reopenedAt && (
            <Alert severity="warning" variant="outlined">
              Reopened {formatDateTime(t.closure.reopenedAt)} by {t.closure.reopenedBy}: {t.closure.reopenReason}
            </Alert>
          )}
          {t.remoteResolution?.current && <RemoteResolutionSummary resolution={t.remoteResolution} />}
          {check.isError && <Alert severity="error">{check.error.message}</Alert>}
          {check.data && <ClosureChecklist requirements={check.data.requirements} siteZone={t.site?.timeZone} />}
          {missing && (
            <Alert severity="error" onClose={() => setMissing(null)} aria-label="Cannot close yet">
              Cannot close yet. Missing:
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {missing.map((m) => (
                  <li key={m.label}>
                    <strong>{m.label}</strong>: {inReadersWords(m.detail, m.times ?? [], t.site?.timeZone)}
                  </li>
                ))}
              </Box>
            </Alert>
          )}
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {roleIn(access.followUp, user.role) && (
              <Button size="small" variant="outlined" onClick={() => setDialog('confirm')}>
                Record client confirmation
              </Button>
            )}
            {openStatuses.includes(t.status) && !resolvedOnSite && roleIn(access.intake, user.role) && (
              <Button size="small" variant="outlined" onClick={() => setDialog('remote')}>
                Resolved without a visit…
              </Button>
            )}
            {roleIn(access.closers, user.role) && (
              <Button
                size="small"
                variant="contained"
                disabled={!check.data}
                onClick={() => {
                  if (check.data && !check.data.ready) showMissing(check.data.requirements);
                  else {
                    setMissing(null);
                    setDialog('close');
                  }
                }}
              >
                Close ticket
              </Button>
            )}
          </Stack>
        </>
      )}

      <TicketLinks ticket={t} canLink={roleIn(access.followUp, user.role)} onLink={() => setDialog('link')} />

      <QuickCreateDialog
        open={dialog === 'confirm'}
        title={`Client confirmed ${t.number} is resolved`}
        initial={{ confirmedBy: t.contact?.name ?? '', method: 'phone' }}
        fields={[
          { name: 'confirmedBy', label: 'Who confirmed (client person)', required: true },
          {
            name: 'method',
            label: 'How',
            required: true,
            options: resolutionMethods.map((m) => ({ value: m, label: resolutionMethodLabels[m] })),
          },
          { name: 'note', label: 'Note', multiline: true },
        ]}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await call('tickets.confirmResolution', {
            ticketId: t.id,
            confirmedBy: v.confirmedBy ?? '',
            method: (v.method ?? 'phone') as ResolutionMethod,
            note: v.note ?? null,
          });
          setDialog(null);
          await refresh();
        }}
      />
      <QuickCreateDialog
        open={dialog === 'close'}
        title={`Close ${t.number}`}
        initial={{}}
        fields={[{ name: 'resolutionSummary', label: 'Resolution summary (optional)', multiline: true }]}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          try {
            await call('tickets.close', {
              ticketId: t.id,
              expectedVersion: t.version,
              resolutionSummary: v.resolutionSummary ?? null,
            });
          } catch (caught) {
            // Something changed since the checklist was read: show the server's list beside it.
            if (caught instanceof ApiCallError && caught.error.issues?.some((i) => i.path[0] === 'requirements')) {
              setMissing(caught.error.issues.map((i) => ({ label: String(i.path[1]), detail: i.message })));
              setDialog(null);
              await refresh();
              return;
            }
            throw caught;
          }
          setDialog(null);
          await refresh();
        }}
      />
      <QuickCreateDialog
        open={dialog === 'reopen'}
        title={`Reopen ${t.number}`}
        initial={{}}
        fields={[{ name: 'reason', label: 'Why is it reopened?', required: true, multiline: true }]}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          await call('tickets.reopen', { ticketId: t.id, reason: v.reason ?? '' });
          setDialog(null);
          await refresh();
        }}
      />
      {dialog === 'remote' && <RemoteResolutionDialog ticket={t} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'link' && <LinkDialog ticket={t} onClose={() => setDialog(null)} onSaved={refresh} />}
      <ReviewDialog
        ticketId={t.id}
        number={t.number}
        open={dialog === 'review'}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
    </Stack>
  );
}

function TicketLinks({ ticket: t, canLink, onLink }: { ticket: TicketDto; canLink: boolean; onLink: () => void }) {
  if (t.links.length === 0 && !canLink) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
      aria-label="Linked tickets"
    >
      <Typography variant="body2" color="text.secondary">
        Linked:
      </Typography>
      {t.links.length === 0 && <Typography variant="body2">no linked tickets</Typography>}
      {t.links.map((l) => (
        <Chip key={l.ticketId} size="small" variant="outlined" label={linkLabel(l)} />
      ))}
      {canLink && (
        <Button size="small" onClick={onLink}>
          Link to an earlier ticket
        </Button>
      )}
    </Stack>
  );
}

/** "Same issue as T-… (closed …)" for the ticket followed up, "Followed up by T-… (New)" for a later one. */
function linkLabel(l: TicketLinkDto): string {
  const state = l.status === 'closed' && l.closedAt ? `closed ${formatDateTime(l.closedAt)}` : statusLabels[l.status];
  return `${l.direction === 'earlier' ? 'Same issue as' : 'Followed up by'} ${l.number} (${state})`;
}

/** Picks an earlier ticket of the same client (open or closed) that this request follows up. */
function LinkDialog({
  ticket: t,
  onClose,
  onSaved,
}: {
  ticket: TicketDto;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const candidates = useApiQuery('tickets.queue', {
    clientId: t.client.id,
    statuses: ticketStatuses.filter((s) => s !== 'cancelled'),
  });
  const linked = new Set(t.links.map((l) => l.ticketId));
  const options = (candidates.data ?? [])
    .filter((c) => c.id !== t.id && !linked.has(c.id) && c.receivedAt <= t.receivedAt)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    .map((c) => ({ value: c.id, label: `${c.number} · ${statusLabels[c.status]} · ${c.summary.slice(0, 60)}` }));
  return (
    <QuickCreateDialog
      open
      title={`Link ${t.number} to an earlier ticket about the same issue`}
      initial={{}}
      fields={[
        {
          name: 'earlierTicketId',
          label: options.length > 0 ? 'Earlier ticket of this client' : 'No earlier ticket of this client',
          required: true,
          options,
        },
      ]}
      onCancel={onClose}
      onSubmit={async (v) => {
        await call('tickets.link', { ticketId: t.id, earlierTicketId: v.earlierTicketId ?? '' });
        onClose();
        await onSaved();
      }}
    />
  );
}
