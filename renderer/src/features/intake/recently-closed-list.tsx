import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import type { RecentlyClosedTicketDto } from '../../../../shared/domain/closure';
import { formatDateTime } from '../../components/format-time';
import type { SameIssue } from './same-issue-button';
import { SameIssueItem } from './same-issue-item';

/**
 * The client's lately closed tickets, after the open ones. A caller reporting one again is linked
 * to it like an open one; reopening stays a dispatcher's call in the ticket panel, so a ticket
 * still within its reopen window only says until when.
 */
export function RecentlyClosedList({
  tickets,
  sameIssue,
  onSameIssue,
}: {
  tickets: RecentlyClosedTicketDto[];
  sameIssue: SameIssue | null;
  onSameIssue: (ticket: SameIssue | null) => void;
}) {
  return (
    <List dense disablePadding aria-label="Recently closed tickets" sx={{ maxHeight: 280, overflow: 'auto' }}>
      {tickets.map((t) => (
        <SameIssueItem
          key={t.ticketId}
          ticket={{ id: t.ticketId, number: t.number }}
          chip={<Chip size="small" label="Closed" />}
          caption={`Closed ${formatDateTime(t.closedAt)}${
            t.withinReopenWindow ? ` · a dispatcher may reopen it until ${formatDateTime(t.reopenableUntil)}` : ''
          }`}
          summary={t.summary}
          sameIssue={sameIssue}
          onSameIssue={onSameIssue}
        />
      ))}
    </List>
  );
}
