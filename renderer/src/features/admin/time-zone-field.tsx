import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { DateTime } from 'luxon';
import { useMemo } from 'react';

function supportedZones(): string[] {
  // Chromium lists canonical zones only and leaves out "UTC"; the server accepts both.
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

function offsetNow(zone: string): string {
  const now = DateTime.now().setZone(zone);
  return now.isValid ? `UTC${now.toFormat('ZZ')} now` : '';
}

/**
 * An IANA time zone picked from the zones this workstation knows; the current offset is shown.
 * With `unsetText` the zone may be cleared ('' = none), and the text says what applies instead.
 */
export function TimeZoneField({
  value,
  onChange,
  error,
  label = 'Time zone',
  unsetText,
}: {
  value: string;
  onChange: (zone: string) => void;
  error: string | undefined;
  label?: string;
  unsetText?: string;
}) {
  const zones = useMemo(supportedZones, []);
  // A stored zone this browser does not list (an alias such as US/Eastern) stays selectable.
  const options = useMemo(() => (value && !zones.includes(value) ? [value, ...zones] : zones), [value, zones]);
  const clearable = unsetText !== undefined;
  return (
    <Autocomplete<string, false, boolean>
      value={value || null}
      options={options}
      disableClearable={!clearable}
      autoHighlight
      fullWidth
      onChange={(_e, zone) => onChange(zone ?? '')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          name="timeZone"
          error={Boolean(error)}
          helperText={error ?? (value ? offsetNow(value) : unsetText)}
        />
      )}
    />
  );
}
