import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { statusLabels } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { useApiQuery } from '../../transport/queries';
import { FirstFewList } from './first-few-list';
import { RecentlyClosedList } from './recently-closed-list';
import type { SameIssue } from './same-issue-button';
import { SameIssueItem } from './same-issue-item';

export type { SameIssue } from './same-issue-button';

// As many as fit whole beside the form at 1280 × 720, with the closed ones below them.
const openShown = 3;

/**
 * The client's open tickets, then those closed lately, shown before saving so the same problem is
 * not logged twice. A caller reporting one of them again can be marked "same issue" in one click:
 * the new request is then linked to it when saved (tickets.link), so both show the link.
 */
export function OpenTicketsPanel({
  clientId,
  clientName,
  sameIssue,
  onSameIssue,
}: {
  clientId: string;
  clientName: string;
  sameIssue: SameIssue | null;
  onSameIssue: (ticket: SameIssue | null) => void;
}) {
  const open = useApiQuery('tickets.queue', { clientId });
  const closed = useApiQuery('tickets.recentlyClosed', { clientId });
  const tickets = open.data ?? [];
  const closedTickets = closed.data ?? [];
  const anything = tickets.length + closedTickets.length > 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Open tickets of this client">
      <Typography variant="subtitle1" gutterBottom>
        Open tickets of {clientName}
      </Typography>
      {(open.isPending || closed.isPending) && <Typography variant="body2">Loading…</Typography>}
      {open.isError && <Alert severity="error">{open.error.message}</Alert>}
      {closed.isError && <Alert severity="error">{closed.error.message}</Alert>}
      {open.isSuccess && closed.isSuccess && !anything && (
        <Typography variant="body2" color="text.secondary">
          None: this is a new problem.
        </Typography>
      )}
      {open.isSuccess && tickets.length === 0 && closedTickets.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          None open.
        </Typography>
      )}
      {tickets.length > 0 && (
        <>
          <Alert severity="warning" sx={{ mb: 1 }}>
            {tickets.length === 1 ? 'One open ticket' : `${tickets.length} open tickets`}: is the caller reporting one
            of these again?
          </Alert>
          <FirstFewList label="Open tickets" noun={{ one: 'open ticket', many: 'open tickets' }} shown={openShown}>
            {tickets.map((t) => (
              <SameIssueItem
                key={t.id}
                ticket={{ id: t.id, number: t.number }}
                chip={<PriorityChip priority={t.priority} />}
                caption={`${statusLabels[t.status]} · ${formatDateTime(t.receivedAt)}${t.siteName ? ` · ${t.siteName}` : ''}`}
                summary={t.summary}
                sameIssue={sameIssue}
                onSameIssue={onSameIssue}
              />
            ))}
          </FirstFewList>
        </>
      )}
      {closedTickets.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            Closed lately: the same issue again?
          </Typography>
          <RecentlyClosedList tickets={closedTickets} sameIssue={sameIssue} onSameIssue={onSameIssue} />
        </>
      )}
      {sameIssue && anything && (
        <Typography variant="body2" sx={{ mt: 1 }} role="status" aria-label="Same issue">
          The new request will be linked to {sameIssue.number} when saved.
        </Typography>
      )}
    </Paper>
  );
}
