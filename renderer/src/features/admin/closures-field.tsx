import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState, type KeyboardEvent } from 'react';
import type { Issues } from './api-issues';

function describeDate(date: string): string {
  const parsed = DateTime.fromISO(date);
  return parsed.isValid ? parsed.toFormat('ccc d LLL yyyy') : date;
}

/** Extra days the calendar is closed (a company holiday, a move): a date input and a list of chips. */
export function ClosuresField({
  closures,
  onChange,
  issues,
}: {
  closures: string[];
  onChange: (closures: string[]) => void;
  issues: Issues;
}) {
  const [date, setDate] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const today = DateTime.now().toISODate();
  const messages = issues
    .under('calendar', 'closures')
    .map((i) => (typeof i.path[2] === 'number' ? `${closures[i.path[2]] ?? ''}: ${i.message}` : i.message));

  const add = () => {
    if (!date) {
      setNote('Pick a date first');
      return;
    }
    if (closures.includes(date)) {
      setNote(`${describeDate(date)} is already listed`);
      return;
    }
    // Kept in date order; the server's issue paths index this same list, so it is sent as shown.
    onChange([...closures, date].sort());
    setDate('');
    setNote(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    add();
  };

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography component="legend" variant="subtitle2" sx={{ float: 'left' }}>
          Extra closure dates
        </Typography>
        <Typography variant="caption" color="text.secondary">
          closed all day, e.g. a company holiday
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          type="date"
          label="Closed on"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setNote(null);
          }}
          onKeyDown={onKeyDown}
          fullWidth={false}
          sx={{ width: 170 }}
          slotProps={{ inputLabel: { shrink: true } }}
          error={Boolean(note)}
          helperText={note}
        />
        <Button variant="outlined" startIcon={<AddIcon fontSize="small" />} onClick={add} sx={{ height: 37 }}>
          Add date
        </Button>
        <Box
          component="ul"
          aria-label="Closure dates"
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 0.5,
            listStyle: 'none',
            m: 0,
            p: 0,
            flex: 1,
            maxHeight: 96,
            overflow: 'auto',
            alignContent: 'flex-start',
          }}
        >
          {closures.length === 0 && (
            <Typography component="li" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', pt: 1 }}>
              None
            </Typography>
          )}
          {closures.map((closure, index) => (
            <li key={`${closure}:${index}`}>
              <Chip
                size="small"
                label={describeDate(closure)}
                color={issues.at('calendar', 'closures', index) ? 'error' : 'default'}
                variant={today && closure < today ? 'outlined' : 'filled'}
                onDelete={() => onChange(closures.filter((_, i) => i !== index))}
                aria-label={`Closure ${describeDate(closure)}; Delete removes it`}
              />
            </li>
          ))}
        </Box>
      </Stack>
      {messages.length > 0 && (
        <FormHelperText error sx={{ mx: 0 }}>
          {messages.join(' · ')}
        </FormHelperText>
      )}
    </Box>
  );
}
