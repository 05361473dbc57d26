import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { isCountUnit, suggestedUnits, type PartDto } from '../../../../shared/domain/parts';
import { FormDialog } from '../../components/form-dialog';
import { useApiMutation } from '../../transport/queries';
import { issuesOf } from '../technicians/technician-format';

/** Adds a part to the catalog or edits one, in a dialog; the server's field errors show under their fields. */
export function PartForm({ part, onClose }: { part: PartDto | null; onClose: () => void }) {
  const [sku, setSku] = useState(part?.sku ?? '');
  const [name, setName] = useState(part?.name ?? '');
  const [unit, setUnit] = useState(part?.unit ?? 'each');
  const [active, setActive] = useState(part?.active ?? true);
  const save = useApiMutation('parts.save', ['parts.list']);
  const issues = issuesOf(save.error);
  const title = part ? `Edit ${part.sku}` : 'Add part';
  const fieldLess = save.error && !save.error.error.issues?.length ? save.error.message : null;

  const submit = () =>
    save.mutate(
      { ...(part ? { id: part.id } : {}), sku: sku.trim(), name: name.trim(), unit: unit.trim(), active },
      { onSuccess: onClose },
    );

  return (
    <FormDialog title={title} onClose={onClose} onSubmit={submit} busy={save.isPending} error={fieldLess} spacing={1.5}>
      <TextField
        label="SKU"
        required
        autoFocus
        value={sku}
        onChange={(e) => setSku(e.target.value)}
        {...issues.field('sku')}
      />
      <TextField
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        {...issues.field('name')}
      />
      <Autocomplete
        freeSolo
        options={suggestedUnits}
        inputValue={unit}
        onInputChange={(_e, value) => setUnit(value)}
        renderInput={(params) => {
          const error = issues.field('unit');
          return (
            <TextField
              {...params}
              label="Unit"
              required
              error={error.error}
              helperText={
                error.helperText ??
                (isCountUnit(unit)
                  ? 'Counted: quantities are whole numbers'
                  : 'A unit of measure: quantities may have decimals (e.g. 2.5)')
              }
            />
          );
        }}
      />
      <FormControlLabel
        control={<Checkbox checked={active} onChange={(e) => setActive(e.target.checked)} />}
        label="Active (technicians can pick it)"
      />
    </FormDialog>
  );
}
