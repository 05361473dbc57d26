import Chip from '@mui/material/Chip';
import type { RecentlyClosedTicketDto } from '../../../../shared/domain/closure';
import { formatDateTime } from '../../components/format-time';
import { FirstFewList } from './first-few-list';
import type { SameIssue } from './same-issue-button';
import { SameIssueItem } from './same-issue-item';

// Below the open ones: what still fits whole at 1280 × 720.
const closedShown = 1;

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
    <FirstFewList
      label="Recently closed tickets"
      noun={{ one: 'closed ticket', many: 'closed tickets' }}
      shown={closedShown}
    >
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
    </FirstFewList>
  );
}
