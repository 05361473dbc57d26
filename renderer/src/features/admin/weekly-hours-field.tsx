import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { WeekdayKey } from '../../../../shared/domain/sla';
import type { Issues } from './api-issues';
import { maxIntervalsPerDay, nextInterval, weekdayLabels, weekdays, type Interval } from './calendar-form';

type Hours = Record<WeekdayKey, Interval[]>;
type Path = readonly (string | number)[];

const workdaysAfterMonday = ['tue', 'wed', 'thu', 'fri'] as const satisfies readonly WeekdayKey[];

/**
 * Opening hours per weekday: zero or more intervals a day, a day without any is closed. Server
 * issues below issuePath (calendar.hours.fri.0.1 for a calendar, accessHours.fri.0.1 for a site)
 * mark the time they name and are listed under the day.
 */
export function WeeklyHoursField({
  hours,
  onChange,
  issues,
  legend = 'Business hours',
  issuePath = ['calendar', 'hours'],
}: {
  hours: Hours;
  onChange: (hours: Hours) => void;
  issues: Issues;
  legend?: string;
  issuePath?: Path;
}) {
  const setDay = (day: WeekdayKey, intervals: Interval[]) => onChange({ ...hours, [day]: intervals });
  const copyMonday = () =>
    onChange({
      ...hours,
      ...Object.fromEntries(workdaysAfterMonday.map((day) => [day, hours.mon.map((i): Interval => [...i])])),
    });
  const wholeMessage = issues.at(...issuePath);

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography component="legend" variant="subtitle2" sx={{ float: 'left' }} noWrap>
          {legend}
        </Typography>
        <Button
          size="small"
          startIcon={<ContentCopyIcon fontSize="small" />}
          onClick={copyMonday}
          sx={{ ml: 'auto', whiteSpace: 'nowrap' }}
        >
          Copy Monday to Tue–Fri
        </Button>
      </Stack>
      {wholeMessage && (
        <FormHelperText error sx={{ mt: 0, mb: 0.5 }} role="alert">
          {wholeMessage}
        </FormHelperText>
      )}
      <Stack>
        {weekdays.map((day) => (
          <DayRow
            key={day}
            day={day}
            intervals={hours[day]}
            onChange={(next) => setDay(day, next)}
            issues={issues}
            issuePath={issuePath}
          />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        A day open until midnight closes at 00:00 (12:00 AM).
      </Typography>
    </Box>
  );
}

function DayRow({
  day,
  intervals,
  onChange,
  issues,
  issuePath,
}: {
  day: WeekdayKey;
  intervals: Interval[];
  onChange: (intervals: Interval[]) => void;
  issues: Issues;
  issuePath: Path;
}) {
  const label = weekdayLabels[day];
  const messages = [...new Set(issues.under(...issuePath, day).map((i) => i.message))];
  const setTime = (index: number, edge: 0 | 1, value: string) =>
    onChange(
      intervals.map((interval, i): Interval =>
        i === index ? (edge === 0 ? [value, interval[1]] : [interval[0], value]) : interval,
      ),
    );
  // The server refuses more than maxIntervalsPerDay, so the add button goes once a day is full.
  const full = intervals.length >= maxIntervalsPerDay;
  const addLabel = `Add hours on ${label}`;
  // Adding or removing replaces the button that was pressed, so focus moves on by hand: to the new
  // opening time, or to the day's add button.
  const [focus, setFocus] = useState<{ to: 'open'; index: number } | { to: 'add' } | null>(null);
  const openRefs = useRef<(HTMLInputElement | null)[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus) return;
    (focus.to === 'open' ? openRefs.current[focus.index] : addRef.current)?.focus();
    setFocus(null);
  }, [focus]);
  const add = () => {
    onChange([...intervals, nextInterval(intervals)]);
    setFocus({ to: 'open', index: intervals.length });
  };
  const remove = (index: number) => {
    onChange(intervals.filter((_, i) => i !== index));
    setFocus({ to: 'add' });
  };

  return (
    <Box
      role="group"
      aria-label={`${label} hours`}
      sx={{
        display: 'grid',
        gridTemplateColumns: '84px 1fr',
        alignItems: 'center',
        columnGap: 1,
        minHeight: 38,
        borderBottom: 1,
        borderColor: 'divider',
        py: 0.25,
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {label}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        {intervals.length === 0 && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', minWidth: 56 }}>
              Closed
            </Typography>
            <Button
              ref={addRef}
              size="small"
              startIcon={<AddIcon fontSize="small" />}
              onClick={add}
              aria-label={addLabel}
            >
              Add hours
            </Button>
          </>
        )}
        {intervals.map(([open, close], index) => {
          const suffix = index === 0 ? '' : `, hours ${index + 1}`;
          return (
            <Stack key={index} direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
              <TimeInput
                inputRef={(el) => {
                  openRefs.current[index] = el;
                }}
                label={`${label} opens${suffix}`}
                value={open}
                error={Boolean(issues.at(...issuePath, day, index, 0))}
                onChange={(v) => setTime(index, 0, v)}
              />
              <Typography variant="body2" aria-hidden>
                –
              </Typography>
              <TimeInput
                label={`${label} closes${suffix}`}
                value={close}
                error={Boolean(issues.at(...issuePath, day, index, 1))}
                onChange={(v) => setTime(index, 1, v)}
              />
              <Tooltip title="Remove these hours">
                <IconButton size="small" aria-label={`Remove ${label} ${open}–${close}`} onClick={() => remove(index)}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          );
        })}
        {intervals.length > 0 && !full && (
          <Tooltip title={addLabel}>
            <IconButton ref={addRef} size="small" color="primary" onClick={add} aria-label={addLabel}>
              <AddIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        {messages.length > 0 && (
          <FormHelperText error sx={{ flexBasis: '100%', m: 0 }}>
            {messages.join(' · ')}
          </FormHelperText>
        )}
      </Stack>
    </Box>
  );
}

function TimeInput({
  label,
  value,
  error,
  onChange,
  inputRef,
}: {
  inputRef?: Ref<HTMLInputElement>;
  label: string;
  value: string;
  error: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      type="time"
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      inputRef={inputRef}
      fullWidth={false}
      sx={{ width: 132, '& .MuiInputBase-input': { py: '5px' } }}
      slotProps={{ htmlInput: { 'aria-label': label, step: 60 } }}
    />
  );
}
