import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { isCountUnit, type PartDto } from '../../../../shared/domain/parts';
import { DataTable } from '../../components/data-table';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useApiQuery } from '../../transport/queries';
import { PartForm } from './part-dialog';
import { PartsImportForm } from './parts-import-dialog';

const SHOWN = 1000;

/** The parts catalog: everyone reads it (technicians on site), admins add, edit and import. */
export function PartsPage({ user }: { user: UserDto }) {
  const isAdmin = roleIn(access.admin, user.role);
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(isAdmin);
  const [dialog, setDialog] = useState<PartDto | 'new' | 'import' | null>(null);
  const query = useDebouncedValue(search.trim(), 200);
  const list = useApiQuery('parts.list', {
    ...(query ? { query } : {}),
    includeInactive,
    limit: SHOWN,
  });
  const rows = list.data ?? [];

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h1">
          Parts catalog
        </Typography>
        <TextField
          size="small"
          placeholder="Search SKU or name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{
            htmlInput: { 'aria-label': 'Search parts' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ width: 280 }}
        />
        <FormControlLabel
          control={<Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />}
          label="Show inactive"
        />
        {isAdmin && (
          <Stack direction="row" spacing={1} sx={{ ml: 'auto !important' }}>
            <Button variant="outlined" size="small" startIcon={<UploadFileIcon />} onClick={() => setDialog('import')}>
              Import CSV
            </Button>
            <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setDialog('new')}>
              Add part
            </Button>
          </Stack>
        )}
      </Stack>
      <DataTable
        label="Parts"
        columns={['SKU', 'Name', 'Unit', 'Status', ...(isAdmin ? [''] : [])]}
        source={list}
        rowCount={rows.length}
        emptyText={
          query
            ? `No part matches “${query}”.`
            : `The catalog is empty.${isAdmin ? ' Add parts one by one or import a CSV file.' : ''}`
        }
      >
        {rows.map((p) => (
          <TableRow key={p.id} hover sx={{ opacity: p.active ? 1 : 0.6 }}>
            <TableCell sx={{ fontFamily: 'monospace', fontWeight: 600, whiteSpace: 'nowrap' }}>{p.sku}</TableCell>
            <TableCell>{p.name}</TableCell>
            <TableCell title={isCountUnit(p.unit) ? 'Counted in whole numbers' : 'Measured: decimals allowed'}>
              {p.unit}
            </TableCell>
            <TableCell>
              {p.active ? (
                <Chip size="small" color="success" variant="outlined" label="Active" />
              ) : (
                <Chip size="small" variant="outlined" label="Inactive" />
              )}
            </TableCell>
            {isAdmin && (
              <TableCell align="right">
                <Button size="small" onClick={() => setDialog(p)} aria-label={`Edit ${p.sku}`}>
                  Edit
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
      {rows.length === SHOWN && (
        <Typography variant="caption" color="text.secondary">
          Showing the first {SHOWN} parts; search to narrow the list.
        </Typography>
      )}
      {dialog !== null && dialog !== 'import' && (
        <PartForm part={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} />
      )}
      <Dialog open={dialog === 'import'} onClose={() => setDialog(null)} fullWidth maxWidth="md">
        {dialog === 'import' && <PartsImportForm onClose={() => setDialog(null)} />}
      </Dialog>
    </Stack>
  );
}
