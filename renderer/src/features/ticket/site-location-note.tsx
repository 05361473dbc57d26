import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import { useState } from 'react';
import { SiteDialogForm } from '../clients/site-dialog';
import { useApiQuery } from '../../transport/queries';

/**
 * Says when the ticket's site has no location, and what that costs: it is not on the map, and
 * ranking counts the drive there as nothing, so the nearest technician gets no advantage. Those
 * who may edit sites can place it from here without leaving the ticket.
 */
export function SiteLocationNote({
  client,
  siteId,
  canPlace,
}: {
  client: { id: string; name: string };
  siteId: string;
  canPlace: boolean;
}) {
  const sites = useApiQuery('sites.list', { clientId: client.id });
  const clients = useApiQuery('clients.list', { query: client.name, limit: 20 }, { enabled: canPlace });
  const [placing, setPlacing] = useState(false);
  const site = sites.data?.find((s) => s.id === siteId);
  if (!site || (site.latitude !== null && site.longitude !== null)) return null;
  const timeZone = clients.data?.clients.find((c) => c.id === client.id)?.timeZone ?? null;
  return (
    <>
      <Alert
        severity="warning"
        aria-label="Site without a location"
        action={
          canPlace && (
            <Button color="inherit" size="small" onClick={() => setPlacing(true)}>
              Place it
            </Button>
          )
        }
      >
        {site.name} has no location: it is not on the map, and ranking cannot tell who is nearest (the drive there
        counts as nothing).
      </Alert>
      <Dialog open={placing} onClose={() => setPlacing(false)} fullWidth maxWidth="md" scroll="paper">
        {placing && (
          <SiteDialogForm
            clientId={client.id}
            clientTimeZone={timeZone}
            site={site}
            onClose={() => setPlacing(false)}
          />
        )}
      </Dialog>
    </>
  );
}
