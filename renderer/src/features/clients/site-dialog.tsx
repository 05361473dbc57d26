import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type SyntheticEvent } from 'react';
import type { SiteDto } from '../../../../shared/domain/directory';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { call, type ApiCallError } from '../../transport/client';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { TimeZoneField } from '../admin/time-zone-field';
import { WeeklyHoursField } from '../admin/weekly-hours-field';
import { issuesOf } from '../technicians/technician-format';
import { currentIssues, shownOnSiteField, siteFieldsOf, siteFormOf, type SiteForm } from './site-form';
import { SiteLocationField } from './site-location-field';
import { StaleEditAlert } from './stale-edit-alert';

/**
 * Adds a site to a client (site null) or edits one: address and coordinates, what technicians need
 * to get in (badge, escort…) and when they may (weekly hours in the site's zone). The edit is based
 * on the revision the form was opened with, so a change made meanwhile elsewhere is not overwritten.
 */
export function SiteDialogForm({
  clientId,
  clientTimeZone,
  site,
  onClose,
}: {
  clientId: string;
  clientTimeZone: string | null;
  site: SiteDto | null;
  onClose: () => void;
}) {
  const [base, setBase] = useState(site);
  const [form, setForm] = useState<SiteForm>(() => siteFormOf(site));
  const set = <K extends keyof SiteForm>(key: K, value: SiteForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const update = useApiMutation('sites.update', ['sites.list', 'clients.list']);
  const create = useApiMutation('sites.create', ['sites.list', 'clients.list']);
  const save = base ? update : create;
  const error: ApiCallError | null = save.error;
  const [sent, setSent] = useState<SiteForm | null>(null);
  const issues = currentIssues(issuesOf(error), form, sent);
  const stale = error?.error.code === 'stale';
  const unplaced = error && !stale ? (error.error.issues ?? []).filter((i) => !shownOnSiteField(i)) : [];
  const summary = error && !stale && (error.error.issues?.length ?? 0) === 0 ? error.message : null;
  const title = base ? `Edit site ${base.name}` : 'Add site';
  // The client's other placed sites frame the map when this one has no point yet.
  const clientSites = useApiQuery('sites.list', { clientId });
  const otherSites = useMemo(
    () =>
      (clientSites.data ?? []).flatMap((s) =>
        s.id !== base?.id && s.latitude !== null && s.longitude !== null
          ? [{ latitude: s.latitude, longitude: s.longitude }]
          : [],
      ),
    [clientSites.data, base?.id],
  );

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const fields = siteFieldsOf(form);
    setSent(form);
    if (base) update.mutate({ id: base.id, expectedRevision: base.revision, ...fields }, { onSuccess: onClose });
    else create.mutate({ clientId, ...fields }, { onSuccess: onClose });
  };

  const reloadTheirs = async () => {
    const sites = await call('sites.list', { clientId });
    const now = sites.find((s) => s.id === base?.id) ?? null;
    setBase(now);
    setForm(siteFormOf(now));
    save.reset();
  };

  const text = (key: 'name' | 'address' | 'accessRequirements') => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    ...issues.field(key),
  });

  return (
    <form onSubmit={submit} onKeyDownCapture={saveOnCtrlEnter(submit)} noValidate aria-label={title}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {stale && <StaleEditAlert what="site" onLoadTheirs={() => void reloadTheirs()} />}
          {summary && <Alert severity="error">{summary}</Alert>}
          {unplaced.length > 0 && (
            <Alert severity="error">
              {unplaced.map((i) => `${i.path.join('.') || 'Input'}: ${i.message}`).join(' · ')}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 5 }}>
              <TextField label="Site name" required autoFocus fullWidth {...text('name')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 7 }}>
              <TextField label="Address" required fullWidth {...text('address')} />
            </Grid>
            <Grid size={12}>
              <SiteLocationField
                address={form.address}
                latitude={form.latitude}
                longitude={form.longitude}
                near={otherSites}
                onChange={(latitude, longitude) => setForm((f) => ({ ...f, latitude, longitude }))}
                latitudeField={issues.field('latitude')}
                longitudeField={issues.field('longitude')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TimeZoneField
                label="Site time zone"
                value={form.timeZone}
                onChange={(zone) => set('timeZone', zone)}
                error={issues.at('timeZone')}
                unsetText={
                  clientTimeZone
                    ? `None: the client's zone applies (${clientTimeZone})`
                    : 'None: the default zone applies'
                }
              />
            </Grid>
            <Grid size={12}>
              <TextField
                label="Access requirements"
                fullWidth
                multiline
                minRows={2}
                placeholder="Badge at reception, escort required, parking behind building B…"
                {...text('accessRequirements')}
                helperText={issues.at('accessRequirements') ?? 'Shown to the technician and on the visit checklist.'}
              />
            </Grid>
          </Grid>
          <Box>
            <FormControlLabel
              control={<Switch checked={form.restrictHours} onChange={(e) => set('restrictHours', e.target.checked)} />}
              label="Technicians may only work there at set hours"
            />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {form.restrictHours
                ? 'Ranking and day planning only start visits that fit inside these hours, in the site’s time zone.'
                : 'No restriction: visits may be booked at any time of the technician’s shift.'}
            </Typography>
            {form.restrictHours ? (
              <WeeklyHoursField
                legend="Access hours"
                issuePath={['accessHours']}
                hours={form.hours}
                onChange={(hours) => set('hours', hours)}
                issues={issues}
              />
            ) : (
              issues.at('accessHours') && (
                <Typography color="error" variant="body2">
                  {issues.at('accessHours')}
                </Typography>
              )
            )}
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={save.isPending}>
          {base ? 'Save site' : 'Add site'}
        </Button>
      </DialogActions>
    </form>
  );
}
