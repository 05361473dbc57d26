import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type Ref } from 'react';
import type { CallerMatch } from '../../../../shared/domain/directory';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useApiQuery } from '../../transport/queries';

type CallerOption = { kind: 'match'; match: CallerMatch } | { kind: 'create'; text: string };

function optionLabel(option: CallerOption): string {
  if (option.kind === 'create') return `Create client “${option.text}”`;
  const { contact, client } = option.match;
  return contact ? `${contact.name} — ${client.name}` : client.name;
}

/**
 * Finds the caller while the agent types a name or phone number; the last option creates a new
 * client from what was typed.
 */
export function CallerField({
  value,
  onPick,
  onCreate,
  inputRef,
}: {
  value: CallerMatch | null;
  onPick: (match: CallerMatch | null) => void;
  onCreate: (typed: string) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 150);
  const search = useApiQuery('clients.search', { query, limit: 10 }, { enabled: query.length > 0 });
  // Options appear only once the search for what is typed has answered: otherwise the lone
  // "create" option would be highlighted first and Enter would create a duplicate client.
  const settled = query.length > 0 && query === text.trim() && !search.isFetching;
  const options: CallerOption[] =
    settled && search.isSuccess
      ? [...search.data.map((match) => ({ kind: 'match' as const, match })), { kind: 'create' as const, text: query }]
      : [];
  const selected: CallerOption | null = value ? { kind: 'match', match: value } : null;

  return (
    <Autocomplete<CallerOption>
      value={selected}
      options={options}
      filterOptions={(o) => o}
      autoHighlight
      getOptionLabel={optionLabel}
      isOptionEqualToValue={(a, b) =>
        a.kind === 'match' && b.kind === 'match'
          ? a.match.client.id === b.match.client.id && a.match.contact?.id === b.match.contact?.id
          : a.kind === b.kind
      }
      getOptionKey={(o) => (o.kind === 'create' ? 'create' : `${o.match.client.id}:${o.match.contact?.id ?? ''}`)}
      inputValue={text}
      onInputChange={(_e, next) => setText(next)}
      onChange={(_e, option) => {
        if (!option) onPick(null);
        else if (option.kind === 'create') onCreate(option.text);
        else onPick(option.match);
      }}
      noOptionsText={text.trim() ? 'Searching…' : 'Type a name or phone number'}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        if (option.kind === 'create') {
          return (
            <li key={key} {...rest}>
              <Typography color="primary">+ {optionLabel(option)}</Typography>
            </li>
          );
        }
        const { contact, client } = option.match;
        return (
          <li key={key} {...rest}>
            <Box>
              <Typography variant="body2">{contact ? `${contact.name} · ${client.name}` : client.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[contact?.phone ?? client.phone, contact?.email ?? client.email].filter(Boolean).join(' · ') ||
                  'No phone or email on file'}
              </Typography>
            </Box>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={inputRef}
          autoFocus
          label="Caller: name or phone"
          placeholder="e.g. Maria or 212 555"
          required
        />
      )}
    />
  );
}
