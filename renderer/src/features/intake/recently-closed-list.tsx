import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RecentlyClosedTicketDto } from '../../../../shared/domain/closure';
import { formatDateTime } from '../../components/format-time';
import { SameIssueButton, type SameIssue } from './same-issue-button';

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
      {tickets.map((t) => {
        const chosen = sameIssue?.id === t.ticketId;
        return (
          <ListItem
            key={t.ticketId}
            disableGutters
            divider
            secondaryAction={
              <SameIssueButton
                number={t.number}
                chosen={chosen}
                onToggle={() => onSameIssue(chosen ? null : { id: t.ticketId, number: t.number })}
              />
            }
            sx={{ pr: 15 }}
          >
            <ListItemText
              primary={
                <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {t.number}
                  </Typography>
                  <Chip size="small" label="Closed" />
                  <Typography variant="caption" color="text.secondary">
                    Closed {formatDateTime(t.closedAt)}
                    {t.withinReopenWindow
                      ? ` · a dispatcher may reopen it until ${formatDateTime(t.reopenableUntil)}`
                      : ''}
                  </Typography>
                </Stack>
              }
              secondary={t.summary}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
