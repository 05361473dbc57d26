import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { geocoderServiceLabels, geocoderServices, type GeocoderSettings } from '../../../../shared/domain/geocoder';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { wholeNumberOrNaN } from '../../components/whole-number';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { Issues } from '../admin/api-issues';

type Form = Omit<GeocoderSettings, 'timeoutMs'> & { timeoutMs: string };

/**
 * The geocoder that finds a site from its address in the site dialog. Off by default: addresses
 * leave the machine only once an admin points the console at a server (the organisation's own
 * Nominatim or Photon, or a public one whose usage policy allows it).
 */
export function GeocoderSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const settings = useApiQuery('geocoder.settings', {});
  const save = useApiMutation('geocoder.saveSettings', ['geocoder.settings']);
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data && !form) setForm({ ...settings.data, timeoutMs: String(settings.data.timeoutMs) });
  }, [settings.data, form]);
  if (!form) return null;
  const issues = new Issues(save.error?.error.issues ?? []);
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    save.mutate({ ...form, timeoutMs: wholeNumberOrNaN(form.timeoutMs) });
  };
  const off = !canEdit || !form.enabled;

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Finding sites from addresses">
      <Typography variant="subtitle1" component="h2">
        Finding sites from addresses
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        With a geocoder, the site dialog offers “Find the address”: the places it finds are listed and the user picks
        the right one. Without one, sites are placed on the map by hand. Addresses are sent to the server set here.
      </Typography>
      <Box component="form" onSubmit={submit} noValidate aria-label="Geocoder">
        <FormControlLabel
          control={
            <Switch
              checked={form.enabled}
              disabled={!canEdit}
              onChange={(e) => set({ enabled: e.target.checked })}
              name="geocoderEnabled"
            />
          }
          label="Use a geocoder"
        />
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 2 }}>
          <TextField
            select
            label="Service"
            value={form.service}
            disabled={off}
            onChange={(e) => set({ service: e.target.value as Form['service'] })}
            {...issues.field('service')}
            sx={{ width: 160 }}
          >
            {geocoderServices.map((s) => (
              <MenuItem key={s} value={s}>
                {geocoderServiceLabels[s]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Server address"
            name="geocoderUrl"
            value={form.url}
            disabled={off}
            onChange={(e) => set({ url: e.target.value })}
            error={issues.field('url').error}
            helperText={
              issues.at('url') ??
              (form.service === 'nominatim'
                ? 'Asked at /search, e.g. http://nominatim.internal:8080'
                : 'Asked at /api, e.g. http://photon.internal:2322')
            }
            sx={{ flex: 1, minWidth: 280 }}
          />
          <TextField
            label="Wait at most (ms)"
            name="geocoderTimeout"
            value={form.timeoutMs}
            disabled={off}
            onChange={(e) => set({ timeoutMs: e.target.value })}
            {...issues.field('timeoutMs')}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 170 }}
          />
        </Stack>
        {canEdit && (
          <SettingsSaveRow
            error={save.error}
            saving={save.isPending}
            saved={save.isSuccess}
            fieldsMessage="Correct the marked fields; nothing was saved."
          />
        )}
      </Box>
    </Paper>
  );
}
