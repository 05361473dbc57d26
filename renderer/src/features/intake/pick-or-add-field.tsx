import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';

type Option<T> = { kind: 'item'; item: T } | { kind: 'add' };

/** Picks one of a client's contacts or sites; the last option adds a new one in place. */
export function PickOrAddField<T extends { id: string }>({
  label,
  items,
  value,
  describe,
  addLabel,
  disabled,
  onPick,
  onAdd,
  inputRef,
}: {
  label: string;
  /** Undefined while loading: no options are offered until the list is known. */
  items: T[] | undefined;
  value: T | null;
  describe: (item: T) => string;
  addLabel: string;
  disabled: boolean;
  onPick: (item: T | null) => void;
  onAdd: () => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const options: Option<T>[] = items
    ? [...items.map((item) => ({ kind: 'item' as const, item })), { kind: 'add' }]
    : [];
  return (
    <Autocomplete<Option<T>>
      value={value ? { kind: 'item', item: value } : null}
      options={options}
      disabled={disabled}
      fullWidth
      loading={!items && !disabled}
      autoHighlight
      openOnFocus
      getOptionLabel={(o) => (o.kind === 'add' ? addLabel : describe(o.item))}
      getOptionKey={(o) => (o.kind === 'add' ? 'add' : o.item.id)}
      isOptionEqualToValue={(a, b) =>
        a.kind === b.kind && (a.kind === 'add' || (b.kind === 'item' && a.item.id === b.item.id))
      }
      filterOptions={(opts, state) => {
        const needle = state.inputValue.toLowerCase();
        return opts.filter((o) => o.kind === 'add' || describe(o.item).toLowerCase().includes(needle));
      }}
      onChange={(_e, option) => {
        if (!option) onPick(null);
        else if (option.kind === 'add') onAdd();
        else onPick(option.item);
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            {option.kind === 'add' ? <Typography color="primary">+ {addLabel}</Typography> : describe(option.item)}
          </li>
        );
      }}
      renderInput={(params) => <TextField {...params} label={label} inputRef={inputRef} />}
    />
  );
}
