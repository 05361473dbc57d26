import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import { useApiQuery } from '../../transport/queries';
import { TechnicianDialog } from './technician-dialog';
import { homeText, isPast, shiftSummary } from './technician-format';
import { TimeOffPanel } from './time-off-panel';
import { DispatchSettingsPanel } from './dispatch-settings-panel';
import { GeocoderSettingsPanel } from './geocoder-settings-panel';
import { WorkTypesPanel } from './work-types-panel';
import { DataTable } from '../../components/data-table';
import { allTeams, TeamFilter } from '../../components/team-filter';

/** Technicians with their skills, shifts and time off; admins edit them and the work types. */
export function TechniciansPage({ user }: { user: UserDto }) {
  const isAdmin = roleIn(access.admin, user.role);
  const canDispatch = roleIn(access.dispatch, user.role);
  const [tab, setTab] = useState<'technicians' | 'workTypes' | 'dispatch'>('technicians');
  const [team, setTeam] = useState(allTeams);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<TechnicianDto | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApiQuery('technicians.list', {});
  const technicians = useMemo(() => list.data ?? [], [list.data]);
  const teams = useMemo(
    () => [...new Set(technicians.map((t) => t.team).filter((t): t is string => Boolean(t)))].sort(),
    [technicians],
  );
  const needle = search.trim().toLowerCase();
  const rows = technicians
    .filter((t) => team === allTeams || (t.team ?? '') === team)
    .filter(
      (t) =>
        !needle ||
        [
          t.name,
          t.login?.username,
          t.team,
          t.email,
          t.phone,
          t.home.address,
          ...t.skills.map((s) => s.name),
          ...t.certifications.map((c) => c.name),
        ].some((v) => v?.toLowerCase().includes(needle)),
    )
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  const opened = technicians.find((t) => t.id === openId) ?? null;

  return (
    <Stack spacing={1.5} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1">
          Technicians
        </Typography>
        {isAdmin && (
          <Tabs
            value={tab}
            onChange={(_e, v: typeof tab) => setTab(v)}
            aria-label="Technicians sections"
            sx={{ minHeight: 36 }}
          >
            <Tab value="technicians" label="Technicians" sx={{ minHeight: 36, py: 0 }} />
            <Tab value="workTypes" label="Work types" sx={{ minHeight: 36, py: 0 }} />
            <Tab value="dispatch" label="Dispatch settings" sx={{ minHeight: 36, py: 0 }} />
          </Tabs>
        )}
      </Stack>

      {tab === 'workTypes' ? (
        <WorkTypesPanel canEdit={isAdmin} />
      ) : tab === 'dispatch' ? (
        <Stack spacing={2}>
          <DispatchSettingsPanel canEdit={isAdmin} />
          <GeocoderSettingsPanel canEdit={isAdmin} />
        </Stack>
      ) : (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TeamFilter teams={teams} value={team} onChange={setTeam} width={200} />
            <TextField
              label="Search"
              placeholder="Name, skill, certification…"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              sx={{ width: 320 }}
              fullWidth={false}
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchIcon fontSize="small" />
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Typography variant="body2" color="text.secondary">
              {rows.length} of {technicians.length}
            </Typography>
            {isAdmin && (
              <Button
                variant="contained"
                size="small"
                startIcon={<AddIcon />}
                sx={{ ml: 'auto !important' }}
                onClick={() => setEditing('new')}
              >
                Add technician
              </Button>
            )}
          </Stack>
          <DataTable
            label="Technicians"
            columns={[
              'Name',
              'Login',
              'Team',
              'Skills',
              'Certifications',
              'Shift',
              { label: 'Max/day', align: 'right' },
              'Home base',
              'Active',
              '',
            ]}
            source={list}
            rowCount={rows.length}
            emptyText={technicians.length === 0 ? 'No technicians yet.' : 'No technician matches the filter.'}
          >
            {rows.map((t) => (
              <TableRow
                key={t.id}
                hover
                tabIndex={0}
                selected={t.id === openId}
                aria-label={t.name}
                onClick={() => setOpenId(t.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) setOpenId(t.id);
                }}
                sx={{ cursor: 'pointer', opacity: t.active ? 1 : 0.6 }}
              >
                <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{t.name}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t.login ? (
                    <Tooltip title={t.login.displayName}>
                      <span>{t.login.username}</span>
                    </Tooltip>
                  ) : (
                    <Typography component="span" variant="body2" color="text.secondary">
                      Not linked
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{t.team ?? '—'}</TableCell>
                <TableCell>
                  <SkillChips technician={t} />
                </TableCell>
                <TableCell>
                  <Certifications technician={t} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{shiftSummary(t.shiftPattern)}</TableCell>
                <TableCell align="right">{t.maxVisitsPerDay ?? '—'}</TableCell>
                <TableCell sx={{ maxWidth: 220 }}>{homeText(t)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={t.active ? 'success' : 'default'}
                    label={t.active ? 'Active' : 'Inactive'}
                  />
                </TableCell>
                <TableCell align="right">
                  {isAdmin && (
                    <Button
                      size="small"
                      aria-label={`Edit ${t.name}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        setEditing(t);
                      }}
                    >
                      Edit
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      )}

      <Drawer
        anchor="right"
        open={opened !== null}
        onClose={() => setOpenId(null)}
        slotProps={{ paper: { sx: { width: 600, p: 2 } } }}
      >
        {opened && (
          <TechnicianDetail
            technician={opened}
            canEdit={isAdmin}
            canDispatch={canDispatch}
            onEdit={() => setEditing(opened)}
            onClose={() => setOpenId(null)}
          />
        )}
      </Drawer>
      <TechnicianDialog
        open={editing !== null}
        technician={editing === 'new' ? null : editing}
        technicians={technicians}
        teams={teams}
        canManageLogins={isAdmin}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

function SkillChips({ technician }: { technician: TechnicianDto }) {
  if (technician.skills.length === 0) return <>—</>;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {technician.skills.map((s) => {
        const expired = isPast(s.certifiedUntil);
        const chip = (
          <Chip
            size="small"
            variant={expired ? 'filled' : 'outlined'}
            color={expired ? 'warning' : 'default'}
            icon={expired ? <WarningAmberIcon /> : undefined}
            label={`${s.name} L${s.level}`}
          />
        );
        return s.certifiedUntil ? (
          <Tooltip
            key={s.skillId}
            title={`${expired ? 'Certification expired' : 'Certified until'} ${s.certifiedUntil}`}
          >
            {chip}
          </Tooltip>
        ) : (
          <Box key={s.skillId} component="span">
            {chip}
          </Box>
        );
      })}
    </Stack>
  );
}

function Certifications({ technician }: { technician: TechnicianDto }) {
  if (technician.certifications.length === 0) return <>—</>;
  return (
    <Stack spacing={0}>
      {technician.certifications.map((c) => {
        const expired = isPast(c.expiresOn);
        return (
          <Typography
            key={c.name}
            variant="body2"
            color={expired ? 'error' : undefined}
            sx={{ whiteSpace: 'nowrap', display: 'flex', alignItems: 'center', gap: 0.5 }}
          >
            {expired && <WarningAmberIcon fontSize="inherit" aria-label="Expired" />}
            {c.name}
            <Typography component="span" variant="caption" color={expired ? 'error' : 'text.secondary'}>
              {c.expiresOn ? (expired ? `expired ${c.expiresOn}` : `until ${c.expiresOn}`) : 'no expiry'}
            </Typography>
          </Typography>
        );
      })}
    </Stack>
  );
}

function TechnicianDetail({
  technician: t,
  canEdit,
  canDispatch,
  onEdit,
  onClose,
}: {
  technician: TechnicianDto;
  canEdit: boolean;
  canDispatch: boolean;
  onEdit: () => void;
  onClose: () => void;
}) {
  const facts: [string, string][] = [
    ['Team', t.team ?? '—'],
    ['Phone', t.phone ?? '—'],
    ['Email', t.email ?? '—'],
    ['Home base', homeText(t)],
    ['Time zone', t.timeZone ?? '—'],
    ['Shift', shiftSummary(t.shiftPattern)],
    ['Max visits/day', t.maxVisitsPerDay?.toString() ?? '—'],
  ];
  return (
    <Stack spacing={1.5} role="region" aria-label={`Technician ${t.name}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2">
          {t.name}
        </Typography>
        {!t.active && <Chip size="small" label="Inactive" />}
        <Box sx={{ flex: 1 }} />
        {canEdit && (
          <Button size="small" variant="outlined" onClick={onEdit}>
            Edit
          </Button>
        )}
        <IconButton size="small" aria-label="Close" onClick={onClose}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 0.5, m: 0 }}>
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <Stack spacing={0.5}>
        <Typography variant="subtitle2">Skills</Typography>
        <SkillChips technician={t} />
      </Stack>
      <Stack spacing={0.5}>
        <Typography variant="subtitle2">Certifications</Typography>
        <Certifications technician={t} />
      </Stack>
      <Divider />
      <TimeOffPanel technician={t} canEdit={canDispatch} />
    </Stack>
  );
}
