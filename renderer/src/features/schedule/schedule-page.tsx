import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { ApiInput } from '../../../../shared/api/contract';
import type { UserDto } from '../../../../shared/domain/directory';
import { replaceRoute, useRoute } from '../../app/router';
import { call } from '../../transport/client';
import { printView } from '../../transport/print-view';
import { useApiQuery } from '../../transport/queries';
import { base64ToBlob, saveFile } from '../visit-docs/file-upload';
import { SchedulePrintStyles } from './schedule-print-styles';
import { TechnicianSheet } from './schedule-sheet';

type Scope = Omit<ApiInput<'schedules.day'>, 'date'>;

/** The scope select's value: "everyone", "team:<name>" or "technician:<id>". */
function scopeOf(value: string): Scope | null {
  if (value === 'everyone') return { everyone: true };
  if (value.startsWith('team:')) return { team: value.slice('team:'.length) };
  if (value.startsWith('technician:')) return { technicianId: value.slice('technician:'.length) };
  return null;
}

/** The select's value for the address's parameters (`team=` or `technician=`; else everyone). */
function pickedOf(params: Readonly<Record<string, string>>): string {
  if (params.technician) return `technician:${params.technician}`;
  if (params.team) return `team:${params.team}`;
  return 'everyone';
}

/** The address's parameters for the select's value: the inverse of pickedOf. */
function scopeParams(value: string): Record<string, string> {
  if (value.startsWith('team:')) return { team: value.slice('team:'.length) };
  if (value.startsWith('technician:')) return { technician: value.slice('technician:'.length) };
  return {};
}

/**
 * The supervisor's printed day: pick a day and a scope, read the schedule on screen in the
 * printed layout, then print it (the desktop shell's or the browser's print, with the print stylesheet) or save the
 * core's PDF, the same document e-mail will use. A technician sees only their own day.
 */
export function SchedulePage({ user }: { user: UserDto }) {
  const isTechnician = user.role === 'technician';
  // The day and scope live in the address (#/schedule?date=…&team=…), so the board's "Print
  // day" opens this page on its day and a reload keeps the choice.
  const route = useRoute('schedule');
  const params = route.params ?? {};
  const [tomorrow] = useState(() => DateTime.now().plus({ days: 1 }).toISODate());
  const date = params.date ?? tomorrow;
  const technicians = useApiQuery('technicians.list', {});
  const own = technicians.data?.find((t) => t.userId === user.id);
  const picked = pickedOf(params);
  const setDate = (day: string) => replaceRoute({ name: 'schedule', params: { ...params, date: day } });
  const setPicked = (value: string) => replaceRoute({ name: 'schedule', params: { date, ...scopeParams(value) } });
  const value = isTechnician ? (own ? `technician:${own.id}` : '') : picked;
  const scope = scopeOf(value);
  const input = scope && date ? { date, ...scope } : null;
  const day = useApiQuery('schedules.day', input ?? { date, everyone: true }, { enabled: input !== null });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const teams = [...new Set((technicians.data ?? []).map((t) => t.team).filter((t): t is string => !!t))].sort();

  const savePdf = async () => {
    if (!input) return;
    setSaving(true);
    setSaveError(null);
    try {
      const pdf = await call('schedules.pdf', input);
      saveFile(base64ToBlob(pdf.contentBase64, pdf.mimeType), pdf.fileName);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack className="schedule-page" spacing={2} sx={{ height: '100%', overflow: 'auto', maxWidth: 900, mx: 'auto' }}>
      <SchedulePrintStyles />
      <Stack
        className="schedule-controls"
        direction="row"
        sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap', pt: 1 }}
      >
        <Typography variant="h6" component="h1" sx={{ mr: 1 }}>
          Schedule
        </Typography>
        <TextField
          type="date"
          size="small"
          label="Day"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth={false}
        />
        {!isTechnician && (
          <TextField
            select
            size="small"
            label="Whose day"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            fullWidth={false}
            sx={{ minWidth: 240 }}
          >
            <MenuItem value="everyone">Everyone</MenuItem>
            {teams.length > 0 && <ListSubheader>Teams</ListSubheader>}
            {teams.map((t) => (
              <MenuItem key={t} value={`team:${t}`}>
                Team {t}
              </MenuItem>
            ))}
            <ListSubheader>Technicians</ListSubheader>
            {(technicians.data ?? []).map((t) => (
              <MenuItem key={t.id} value={`technician:${t.id}`}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box sx={{ flex: 1 }} />
        <Button
          startIcon={<PrintIcon />}
          variant="outlined"
          onClick={() => {
            setSaveError(null);
            void printView().then((outcome) => {
              if (!outcome.printed && !outcome.cancelled) setSaveError(`Printing failed: ${outcome.reason}`);
            });
          }}
          disabled={!day.data}
        >
          Print
        </Button>
        <Button
          startIcon={saving ? <CircularProgress size={16} /> : <DownloadIcon />}
          variant="contained"
          onClick={() => void savePdf()}
          disabled={!input || saving}
        >
          Save as PDF
        </Button>
      </Stack>
      {saveError && <Alert severity="error">{saveError}</Alert>}
      {day.error && <Alert severity="error">{day.error.message}</Alert>}
      {isTechnician && technicians.data && !own && (
        <Alert severity="info">Your login is not linked to a technician record, so there is no day to show.</Alert>
      )}
      {day.isLoading && <CircularProgress aria-label="Loading the schedule" />}
      {day.data && day.data.technicians.length === 0 && (
        <Typography sx={{ py: 4 }}>
          No visits on {DateTime.fromISO(day.data.date).setLocale('en-GB').toFormat('cccc d LLLL yyyy')} for{' '}
          {day.data.scopeLabel}.
        </Typography>
      )}
      {day.data?.technicians.map((t) => (
        <TechnicianSheet key={t.technicianId} day={t} date={day.data.date} />
      ))}
    </Stack>
  );
}
