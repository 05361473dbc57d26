import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SkillDto, TechnicianDto } from '../../../../shared/domain/technician';
import { FormDialog } from '../../components/form-dialog';
import { QuickCreateDialog } from '../../components/quick-create-dialog';
import { ApiCallError, call } from '../../transport/client';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { TimeZoneField } from '../admin/time-zone-field';
import { WeeklyHoursField } from '../admin/weekly-hours-field';
import { hoursFromPattern, isPast, issuesOf, patternFromHours, skillLevels, type Hours } from './technician-format';
import { TechnicianLoginField, type LoginChoice, type NewLogin } from './technician-login-field';

interface SkillRow {
  skillId: string;
  level: number;
  certifiedUntil: string;
}
interface CertRow {
  name: string;
  expiresOn: string;
}
interface Form {
  name: string;
  phone: string;
  email: string;
  team: string;
  homeAddress: string;
  homeLatitude: string;
  homeLongitude: string;
  timeZone: string;
  hours: Hours;
  maxVisitsPerDay: string;
  skills: SkillRow[];
  certifications: CertRow[];
  active: boolean;
}

function formOf(t: TechnicianDto | null): Form {
  return {
    name: t?.name ?? '',
    phone: t?.phone ?? '',
    email: t?.email ?? '',
    team: t?.team ?? '',
    homeAddress: t?.home.address ?? '',
    homeLatitude: t?.home.latitude?.toString() ?? '',
    homeLongitude: t?.home.longitude?.toString() ?? '',
    timeZone: t?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    hours: hoursFromPattern(t?.shiftPattern ?? null),
    maxVisitsPerDay: t?.maxVisitsPerDay?.toString() ?? '',
    skills: (t?.skills ?? []).map((s) => ({
      skillId: s.skillId,
      level: s.level,
      certifiedUntil: s.certifiedUntil ?? '',
    })),
    certifications: (t?.certifications ?? []).map((c) => ({ name: c.name, expiresOn: c.expiresOn ?? '' })),
    active: t?.active ?? true,
  };
}

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));
const textOrNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The technician's shift issues (shiftPattern.fri.0.1) as the hours field reads them (calendar.hours.…). */
function shiftIssues(issues: Issues): Issues {
  return new Issues(
    issues.under('shiftPattern').map((i) => ({ ...i, path: ['calendar', 'hours', ...i.path.slice(1)] })),
  );
}

interface DialogProps {
  technician: TechnicianDto | null;
  /** Every technician: which logins are linked to someone else already. */
  technicians: TechnicianDto[];
  teams: string[];
  /** Whether the caller may list and create users (admins), and so pick or create the login. */
  canManageLogins: boolean;
  onClose: () => void;
}

/** Add or edit a technician (admins). Server issues land on the fields they name. */
export function TechnicianDialog({ open, ...props }: DialogProps & { open: boolean }) {
  return open && <TechnicianForm {...props} />;
}

