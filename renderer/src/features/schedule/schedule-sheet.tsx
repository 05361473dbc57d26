import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import {
  checklistItems,
  driveText,
  type ScheduleTechnicianDay,
  type ScheduleVisit,
} from '../../../../shared/domain/schedule';
import { priorityLabels } from '../../../../shared/domain/ticket';

const time = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Typography variant="body2">
      <strong>{label}:</strong> {value}
    </Typography>
  );
}

function VisitCard({ visit, first, zone }: { visit: ScheduleVisit; first: boolean; zone: string }) {
  const contact = visit.contact ? [visit.contact.name, visit.contact.phone].filter(Boolean).join(', ') : null;
  return (
    <Box className="schedule-visit" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 1.5 }}>
      <Stack direction="row" sx={{ bgcolor: 'grey.200', px: 1, py: 0.5, gap: 2, alignItems: 'baseline' }}>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {time(visit.startsAt, zone)}–{time(visit.endsAt, zone)}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {visit.ticketNumber}
        </Typography>
        <Typography variant="body2" sx={{ flex: 1 }}>
          {visit.clientName}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {priorityLabels[visit.priority].toUpperCase()}
        </Typography>
      </Stack>
      <Box sx={{ px: 1, py: 0.5 }}>
        <Field
          label={first ? 'Drive from base' : 'Drive from previous stop'}
          value={driveText(visit.driveMinutes) ?? 'unknown (no coordinates)'}
        />
        <Field label="Site" value={[visit.siteName, visit.siteAddress].filter(Boolean).join(', ') || null} />
        <Field label="Contact" value={contact} />
        <Field label="Access" value={visit.accessRequirements} />
        <Field label="Work type" value={visit.workType} />
        <Field label="Parts" value={visit.parts.length > 0 ? visit.parts.join('; ') : null} />
        <Field
          label="Crew"
          value={visit.crew.map((c) => (c.role === 'lead' ? `${c.name} (lead)` : c.name)).join(', ')}
        />
        <Typography variant="body2" sx={{ my: 0.5, whiteSpace: 'pre-wrap' }}>
          {visit.description}
        </Typography>
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }} aria-label="Checklist">
          {checklistItems(visit.checklist).map((item) => (
            <Typography key={item.label} variant="caption">
              {item.done ? '☒' : '☐'} {item.label}
            </Typography>
          ))}
        </Stack>
        <Typography variant="caption" sx={{ fontStyle: 'italic', display: 'block', mt: 0.5 }}>
          Notes
        </Typography>
        {[0, 1, 2].map((i) => (
          <Box key={i} sx={{ borderBottom: 1, borderColor: 'grey.500', height: 20 }} />
        ))}
      </Box>
    </Box>
  );
}

/** One technician's day as it prints: the header, then the visit cards in order. */
export function TechnicianSheet({ day, date }: { day: ScheduleTechnicianDay; date: string }) {
  const departure = day.firstDepartureAt ? time(day.firstDepartureAt, day.timeZone) : 'not known';
  return (
    <Box component="section" className="schedule-technician" aria-label={day.name} sx={{ mb: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {day.name}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {DateTime.fromISO(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy')}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {day.team ? `Team ${day.team} · ` : ''}Shift {day.shift.length > 0 ? day.shift.join(', ') : 'no shift'} · First
        departure {departure} · {day.visits.length} visit{day.visits.length === 1 ? '' : 's'} · {day.timeZone}
      </Typography>
      {day.visits.map((v, i) => (
        <VisitCard key={v.visitId} visit={v} first={i === 0} zone={day.timeZone} />
      ))}
    </Box>
  );
}
