import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { QueueRow } from '../../../../shared/domain/ticket';
import type { VisitDto } from '../../../../shared/domain/visit';
import { select, useSelection } from '../../app/selection';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { BasemapSettings } from './basemap-settings';
import { formatTime } from './map-day';
import type { Route } from './route';
import { ageInWords, fieldStatus, fieldStatusLabels, STALE_AFTER_MS } from './technician-marker';
import { RANKED_SHOWN, type Ranking } from './use-ranking';

interface Props {
  day: string;
  technicians: TechnicianDto[];
  tickets: QueueRow[];
  visits: VisitDto[];
  route: Route | null;
  ranking: Ranking;
  unplacedTechnicians: number;
  unlocatedTickets: number;
  now: number;
}

/** What is selected, in words and lists a keyboard can reach, beside the map. */
export function MapSidePanel(props: Props) {
  const { day, unplacedTechnicians, unlocatedTickets } = props;
  const selection = useSelection();
  const technician = props.technicians.find((t) => t.id === selection.technicianId) ?? null;
  const ticket = props.tickets.find((t) => t.id === selection.ticketId) ?? null;

  return (
    <Paper
      component="aside"
      aria-label="Map details"
      variant="outlined"
      sx={{ width: 340, flexShrink: 0, overflowY: 'auto', p: 1.5 }}
    >
      <Stack spacing={1.5}>
        <TextField
          label="Day"
          type="date"
          value={day}
          onChange={(e) => e.target.value && select({ day: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {technician ? (
          <TechnicianSection technician={technician} {...props} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            Select a technician to see their route for the day.
          </Typography>
        )}
        <Divider />
        {ticket ? (
          <TicketSection ticket={ticket} ranking={props.ranking} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            Select a ticket to see who could take it.
          </Typography>
        )}
        {(unplacedTechnicians > 0 || unlocatedTickets > 0) && (
          <Typography variant="caption" color="text.secondary">
            Not on the map:{' '}
            {[
              unplacedTechnicians > 0 && `${unplacedTechnicians} technicians without a position or home base`,
              unlocatedTickets > 0 && `${unlocatedTickets} tickets whose site has no coordinates`,
            ]
              .filter(Boolean)
              .join('; ')}
            .
          </Typography>
        )}
        <Divider />
        <Legend />
        <Divider />
        <BasemapSettings />
      </Stack>
    </Paper>
  );
}

function TechnicianSection({ technician, visits, route, now }: Props & { technician: TechnicianDto }) {
  const position = technician.lastPosition;
  const stale = !position || now - Date.parse(position.at) > STALE_AFTER_MS;
  let stop = 0;
  return (
    <Box component="section" aria-label="Selected technician">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {technician.name}
        </Typography>
        <Button size="small" onClick={() => select({ technicianId: null })}>
          Clear
        </Button>
      </Stack>
      <Typography variant="body2">
        {fieldStatusLabels[fieldStatus(technician.id, visits)]} ·{' '}
        <Box component="span" sx={{ color: stale ? 'text.secondary' : 'inherit' }}>
          {position ? `position ${ageInWords(position.at, now)}` : 'no position reported; shown at home base'}
        </Box>
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        Route for the day
      </Typography>
      {route && route.stops.length + route.unmapped.length > 0 ? (
        <List dense disablePadding aria-label="Route for the day">
          {route.stops.map((s) =>
            s.visit ? (
              <ListItem key={s.visit.id} disableGutters>
                <ListItemText
                  primary={`${++stop}. ${formatTime(s.visit.startsAt)} ${s.visit.ticketNumber}`}
                  secondary={[s.visit.clientName, s.visit.site?.name].filter(Boolean).join(' · ')}
                />
              </ListItem>
            ) : (
              <ListItem key="base" disableGutters>
                <ListItemText primary="Base" secondary={technician.home.address ?? 'Home base'} />
              </ListItem>
            ),
          )}
          {route.unmapped.map((v) => (
            <ListItem key={v.id} disableGutters>
              <ListItemText
                primary={`${formatTime(v.startsAt)} ${v.ticketNumber}`}
                secondary="Site has no coordinates: not drawn"
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          No visits that day.
        </Typography>
      )}
    </Box>
  );
}

function TicketSection({ ticket, ranking }: { ticket: QueueRow; ranking: Ranking }) {
  const ranked = ranking.data?.ranked.slice(0, RANKED_SHOWN) ?? [];
  return (
    <Box component="section" aria-label="Selected ticket">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {ticket.number}
        </Typography>
        <PriorityChip priority={ticket.priority} />
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={() => select({ ticketId: null })}>
          Clear
        </Button>
      </Stack>
      <Typography variant="body2">{[ticket.clientName, ticket.siteName].filter(Boolean).join(' · ')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {ticket.summary}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        Best technicians
      </Typography>
      {ranking.error && <Alert severity="error">{ranking.error.message}</Alert>}
      {ticket.scheduledAt && (
        <Typography variant="body2" color="text.secondary">
          Already scheduled ({formatDateTime(ticket.scheduledAt)}); rebook it on the board.
        </Typography>
      )}
      {ranking.isLoading && <Typography variant="body2">Ranking…</Typography>}
      {ranking.data && ranked.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Nobody can take it that day.
        </Typography>
      )}
      {ranked.length > 0 && (
        <List dense disablePadding aria-label="Best technicians">
          {ranked.map((r, index) => (
            <ListItemButton key={r.technicianId} onClick={() => select({ technicianId: r.technicianId })}>
              <ListItemText
                primary={`${index + 1}. ${r.name} — ${Math.round(r.parts.travelMinutes)} min`}
                secondary={r.reasons.join('; ') || `arrives ${formatTime(r.parts.arrival)}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}

function Legend() {
  const swatch = (colour: string, round: boolean) => (
    <Box
      component="span"
      aria-hidden="true"
      sx={{
        display: 'inline-block',
        width: 12,
        height: 12,
        mr: 0.75,
        bgcolor: colour,
        borderRadius: round ? '50%' : 0.5,
      }}
    />
  );
  return (
    <Box component="section" aria-label="Legend">
      <Typography variant="subtitle2" component="h2">
        Legend
      </Typography>
      <Typography variant="body2">
        {swatch('#2e7d32', true)}On site {swatch('#e07b00', true)}En route {swatch('#546e7a', true)}Idle
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Faded: position older than an hour, or the home base. Tickets: ‼ Critical, ! High, • Medium, · Low.
      </Typography>
    </Box>
  );
}
