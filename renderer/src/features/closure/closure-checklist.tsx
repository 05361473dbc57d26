import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import type { ClosureRequirement } from '../../../../shared/domain/closure';
import { inReadersWords } from '../../components/readers-words';

/** SOP section 6 as a list: each line says met or missing in words and with its icon, not by colour alone. */
export function ClosureChecklist({
  requirements,
  siteZone,
}: {
  requirements: ClosureRequirement[];
  /** The zone the ticket's site keeps, when known: times in the details read as everywhere else. */
  siteZone?: string | null;
}) {
  return (
    <List dense disablePadding aria-label="Closure checklist">
      {requirements.map((r) => (
        <ListItem
          key={r.key}
          disableGutters
          sx={{ alignItems: 'flex-start' }}
          data-requirement={r.key}
          data-met={r.met}
        >
          <ListItemIcon sx={{ minWidth: 28, mt: 0.5 }}>
            {r.met ? (
              <CheckCircleIcon fontSize="small" color="success" titleAccess="Done" />
            ) : (
              <CancelIcon fontSize="small" color="error" titleAccess="Missing" />
            )}
          </ListItemIcon>
          <ListItemText
            primary={`${r.met ? 'Done' : 'Missing'}: ${r.label}`}
            secondary={inReadersWords(r.detail, r.times, siteZone)}
            slotProps={{ primary: { variant: 'body2', sx: { fontWeight: r.met ? 400 : 600 } } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
