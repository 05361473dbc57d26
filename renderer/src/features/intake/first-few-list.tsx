import Button from '@mui/material/Button';
import List from '@mui/material/List';
import { useState, type ReactNode } from 'react';

/**
 * A list that shows its first few entries whole and says how many more there are, behind a button.
 * At intake it stands in for a scrolling box: a box of fixed height cut an entry mid-line at
 * 1280 × 720 and gave no sign that more followed.
 */
export function FirstFewList({
  label,
  noun,
  shown,
  children,
}: {
  label: string;
  /** What the entries are, singular and plural, for "Show 3 more open tickets". */
  noun: { one: string; many: string };
  shown: number;
  children: ReactNode[];
}) {
  const [all, setAll] = useState(false);
  const hidden = children.length - shown;
  return (
    <>
      <List dense disablePadding aria-label={label}>
        {all ? children : children.slice(0, shown)}
      </List>
      {hidden > 0 && (
        <Button size="small" onClick={() => setAll(!all)} aria-expanded={all} sx={{ mt: 0.5 }}>
          {all ? 'Show fewer' : `Show ${hidden} more ${hidden === 1 ? noun.one : noun.many}`}
        </Button>
      )}
    </>
  );
}
