import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { useApiQuery } from '../../transport/queries';
import { UnseenChangesPanel } from '../notifications/unseen-changes-panel';
import { markSeen, useUnseenChanges } from '../notifications/unseen-store';
import { DayVisitCard } from './day-visit-card';

/**
 * The technician's day: their visits in order, with everything needed on the road and the status
 * buttons. A technician sees their own; a dispatcher picks a technician and records on their
 * behalf (e.g. from a phone call); a supervisor may look.
 */
export function MyDayPage({ user }: { user: UserDto }) {
  const isTechnician = user.role === 'technician';
  // Null: the server's today in the technician's zone.
  const [date, setDate] = useState<string | null>(null);
  const [technicianId, setTechnicianId] = useState<string>('');
  const technicians = useApiQuery('technicians.list', {}, { enabled: !isTechnician });
  const day = useApiQuery(
    'visits.myDay',
    { ...(date ? { date } : {}), ...(technicianId ? { technicianId } : {}) },
    { enabled: isTechnician || technicianId !== '' },
  );
  const shown = day.data?.date ?? date ?? DateTime.now().toISODate();
  const move = (days: number) => setDate(DateTime.fromISO(shown).plus({ days }).toISODate());
  const technician = day.data?.technician ?? null;
  const canRecord = roleIn(access.visitStatus, user.role);
  const onBehalf = isTechnician ? null : (technician?.name ?? null);
  const heading = DateTime.fromISO(shown).toFormat('cccc d LLLL yyyy');
  // News of their visits is the technician's own; a dispatcher looking at a day has none here.
  const unseen = useUnseenChanges(user.id);
  const unseenByVisit = new Map(isTechnician ? unseen.map((u) => [u.visitId, u.kind]) : []);

  return (
    <Stack spacing={2} sx={{ height: '100%', overflow: 'auto', maxWidth: 980, mx: 'auto', pt: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h1" sx={{ mr: 2 }}>
          {isTechnician ? 'My day' : 'Technician’s day'}
        </Typography>
        {!isTechnician && (
          <TextField
            select
            size="small"
            label="Technician"
            value={technicianId}
            onChange={(e) => setTechnicianId(e.target.value)}
            fullWidth={false}
            sx={{ minWidth: 240 }}
          >
            {(technicians.data ?? [])
              .filter((t) => t.active)
              .map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {t.name}
                  {t.team ? ` · ${t.team}` : ''}
                </MenuItem>
              ))}
          </TextField>
        )}
        <Box sx={{ flex: 1 }} />
        <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }} role="group" aria-label="Choose the day">
          <IconButton aria-label="Previous day" onClick={() => move(-1)}>
            <ChevronLeftIcon />
          </IconButton>
          <TextField
            type="date"
            size="small"
            label="Day"
            value={shown}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            fullWidth={false}
            sx={{ width: 170 }}
          />
          <IconButton aria-label="Next day" onClick={() => move(1)}>
            <ChevronRightIcon />
          </IconButton>
          <Button size="small" onClick={() => setDate(null)} disabled={date === null}>
            Today
          </Button>
        </Stack>
      </Stack>

      {!isTechnician && technician && canRecord && (
        <Alert severity="info" variant="outlined">
          Recording on behalf of {technician.name}: every status you set is marked as recorded for them.
        </Alert>
      )}
      {!isTechnician && !technicianId && <Alert severity="info">Pick a technician to see their day.</Alert>}
      {day.isError && <Alert severity="error">{day.error.message}</Alert>}
      {isTechnician && day.data && !technician && (
        <Alert severity="warning">
          Your login is not linked to a technician record, so no visits can be shown. Ask an administrator to link it on
          the Technicians page.
        </Alert>
      )}
      {isTechnician && technician && (
        <UnseenChangesPanel userId={user.id} changes={unseen} zone={technician.timeZone} onShowDay={setDate} />
      )}
      {technician && (
        <Typography variant="subtitle1" component="h2" aria-label="Day shown">
          {heading}
          {technician.timeZone !== DateTime.local().zoneName && (
            <Typography component="span" variant="body2" color="text.secondary">
              {' '}
              · times in {technician.timeZone}
            </Typography>
          )}
        </Typography>
      )}
      {technician && day.data?.visits.length === 0 && (
        <Typography color="text.secondary">No visits on this day.</Typography>
      )}
      <Stack spacing={2} component="section" aria-label="Visits of the day">
        {technician &&
          day.data?.visits.map((visit) => (
            <DayVisitCard
              key={visit.id}
              visit={visit}
              user={user}
              zone={technician.timeZone}
              day={shown}
              onBehalf={onBehalf}
              canRecord={canRecord}
              unseen={unseenByVisit.get(visit.id) ?? null}
              onSeen={() => markSeen(user.id, [visit.id])}
            />
          ))}
      </Stack>
    </Stack>
  );
}
