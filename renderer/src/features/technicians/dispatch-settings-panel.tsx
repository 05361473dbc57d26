import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { DispatchSettings } from '../../../../shared/domain/dispatch';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { useApiMutation, useApiQuery } from '../../transport/queries';

type WeightKey = keyof DispatchSettings['weights'];
type TravelNumberKey = 'detourFactor' | 'averageSpeedKmh' | 'parkingMinutes';

const weightFields: { key: WeightKey; label: string; help: string }[] = [
  { key: 'lateness', label: 'Lateness', help: 'points per minute the job would start after its SLA due time' },
  { key: 'skillFit', label: 'Skill fit', help: 'points between a bare-minimum and a top-level technician' },
  { key: 'extraTravel', label: 'Added driving', help: 'points per minute of driving the job adds to the day' },
  { key: 'travel', label: 'Driving there', help: 'points per minute from the previous place' },
  { key: 'workload', label: 'Workload', help: 'points per minute already booked that day' },
  { key: 'earliestStart', label: 'Later start', help: 'points per minute after the earliest possible start' },
];

const travelFields: { key: TravelNumberKey; label: string; unit: string }[] = [
  { key: 'detourFactor', label: 'Detour factor', unit: '× straight line' },
  { key: 'averageSpeedKmh', label: 'Average speed', unit: 'km/h' },
  { key: 'parkingMinutes', label: 'Parking and walking in', unit: 'min per trip' },
];

/**
 * How the dispatch engine ranks technicians and estimates travel. Admins edit; everyone else sees
 * the numbers the ranking uses, so a coordinator can tell why a technician came first.
 */
export function DispatchSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const settings = useApiQuery('dispatch.settings', {});
  const save = useApiMutation('dispatch.saveSettings', ['dispatch.settings', 'dispatch.recommend']);
  const [form, setForm] = useState<DispatchSettings | null>(null);
  useEffect(() => {
    if (settings.data && !form) setForm(settings.data);
  }, [settings.data, form]);

  if (settings.isError) return <Alert severity="error">{settings.error.message}</Alert>;
  if (!form) return <Typography>Loading…</Typography>;

  const issueAt = (...path: (string | number)[]) =>
    save.error?.error.issues?.find((i) => path.every((p, k) => i.path[k] === p))?.message;
  const setWeight = (key: WeightKey, value: number) => setForm({ ...form, weights: { ...form.weights, [key]: value } });
  const setTravel = (change: Partial<DispatchSettings['travel']>) =>
    setForm({ ...form, travel: { ...form.travel, ...change } });
  const setOsrm = (change: Partial<DispatchSettings['travel']['osrm']>) =>
    setTravel({ osrm: { ...form.travel.osrm, ...change } });
  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    save.mutate(form);
  };
  const dirty = JSON.stringify(form) !== JSON.stringify(settings.data);

  return (
    <Box
      component="form"
      onSubmit={submit}
      onKeyDown={saveOnCtrlEnter(() => submit())}
      aria-label="Dispatch settings"
      sx={{ overflow: 'auto' }}
    >
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} component="section" aria-label="Ranking weights">
          <Typography variant="subtitle1">Ranking weights</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Each technician gets a score in points; the lowest is ranked first. Keep lateness far above the rest so an
            on-time technician always wins.
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
            {weightFields.map(({ key, label, help }) => (
              <TextField
                key={key}
                label={label}
                name={key}
                type="number"
                value={form.weights[key]}
                disabled={!canEdit}
                onChange={(e) => setWeight(key, Number(e.target.value))}
                error={Boolean(issueAt('weights', key))}
                helperText={issueAt('weights', key) ?? help}
                slotProps={{ htmlInput: { min: 0, max: 1000, step: 'any' } }}
              />
            ))}
          </Box>
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} component="section" aria-label="Travel">
          <Typography variant="subtitle1">Travel</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Offline, travel is the straight-line distance × the detour factor at the average speed, plus parking. A
            road-routing server (OSRM) gives real road times; when it does not answer the offline estimate is used.
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 2 }}>
            {travelFields.map(({ key, label, unit }) => (
              <TextField
                key={key}
                label={label}
                name={key}
                type="number"
                value={form.travel[key]}
                disabled={!canEdit}
                onChange={(e) => setTravel({ [key]: Number(e.target.value) })}
                error={Boolean(issueAt('travel', key))}
                helperText={issueAt('travel', key) ?? unit}
                slotProps={{ htmlInput: { step: 'any' } }}
              />
            ))}
          </Box>
          <FormControlLabel
            sx={{ mt: 2 }}
            control={
              <Switch
                checked={form.travel.osrm.enabled}
                disabled={!canEdit}
                onChange={(e) => setOsrm({ enabled: e.target.checked })}
              />
            }
            label="Use a road-routing server (OSRM) for day plans"
          />
          <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
            <TextField
              label="OSRM address"
              name="osrmUrl"
              value={form.travel.osrm.url}
              disabled={!canEdit || !form.travel.osrm.enabled}
              onChange={(e) => setOsrm({ url: e.target.value })}
              error={Boolean(issueAt('travel', 'osrm', 'url'))}
              helperText={issueAt('travel', 'osrm', 'url') ?? 'e.g. http://osrm.internal:5000'}
              sx={{ flex: 2 }}
            />
            <TextField
              label="Profile"
              name="osrmProfile"
              value={form.travel.osrm.profile}
              disabled={!canEdit || !form.travel.osrm.enabled}
              onChange={(e) => setOsrm({ profile: e.target.value })}
              error={Boolean(issueAt('travel', 'osrm', 'profile'))}
              helperText={issueAt('travel', 'osrm', 'profile') ?? 'driving'}
              sx={{ flex: 1 }}
            />
          </Stack>
        </Paper>
      </Stack>
      {canEdit && (
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={!dirty || save.isPending}>
            Save
          </Button>
          <Button disabled={!dirty} onClick={() => settings.data && setForm(settings.data)}>
            Revert
          </Button>
          {save.isSuccess && !dirty && <Typography color="success.main">Saved</Typography>}
          {save.error && !save.error.error.issues && <Alert severity="error">{save.error.message}</Alert>}
        </Stack>
      )}
    </Box>
  );
}
