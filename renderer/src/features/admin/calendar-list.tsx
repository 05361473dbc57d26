import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CalendarScope } from '../../../../shared/domain/sla-settings';

export interface CalendarListItem {
  key: string;
  scope: CalendarScope;
  name: string;
  detail: string;
  unsaved: boolean;
}

const groupLabels: Record<CalendarScope['kind'], string> = {
  default: 'Organization default',
  client: 'Client overrides',
  site: 'Site overrides',
};

/** The stored calendars, the default first; a new override not saved yet is listed too. */
export function CalendarList({
  items,
  selectedKey,
  loading,
  error,
  onSelect,
  onAdd,
}: {
  items: CalendarListItem[];
  selectedKey: string | null;
  loading: boolean;
  error: string | undefined;
  onSelect: (key: string) => void;
  onAdd: () => void;
}) {
  const kinds = (['default', 'client', 'site'] as const).filter((kind) => items.some((i) => i.scope.kind === kind));
  return (
    <Paper variant="outlined" component="nav" aria-label="Business calendars" sx={{ minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', px: 2, pt: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          Business calendars
        </Typography>
      </Stack>
      {loading && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
          Loading…
        </Typography>
      )}
      {error && (
        <Alert severity="error" sx={{ mx: 2 }}>
          {error}
        </Alert>
      )}
      <List dense disablePadding>
        {kinds.map((kind) => (
          <li key={kind}>
            <ul style={{ padding: 0 }}>
              <ListSubheader sx={{ lineHeight: '28px', bgcolor: 'transparent' }}>{groupLabels[kind]}</ListSubheader>
              {items
                .filter((i) => i.scope.kind === kind)
                .map((item) => (
                  <ListItemButton
                    key={item.key}
                    selected={item.key === selectedKey}
                    aria-current={item.key === selectedKey ? 'true' : undefined}
                    onClick={() => onSelect(item.key)}
                    sx={{ py: 0.25 }}
                  >
                    <ListItemText
                      primary={item.name || 'Untitled calendar'}
                      secondary={item.unsaved ? 'Not saved yet' : item.detail}
                      slotProps={{
                        primary: { noWrap: true, sx: { fontStyle: item.unsaved ? 'italic' : undefined } },
                        secondary: { noWrap: true, variant: 'caption' },
                      }}
                    />
                  </ListItemButton>
                ))}
            </ul>
          </li>
        ))}
      </List>
      {!loading && !items.some((i) => i.scope.kind !== 'default') && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 2, py: 1 }}>
          No client or site has its own calendar: the default applies to all.
        </Typography>
      )}
      <Stack sx={{ p: 1.5, pt: 1 }}>
        <Button variant="outlined" startIcon={<AddIcon fontSize="small" />} onClick={onAdd}>
          Add override
        </Button>
      </Stack>
    </Paper>
  );
}
