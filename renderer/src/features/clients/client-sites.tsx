import AddIcon from '@mui/icons-material/Add';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ClientDto, SiteDto } from '../../../../shared/domain/directory';
import { useApiQuery } from '../../transport/queries';
import { shiftSummary } from '../technicians/technician-format';
import { SiteDialogForm } from './site-dialog';

function coordinatesText(site: SiteDto): string {
  if (site.latitude === null || site.longitude === null) return 'No coordinates: travel times and the map skip it';
  return `${site.latitude.toFixed(5)}, ${site.longitude.toFixed(5)}`;
}

function Detail({ label, children }: { label: string; children: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

/** A client's sites, each with its access requirements and hours, and the dialog that edits them. */
export function ClientSites({ client }: { client: ClientDto }) {
  const sites = useApiQuery('sites.list', { clientId: client.id });
  // The id, not the site: the dialog opens on the version the directory shows at that moment.
  // siteId null adds a site.
  const [editing, setEditing] = useState<{ siteId: string | null } | null>(null);
  const list = sites.data ?? [];
  const editedSite = editing?.siteId ? (list.find((s) => s.id === editing.siteId) ?? null) : null;
  const zoneOf = (site: SiteDto) =>
    site.timeZone ?? (client.timeZone ? `${client.timeZone} (the client's)` : 'The default zone');

  return (
    <Box component="section" aria-label="Sites">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          Sites
        </Typography>
        <Button size="small" startIcon={<AddIcon />} sx={{ ml: 'auto' }} onClick={() => setEditing({ siteId: null })}>
          Add site
        </Button>
      </Stack>
      {sites.isError && <Alert severity="error">{sites.error.message}</Alert>}
      {sites.isSuccess && list.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No sites yet. A ticket without a site has no address, so it cannot be ranked by travel time.
        </Typography>
      )}
      <Stack divider={<Divider flexItem />} sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        {list.map((site) => (
          <Box key={site.id} component="article" aria-label={`Site ${site.name}`} sx={{ p: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
              <Typography variant="body1" sx={{ fontWeight: 600 }}>
                {site.name}
              </Typography>
              <Typography variant="body2" color="text.secondary" noWrap sx={{ minWidth: 0 }}>
                {site.address}
              </Typography>
              <Button
                size="small"
                startIcon={<EditOutlinedIcon fontSize="small" />}
                sx={{ ml: 'auto !important', flexShrink: 0 }}
                onClick={() => setEditing({ siteId: site.id })}
                aria-label={`Edit site ${site.name}`}
              >
                Edit
              </Button>
            </Stack>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: '150px 1fr', columnGap: 2, rowGap: 0.25, m: 0, mt: 0.5 }}
            >
              <Detail label="Access requirements">{site.accessRequirements ?? 'None recorded'}</Detail>
              <Detail label="Access hours">
                {site.accessHours ? shiftSummary(site.accessHours) : 'No restriction'}
              </Detail>
              <Detail label="Time zone">{zoneOf(site)}</Detail>
              <Detail label="Coordinates">{coordinatesText(site)}</Detail>
            </Box>
          </Box>
        ))}
      </Stack>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} fullWidth maxWidth="md" scroll="paper">
        {editing !== null && (editing.siteId === null || editedSite) && (
          <SiteDialogForm
            key={editing.siteId ?? 'new'}
            clientId={client.id}
            clientTimeZone={client.timeZone}
            site={editedSite}
            onClose={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Box>
  );
}
