import AddIcon from '@mui/icons-material/Add';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ClientDto, ClientListItem } from '../../../../shared/domain/directory';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useApiQuery } from '../../transport/queries';
import { ClientContacts } from './client-contacts';
import { ClientForm } from './client-form';
import { ClientMessagePreferences } from './client-message-preferences';
import { ClientSites } from './client-sites';

const PAGE = 50;

function counts(c: ClientListItem): string {
  const sites = c.siteCount === 1 ? '1 site' : `${c.siteCount} sites`;
  const contacts = c.contactCount === 1 ? '1 contact' : `${c.contactCount} contacts`;
  return [c.phone, sites, contacts].filter(Boolean).join(' · ');
}

/**
 * Admin → Clients: find a client by name, phone or e-mail, correct its details and its contacts
 * (retiring those who left), and maintain its sites (address, coordinates, access requirements and access hours). Edits reach other consoles
 * through directory.changed / site.changed.
 */
export function ClientsPage() {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 200);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ClientDto | 'new' | null>(null);
  useEffect(() => setOffset(0), [query]);
  const list = useApiQuery('clients.list', { query, limit: PAGE, offset });
  const rows = list.data?.clients ?? [];
  const total = list.data?.total ?? 0;
  // The list is refetched when anyone saves a client: show the newest version of the open one.
  const open =
    selected === 'new' || selected === null ? selected : (rows.find((c) => c.id === selected.id) ?? selected);

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 340px) 1fr', gap: 2, height: '100%' }}>
      <Paper variant="outlined" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Stack direction="row" spacing={1} sx={{ p: 1.5, pb: 1, alignItems: 'center' }}>
          <Typography variant="h6" component="h1" sx={{ fontSize: 18 }}>
            Clients
          </Typography>
          <Button
            size="small"
            variant="contained"
            startIcon={<AddIcon />}
            sx={{ ml: 'auto !important' }}
            onClick={() => setSelected('new')}
          >
            New client
          </Button>
        </Stack>
        <Box sx={{ px: 1.5, pb: 1 }}>
          <TextField
            size="small"
            fullWidth
            placeholder="Name, phone or e-mail"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            slotProps={{
              htmlInput: { 'aria-label': 'Search clients' },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
        </Box>
        {list.isError && <Alert severity="error">{list.error.message}</Alert>}
        <List dense aria-label="Clients" sx={{ flex: 1, minHeight: 0, overflow: 'auto', py: 0 }}>
          {list.isSuccess && rows.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
              {query ? `No client matches “${query}”.` : 'No clients yet.'}
            </Typography>
          )}
          {rows.map((c) => (
            <ListItemButton
              key={c.id}
              selected={open !== 'new' && open?.id === c.id}
              onClick={() => setSelected(c)}
              divider
            >
              <ListItemText
                primary={c.name}
                secondary={counts(c)}
                slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
              />
            </ListItemButton>
          ))}
        </List>
        <Stack direction="row" sx={{ alignItems: 'center', px: 1.5, py: 0.5, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="caption" color="text.secondary" aria-live="polite">
            {total === 0 ? '0 clients' : `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}`}
          </Typography>
          <IconButton
            size="small"
            sx={{ ml: 'auto' }}
            aria-label="Previous page"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            <ChevronLeftIcon fontSize="small" />
          </IconButton>
          <IconButton
            size="small"
            aria-label="Next page"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            <ChevronRightIcon fontSize="small" />
          </IconButton>
        </Stack>
      </Paper>
      <Box sx={{ minHeight: 0, overflow: 'auto' }}>
        {open === null && (
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Typography color="text.secondary">
              Pick a client to correct its details and contacts, and maintain its sites: addresses, coordinates, access
              requirements and the hours technicians may work there.
            </Typography>
          </Paper>
        )}
        {open === 'new' && (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>
              New client
            </Typography>
            <ClientForm client={null} onSaved={(created) => setSelected(created)} onCancel={() => setSelected(null)} />
          </Paper>
        )}
        {open !== null && open !== 'new' && (
          <Stack spacing={2}>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>
                {open.name}
              </Typography>
              <ClientForm key={open.id} client={open} onSaved={(saved) => setSelected(saved)} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <ClientContacts client={open} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <ClientSites client={open} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <ClientMessagePreferences key={open.id} client={open} />
            </Paper>
          </Stack>
        )}
      </Box>
    </Box>
  );
}
