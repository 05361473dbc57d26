import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import FormHelperText from '@mui/material/FormHelperText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Ref, SyntheticEvent } from 'react';
import type { InputIssue } from '../../../../shared/errors';
import type { CalendarScope } from '../../../../shared/domain/sla-settings';
import { formatDateTime } from '../../components/format-time';
import { describePath, type Issues } from './api-issues';
import type { CalendarForm } from './calendar-form';
import { ClosuresField } from './closures-field';
import { TimeZoneField } from './time-zone-field';
import { WeeklyHoursField } from './weekly-hours-field';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';

/** Whether the editor shows this issue on one of its fields (the rest go to a summary). */
export function shownOnCalendarField(issue: InputIssue): boolean {
  const [head, second] = issue.path;
  if (head === 'name') return true;
  return head === 'calendar' && ['timeZone', 'hours', 'holidays', 'closures'].includes(String(second));
}

export interface CalendarEditorProps {
  scope: CalendarScope;
  scopeLabel: string;
  isNew: boolean;
  updatedAt: string | null;
  form: CalendarForm;
  dirty: boolean;
  saving: boolean;
  /** The last save's issues while the form is as it was sent, else the live preview's. */
  issues: Issues;
  saveFailed: boolean;
  /** What no field shows: the server's message, or issues about the scope or the whole calendar. */
  summary: string[];
  nameRef: Ref<HTMLInputElement>;
  onChange: (form: CalendarForm) => void;
  onSave: () => void;
  onRevert: () => void;
  onRemove: () => void;
}

/** One business calendar: name, zone, weekly hours, public holidays and extra closures. */
export function CalendarEditor(props: CalendarEditorProps) {
  const { form, issues, onChange } = props;
  const set = <K extends keyof CalendarForm>(key: K, value: CalendarForm[K]) => onChange({ ...form, [key]: value });
  const holidayIssues = issues.under('calendar', 'holidays');
  const fieldLabels = [...new Set(issues.list.filter(shownOnCalendarField).map((i) => describePath(i.path)))];

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    props.onSave();
  };

  return (
    <Paper
      variant="outlined"
      component="form"
      noValidate
      onSubmit={submit}
      onKeyDownCapture={saveOnCtrlEnter(submit)}
      aria-label="Calendar"
      sx={{ p: 2, minWidth: 0 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, minHeight: 28 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} noWrap>
          {props.scopeLabel}
        </Typography>
        {props.dirty && <Chip size="small" color="warning" variant="outlined" label="Unsaved changes" />}
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto !important' }} noWrap>
          {props.isNew ? 'Not saved yet' : `Saved ${formatDateTime(props.updatedAt)}`}
        </Typography>
      </Stack>

      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Calendar name"
            name="name"
            required
            inputRef={props.nameRef}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            {...issues.field('name')}
          />
          <TimeZoneField
            value={form.timeZone}
            onChange={(zone) => set('timeZone', zone)}
            error={issues.at('calendar', 'timeZone')}
          />
        </Stack>

        <WeeklyHoursField hours={form.hours} onChange={(hours) => set('hours', hours)} issues={issues} />

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
          <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
            Public holidays
          </Typography>
          <Stack direction="row" spacing={1}>
            <TextField
              label="Country"
              name="holidayCountry"
              value={form.holidayCountry}
              // Country codes are upper case in date-holidays; states and regions are left as typed.
              onChange={(e) => set('holidayCountry', e.target.value.toUpperCase())}
              error={holidayIssues.some((i) => i.path.length <= 3 || i.path[2] === 'country')}
            />
            <TextField
              label="State"
              name="holidayState"
              value={form.holidayState}
              onChange={(e) => set('holidayState', e.target.value)}
              error={Boolean(issues.at('calendar', 'holidays', 'state'))}
            />
            <TextField
              label="Region"
              name="holidayRegion"
              value={form.holidayRegion}
              onChange={(e) => set('holidayRegion', e.target.value)}
              error={Boolean(issues.at('calendar', 'holidays', 'region'))}
            />
          </Stack>
          {/* One line for the three fields: the server's messages are longer than a third of a row. */}
          <FormHelperText error={holidayIssues.length > 0} sx={{ mx: 1.75 }}>
            {holidayIssues.length > 0
              ? holidayIssues.map((i) => i.message).join(' · ')
              : 'The country’s public holidays close the calendar, and the state’s and region’s own when given: ISO 3166 codes such as US and NY. All empty: no public holidays.'}
          </FormHelperText>
        </Box>

        <ClosuresField closures={form.closures} onChange={(closures) => set('closures', closures)} issues={issues} />

        {props.saveFailed && (
          <Alert severity="error">
            Not saved.{props.summary.map((line) => ` ${/[.!?]$/.test(line) ? line : `${line}.`}`).join('')}
            {fieldLabels.length > 0 && ` Check the highlighted fields: ${fieldLabels.join(', ')}.`}
          </Alert>
        )}

        <Divider />
        <Stack
          direction="row"
          spacing={1}
          sx={{ alignItems: 'center', '& .MuiButton-root': { flexShrink: 0, whiteSpace: 'nowrap' } }}
        >
          {props.scope.kind !== 'default' && (
            <Button color="error" onClick={props.onRemove}>
              {props.isNew ? 'Discard override' : 'Remove override'}
            </Button>
          )}
          <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto !important' }}>
            Applies to tickets logged from now on · Ctrl+Enter saves
          </Typography>
          <Button onClick={props.onRevert} disabled={!props.dirty || props.isNew}>
            Revert
          </Button>
          <Button type="submit" variant="contained" disabled={props.saving || (!props.dirty && !props.isNew)}>
            Save calendar
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
