import LinkIcon from '@mui/icons-material/Link';
import Button from '@mui/material/Button';

/** An earlier ticket the new request is about, linked to it once the request is saved. */
export interface SameIssue {
  id: string;
  number: string;
}

/** The one-click "same issue" toggle of an earlier ticket at intake, open or closed alike. */
export function SameIssueButton({
  number,
  chosen,
  onToggle,
}: {
  number: string;
  chosen: boolean;
  onToggle: () => void;
}) {
  return (
    <Button
      size="small"
      variant={chosen ? 'contained' : 'outlined'}
      startIcon={chosen ? <LinkIcon /> : undefined}
      aria-pressed={chosen}
      aria-label={`Same issue as ${number}`}
      onClick={onToggle}
    >
      Same issue
    </Button>
  );
}
