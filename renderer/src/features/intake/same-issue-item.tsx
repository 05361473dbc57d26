import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { SameIssueButton, type SameIssue } from './same-issue-button';

/**
 * One earlier ticket of the caller's client at intake, open or closed: its number, a chip, a line
 * of when and where, its summary, and the "same issue" toggle.
 */
export function SameIssueItem({
  ticket,
  chip,
  caption,
  summary,
  sameIssue,
  onSameIssue,
}: {
  ticket: SameIssue;
  chip: ReactNode;
  caption: ReactNode;
  summary: string;
  sameIssue: SameIssue | null;
  onSameIssue: (ticket: SameIssue | null) => void;
}) {
  const chosen = sameIssue?.id === ticket.id;
  return (
    <ListItem
      disableGutters
      divider
      secondaryAction={
        <SameIssueButton number={ticket.number} chosen={chosen} onToggle={() => onSameIssue(chosen ? null : ticket)} />
      }
      sx={{ pr: 15 }}
    >
      <ListItemText
        primary={
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {ticket.number}
            </Typography>
            {chip}
            <Typography variant="caption" color="text.secondary">
              {caption}
            </Typography>
          </Stack>
        }
        secondary={summary}
      />
    </ListItem>
  );
}
