import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { ClientDto, SiteDto } from '../../../../shared/domain/directory';
import type { CalendarScope } from '../../../../shared/domain/sla-settings';
import { FormDialog } from '../../components/form-dialog';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useApiQuery } from '../../transport/queries';
import { scopeKey } from './calendar-form';

export interface OverridePick {
  scope: CalendarScope;
  /** How the list names the scope: "Northwind Logistics" or "Head office (Northwind Logistics)". */
  who: string;
  client: ClientDto;
  site: SiteDto | null;
}

/** Picks the client, and optionally one of its sites, that gets a calendar of its own. */
export function AddOverrideDialog({
  open,
  existingKeys,
  onCancel,
  onPick,
}: {
  open: boolean;
  existingKeys: ReadonlySet<string>;
  onCancel: () => void;
  onPick: (pick: OverridePick) => void;
}) {
  return open && <AddOverrideForm existingKeys={existingKeys} onCancel={onCancel} onPick={onPick} />;
}

function AddOverrideForm({
  existingKeys,
  onCancel,
  onPick,
}: {
  existingKeys: ReadonlySet<string>;
  onCancel: () => void;
  onPick: (pick: OverridePick) => void;
}) {
  const [client, setClient] = useState<ClientDto | null>(null);
  const [siteId, setSiteId] = useState('');
  const [missingClient, setMissingClient] = useState(false);
  const siteRef = useRef<HTMLInputElement>(null);
  const [focusSite, setFocusSite] = useState(false);
  useEffect(() => {
    if (!focusSite) return;
    siteRef.current?.focus();
    setFocusSite(false);
  }, [focusSite]);

  const sites = useApiQuery('sites.list', { clientId: client?.id ?? '' }, { enabled: Boolean(client) });
  const site = sites.data?.find((s) => s.id === siteId) ?? null;
  const scope: CalendarScope | null = site
    ? { kind: 'site', siteId: site.id }
    : client
      ? { kind: 'client', clientId: client.id }
      : null;
  const exists = scope !== null && existingKeys.has(scopeKey(scope));

  const submit = () => {
    if (!client || !scope) {
      setMissingClient(true);
      return;
    }
    onPick({ scope, who: site ? `${site.name} (${client.name})` : client.name, client, site });
  };

  return (
    <FormDialog
      title="Add calendar override"
      onClose={onCancel}
      onSubmit={submit}
      submitLabel={exists ? 'Open its calendar' : 'Create calendar'}
    >
      <Typography variant="body2" color="text.secondary">
        A client’s calendar applies to all its sites; a site’s calendar applies to that site alone. The new calendar
        starts as a copy of the one that applies now.
      </Typography>
      <ClientField
        value={client}
        error={missingClient}
        onPick={(picked) => {
          setClient(picked);
          setSiteId('');
          setMissingClient(false);
          if (picked) setFocusSite(true);
        }}
      />
      <TextField
        select
        label="Site"
        value={siteId}
        disabled={!client}
        inputRef={siteRef}
        onChange={(e) => setSiteId(e.target.value)}
        helperText={sites.isError ? sites.error.message : 'Leave at “All sites” for a client-wide calendar'}
        error={sites.isError}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">All sites of the client</MenuItem>
        {(sites.data ?? []).map((s) => (
          <MenuItem key={s.id} value={s.id}>
            <Box>
              <Typography variant="body2">{s.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {s.address}
              </Typography>
            </Box>
          </MenuItem>
        ))}
      </TextField>
      {exists && (
        <Alert severity="info">
          {site ? site.name : client?.name} already has its own calendar; continuing opens it.
        </Alert>
      )}
    </FormDialog>
  );
}

/** Finds a client by name or phone as the admin types (clients.search also matches contacts). */
function ClientField({
  value,
  error,
  onPick,
}: {
  value: ClientDto | null;
  error: boolean;
  onPick: (client: ClientDto | null) => void;
}) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 150);
  const search = useApiQuery('clients.search', { query, limit: 20 }, { enabled: query.length > 0 });
  // Options appear only once the search for what is typed has answered, so Enter never picks a
  // stale first option.
  const settled = query.length > 0 && query === text.trim() && !search.isFetching;
  const options: ClientDto[] = [];
  if (settled && search.isSuccess) {
    for (const match of search.data) {
      if (!options.some((c) => c.id === match.client.id)) options.push(match.client);
    }
  }
  return (
    <Autocomplete<ClientDto>
      value={value}
      options={value && !options.some((c) => c.id === value.id) ? [value, ...options] : options}
      filterOptions={(o) => o}
      autoHighlight
      getOptionLabel={(c) => c.name}
      getOptionKey={(c) => c.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      inputValue={text}
      onInputChange={(_e, next) => setText(next)}
      onChange={(_e, picked) => onPick(picked)}
      noOptionsText={text.trim() ? (settled ? 'No client found' : 'Searching…') : 'Type a name or phone number'}
      renderOption={(props, c) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            <Box>
              <Typography variant="body2">{c.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[c.phone, c.email].filter(Boolean).join(' · ') || 'No phone or email on file'}
              </Typography>
            </Box>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          autoFocus
          required
          label="Client"
          placeholder="e.g. Northwind or 212 555"
          error={error}
          helperText={error ? 'Pick a client first' : undefined}
        />
      )}
    />
  );
}