function TechnicianForm({ technician, technicians, teams, canManageLogins, onClose }: DialogProps) {
  const [form, setForm] = useState<Form>(() => formOf(technician));
  const [login, setLogin] = useState<LoginChoice>(() =>
    technician?.userId ? { kind: 'existing', userId: technician.userId } : { kind: 'none' },
  );
  const [newLogin, setNewLogin] = useState<NewLogin>({ username: '', displayName: '', password: '' });
  const [loginError, setLoginError] = useState<ApiCallError | null>(null);
  const [creatingLogin, setCreatingLogin] = useState(false);
  const [newSkillOpen, setNewSkillOpen] = useState(false);
  const skills = useApiQuery('skills.list', {});
  const save = useApiMutation('technicians.save', ['technicians.list']);
  const queryClient = useQueryClient();
  const issues = issuesOf(save.error);
  const loginIssues = issuesOf(loginError);
  const title = technician ? `Edit ${technician.name}` : 'Add technician';
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (
    key: 'name' | 'phone' | 'email' | 'team' | 'homeAddress' | 'homeLatitude' | 'homeLongitude' | 'maxVisitsPerDay',
  ) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    ...issues.field(key),
  });

  /** The login to link: the picked one, or one created now (its own failure stops the save). */
  const linkedUserId = async (): Promise<string | null | undefined> => {
    if (login.kind === 'none') return null;
    if (login.kind === 'existing') return login.userId;
    setCreatingLogin(true);
    try {
      const user = await call('users.create', {
        username: newLogin.username.trim(),
        displayName: newLogin.displayName.trim() || form.name.trim(),
        role: 'technician',
        password: newLogin.password,
      });
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      // Linked from now on: a failed technician save must not create the same login twice.
      setLogin({ kind: 'existing', userId: user.id });
      return user.id;
    } catch (error) {
      if (error instanceof ApiCallError) setLoginError(error);
      else throw error;
      return undefined;
    } finally {
      setCreatingLogin(false);
    }
  };

  const submit = async () => {
    setLoginError(null);
    const userId = canManageLogins ? await linkedUserId() : (technician?.userId ?? null);
    if (userId === undefined) return;
    save.mutate(
      {
        ...(technician ? { id: technician.id } : {}),
        userId,
        name: form.name.trim(),
        phone: textOrNull(form.phone),
        email: textOrNull(form.email),
        team: textOrNull(form.team),
        homeAddress: textOrNull(form.homeAddress),
        homeLatitude: numberOrNull(form.homeLatitude),
        homeLongitude: numberOrNull(form.homeLongitude),
        timeZone: textOrNull(form.timeZone),
        shiftPattern: patternFromHours(form.hours),
        maxVisitsPerDay: numberOrNull(form.maxVisitsPerDay),
        skills: form.skills.map((s) => ({
          skillId: s.skillId,
          level: s.level,
          certifiedUntil: s.certifiedUntil || null,
        })),
        certifications: form.certifications.map((c) => ({ name: c.name.trim(), expiresOn: c.expiresOn || null })),
        active: form.active,
      },
      { onSuccess: onClose },
    );
  };

  const skillList: SkillDto[] = skills.data ?? [];
  const unused = (current: string) =>
    skillList.filter((s) => s.id === current || !form.skills.some((r) => r.skillId === s.id));
  const setSkill = (index: number, row: Partial<SkillRow>) =>
    set(
      'skills',
      form.skills.map((r, i) => (i === index ? { ...r, ...row } : r)),
    );
  const setCert = (index: number, row: Partial<CertRow>) =>
    set(
      'certifications',
      form.certifications.map((r, i) => (i === index ? { ...r, ...row } : r)),
    );
  const firstFree = unused('').at(0);

  return (
    <>
      <FormDialog
        title={title}
        onClose={onClose}
        onSubmit={() => void submit()}
        busy={save.isPending || creatingLogin}
        error={loginError ? `The login was not created: ${loginError.message}` : save.error?.message}
        hint="Ctrl+Enter saves"
        maxWidth="md"
        spacing={1.5}
        dividers
      >
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Name" required autoFocus {...text('name')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField label="Phone" {...text('phone')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField label="Email" type="email" {...text('email')} />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <TechnicianLoginField
              technician={technician}
              technicians={technicians}
              canManageLogins={canManageLogins}
              choice={login}
              onChoice={setLogin}
              newLogin={newLogin}
              onNewLogin={setNewLogin}
              issues={login.kind === 'new' ? loginIssues : issues}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField label="Team" {...text('team')} slotProps={{ htmlInput: { list: 'technician-teams' } }} />
            <datalist id="technician-teams">
              {teams.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Grid>
          <Grid size={{ xs: 12, sm: 5 }}>
            <TimeZoneField
              value={form.timeZone}
              onChange={(zone) => set('timeZone', zone)}
              error={issues.at('timeZone')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <TextField
              label="Max visits per day"
              type="number"
              {...text('maxVisitsPerDay')}
              slotProps={{ htmlInput: { min: 1, max: 50 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Home address" {...text('homeAddress')} />
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              label="Latitude"
              type="number"
              {...text('homeLatitude')}
              slotProps={{ htmlInput: { step: 'any' } }}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              label="Longitude"
              type="number"
              {...text('homeLongitude')}
              slotProps={{ htmlInput: { step: 'any' } }}
            />
          </Grid>

          <Grid size={{ xs: 12, md: 7 }}>
            <Box
              role="group"
              aria-label="Shift pattern"
              sx={{ '& legend': { visibility: 'hidden' }, position: 'relative' }}
            >
              <Typography variant="subtitle2" sx={{ position: 'absolute', top: 6, left: 0 }}>
                Shift pattern
              </Typography>
              <WeeklyHoursField
                hours={form.hours}
                onChange={(hours) => set('hours', hours)}
                issues={shiftIssues(issues)}
              />
            </Box>
          </Grid>

          <Grid size={{ xs: 12, md: 5 }}>
            <Stack spacing={1}>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Typography variant="subtitle2">Certifications</Typography>
                <Button
                  size="small"
                  startIcon={<AddIcon fontSize="small" />}
                  sx={{ ml: 'auto' }}
                  onClick={() => set('certifications', [...form.certifications, { name: '', expiresOn: '' }])}
                >
                  Add certification
                </Button>
              </Stack>
              {issues.at('certifications') && (
                <Typography variant="caption" color="error" role="alert">
                  {issues.at('certifications')}
                </Typography>
              )}
              {form.certifications.map((row, index) => (
                <Stack key={index} direction="row" spacing={0.5} role="group" aria-label={`Certification ${index + 1}`}>
                  <TextField
                    label="Certification"
                    value={row.name}
                    autoFocus={row.name === '' && index === form.certifications.length - 1}
                    onChange={(e) => setCert(index, { name: e.target.value })}
                    {...issues.field('certifications', index, 'name')}
                    sx={{ flex: 3 }}
                  />
                  <TextField
                    label="Expires"
                    type="date"
                    value={row.expiresOn}
                    onChange={(e) => setCert(index, { expiresOn: e.target.value })}
                    {...issues.field('certifications', index, 'expiresOn')}
                    sx={{ flex: 2 }}
                    slotProps={{ inputLabel: { shrink: true } }}
                  />
                  <Tooltip title="Remove certification">
                    <IconButton
                      size="small"
                      aria-label={`Remove certification ${row.name || index + 1}`}
                      onClick={() =>
                        set(
                          'certifications',
                          form.certifications.filter((_, i) => i !== index),
                        )
                      }
                    >
                      <DeleteOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              ))}

              <FormControlLabel
                sx={{ pt: 1 }}
                control={<Switch checked={form.active} onChange={(e) => set('active', e.target.checked)} />}
                label="Active (can be dispatched)"
              />
            </Stack>
          </Grid>
          <Grid size={{ xs: 12 }}>
            <Stack spacing={1}>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Typography variant="subtitle2">Skills</Typography>
                <Button
                  size="small"
                  startIcon={<AddIcon fontSize="small" />}
                  sx={{ ml: 'auto' }}
                  disabled={!firstFree}
                  onClick={() =>
                    firstFree &&
                    set('skills', [...form.skills, { skillId: firstFree.id, level: 3, certifiedUntil: '' }])
                  }
                >
                  Add skill
                </Button>
                <Button size="small" onClick={() => setNewSkillOpen(true)}>
                  New skill…
                </Button>
              </Stack>
              {issues.at('skills') && (
                <Typography variant="caption" color="error" role="alert">
                  {issues.at('skills')}
                </Typography>
              )}
              {form.skills.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                  No skills yet.
                </Typography>
              )}
              {form.skills.map((row, index) => {
                const name = skillList.find((s) => s.id === row.skillId)?.name ?? 'Skill';
                return (
                  <Stack key={index} direction="row" spacing={0.5} role="group" aria-label={`Skill ${index + 1}`}>
                    <TextField
                      select
                      label="Skill"
                      value={row.skillId}
                      onChange={(e) => setSkill(index, { skillId: e.target.value })}
                      {...issues.field('skills', index, 'skillId')}
                      sx={{ flex: 1 }}
                    >
                      {unused(row.skillId).map((s) => (
                        <MenuItem key={s.id} value={s.id}>
                          {s.name}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField
                      select
                      label="Level"
                      value={row.level}
                      onChange={(e) => setSkill(index, { level: Number(e.target.value) })}
                      {...issues.field('skills', index, 'level')}
                      sx={{ width: 96, flexShrink: 0 }}
                    >
                      {skillLevels.map((l) => (
                        <MenuItem key={l} value={l}>
                          {l}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField
                      label="Certified until"
                      type="date"
                      value={row.certifiedUntil}
                      onChange={(e) => setSkill(index, { certifiedUntil: e.target.value })}
                      {...issues.field('skills', index, 'certifiedUntil')}
                      color={isPast(row.certifiedUntil || null) ? 'warning' : undefined}
                      focused={isPast(row.certifiedUntil || null) || undefined}
                      sx={{ width: 180, flexShrink: 0 }}
                      slotProps={{
                        inputLabel: { shrink: true },
                        htmlInput: { 'aria-label': `${name} certified until` },
                      }}
                    />
                    <Tooltip title={`Remove ${name}`}>
                      <IconButton
                        size="small"
                        aria-label={`Remove ${name}`}
                        onClick={() =>
                          set(
                            'skills',
                            form.skills.filter((_, i) => i !== index),
                          )
                        }
                      >
                        <DeleteOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                );
              })}
            </Stack>
          </Grid>
        </Grid>
      </FormDialog>
      <QuickCreateDialog
        open={newSkillOpen}
        title="New skill"
        initial={{}}
        fields={[
          { name: 'name', label: 'Skill name', required: true },
          { name: 'description', label: 'Description', multiline: true },
        ]}
        onCancel={() => setNewSkillOpen(false)}
        onSubmit={async (v) => {
          const skill = await call('skills.create', {
            name: v.name?.trim() ?? '',
            description: v.description?.trim() || null,
          });
          await queryClient.invalidateQueries({ queryKey: ['skills.list'] });
          setForm((f) => ({ ...f, skills: [...f.skills, { skillId: skill.id, level: 3, certifiedUntil: '' }] }));
          setNewSkillOpen(false);
        }}
      />
    </>
  );
}
