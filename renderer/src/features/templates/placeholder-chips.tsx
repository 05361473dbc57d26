import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { MessagePlaceholder } from '../../../../shared/domain/messages';
import { placeholderTag } from './placeholder-insert';

/**
 * The placeholders a template may use, as the server lists them: a click, or Enter on one reached
 * with Tab, puts it at the cursor of the field last typed in. What each holds is its tooltip.
 */
export function PlaceholderChips({
  placeholders,
  onInsert,
}: {
  placeholders: readonly { name: MessagePlaceholder; description: string }[];
  onInsert: (name: MessagePlaceholder) => void;
}) {
  return (
    <Box component="section" aria-labelledby="placeholders-title">
      <Typography id="placeholders-title" variant="subtitle2" component="h3">
        Placeholders
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        Click one to insert it at the cursor. Hover or focus one to see what it holds.
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
        {placeholders.map((p) => (
          <Tooltip key={p.name} title={p.description} placement="top" describeChild>
            <Chip
              size="small"
              variant="outlined"
              label={placeholderTag(p.name)}
              aria-label={`Insert ${placeholderTag(p.name)}`}
              onClick={() => onInsert(p.name)}
              // Keeps the caret in the field for a mouse click; the keyboard path refocuses it.
              onMouseDown={(e) => e.preventDefault()}
              sx={{ fontFamily: 'monospace', fontSize: 12 }}
            />
          </Tooltip>
        ))}
      </Box>
    </Box>
  );
}
