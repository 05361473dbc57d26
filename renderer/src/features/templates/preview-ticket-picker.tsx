import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { matchingTickets, newestFirst, ticketChoiceLabel, type TicketChoice } from './ticket-choice';

const SHOWN = 50;

/** The real ticket a preview is made with, found by number, client, site or words of its summary. */
export function PreviewTicketPicker({
  tickets,
  value,
  onChange,
}: {
  tickets: readonly TicketChoice[];
  value: string;
  onChange: (ticketId: string) => void;
}) {
  const options = useMemo(() => newestFirst(tickets), [tickets]);
  const selected = options.find((t) => t.id === value);
  // Controlled from the first render: the editor shows the picker once it has a ticket to show.
  if (!selected) return null;
  return (
    <Autocomplete<TicketChoice, false, true>
      value={selected}
      options={options}
      disableClearable
      autoHighlight
      size="small"
      getOptionLabel={ticketChoiceLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      // Searched here: the list is already loaded, and only the newest matches are shown.
      filterOptions={(all, state) => matchingTickets(all, state.inputValue, SHOWN)}
      onChange={(_e, ticket) => onChange(ticket.id)}
      renderInput={(params) => (
        <TextField {...params} label="Preview with ticket" placeholder="Number, client or summary" />
      )}
    />
  );
}
