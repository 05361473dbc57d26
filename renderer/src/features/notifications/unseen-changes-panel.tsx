import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { unseenKindLabels, type UnseenChange, type UnseenKind } from './unseen-changes';
import { markSeen } from './unseen-store';

const chipColor: Record<UnseenKind, 'info' | 'warning' | 'success'> = {
  new: 'success',
  changed: 'info',
  cancelled: 'warning',
  removed: 'warning',
};

// A cancelled visit, or one the technician was taken off, is no longer on their day to be shown.
const onTheDay = (kind: UnseenKind) => kind === 'new' || kind === 'changed';

export function UnseenChip({ kind }: { kind: UnseenKind }) {
  return <Chip size="small" color={chipColor[kind]} label={unseenKindLabels[kind]} />;
}

/**
 * What changed in the technician's visits since they last looked, on any day: each with a way to
 * the day it is on, and one button to say they have seen it all.
 */
export function UnseenChangesPanel({
  userId,
  changes,
  zone,
  onShowDay,
}: {
  userId: string;
  changes: readonly UnseenChange[];
  zone: string;
  onShowDay: (day: string) => void;
}) {
  if (changes.length === 0) return null;
  return (
    <Alert
      severity="info"
      variant="outlined"
      role="region"
      aria-label="Changes to your visits"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() =>
            markSeen(
              userId,
              changes.map((c) => c.visitId),
            )
          }
        >
          Mark all as seen
        </Button>
      }
    >
      <AlertTitle>
        {changes.length === 1 ? 'One change to your visits' : `${changes.length} changes to your visits`}
      </AlertTitle>
      <List dense disablePadding>
        {changes.map((change) => {
          const start = change.startsAt ? DateTime.fromISO(change.startsAt, { zone }) : null;
          return (
            <ListItem key={change.visitId} disableGutters sx={{ gap: 1, flexWrap: 'wrap' }}>
              <UnseenChip kind={change.kind} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {change.ticketNumber}
              </Typography>
              {start?.isValid && <Typography variant="body2">{start.toFormat('ccc d LLL, HH:mm')}</Typography>}
              {start?.isValid && onTheDay(change.kind) && (
                <Button size="small" onClick={() => onShowDay(start.toISODate())}>
                  Show day
                </Button>
              )}
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
}
