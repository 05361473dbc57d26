import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type SyntheticEvent } from 'react';
import { isCountUnit, suggestedUnits, type PartDto } from '../../../../shared/domain/parts';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { useApiMutation } from '../../transport/queries';
import { issuesOf } from '../technicians/technician-format';

/** Adds a part to the catalog or edits one; the server's field errors show under their fields. */
export function PartForm({ part, onClose }: { part: PartDto | null; onClose: () => void }) {
  const [sku, setSku] = useState(part?.sku ?? '');
  const [name, setName] = useState(part?.name ?? '');
  const [unit, setUnit] = useState(part?.unit ?? 'each');
  const [active, setActive] = useState(part?.active ?? true);
  const save = useApiMutation('parts.save', ['parts.list']);
  const issues = issuesOf(save.error);
  const title = part ? `Edit ${part.sku}` : 'Add part';
  const fieldLess = save.error && !save.error.error.issues?.length ? save.error.message : null;

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    save.mutate(
      { ...(part ? { id: part.id } : {}), sku: sku.trim(), name: name.trim(), unit: unit.trim(), active },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} onKeyDownCapture={saveOnCtrlEnter(submit)} noValidate aria-label={title}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 1 }}>
          {fieldLess && <Alert severity="error">{fieldLess}</Alert>}
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
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={save.isPending}>
          Save
        </Button>
      </DialogActions>
    </form>
  );
}
