import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Collapse from '@mui/material/Collapse';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { UserDto } from '../../../../shared/domain/directory';
import type { DayVisit } from '../../../../shared/domain/visit-status';
import { PriorityChip } from '../../components/priority-chip';
import type { UnseenKind } from '../notifications/unseen-changes';
import { UnseenChip } from '../notifications/unseen-changes-panel';
import { VisitDocumentation } from '../visit-docs/visit-documentation';
import { clockTime, VisitProgressDetails, VisitStatusChip } from '../visits/visit-progress';
import { VisitStatusActions } from '../visits/visit-status-actions';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '76px minmax(0, 1fr)', sm: '110px minmax(0, 1fr)' }, gap: 1 }}
    >
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {/* Long e-mail addresses and URLs break rather than widen a phone's screen. */}
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** What was confirmed with the client about getting in, in words. */
function confirmedAccess(visit: DayVisit): string | null {
  const a = visit.checklist.access;
  const confirmed = [
    a.badge && 'badge',
    a.escort && 'escort',
    a.parking && 'parking',
    a.openingHours && 'opening hours',
  ].filter(Boolean);
  const parts = [confirmed.length > 0 && `Confirmed: ${confirmed.join(', ')}`, a.notes].filter(Boolean);
  return parts.length > 0 ? parts.join('. ') : null;
}

/**
 * One visit of the technician's day: when and where, whom to call, how to get in, what is wrong,
 * where it stands, and the buttons to move it on. The documentation opens below it.
 */
export function DayVisitCard({
  visit,
  user,
  zone,
  day,
  onBehalf,
  canRecord,
  unseen = null,
  onSeen,
}: {
  visit: DayVisit;
  user: UserDto;
  zone: string;
  day: string;
  onBehalf: string | null;
  canRecord: boolean;
  /** What changed since the technician last looked, shown until they say they have seen it. */
  unseen?: UnseenKind | null;
  onSeen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const access = confirmedAccess(visit);
  const contact = visit.contact;
  const checklistContact = visit.checklist.contact;
  return (
    <Card variant="outlined" component="article" aria-label={`Visit ${visit.ticketNumber}`}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2" sx={{ fontSize: 18, mr: 1 }}>
              {clockTime(visit.startsAt, zone, day)}–{clockTime(visit.endsAt, zone, day)}
            </Typography>
            <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>
              {visit.ticketNumber}
            </Typography>
            <PriorityChip priority={visit.priority} />
            <VisitStatusChip status={visit.status} />
            {unseen && (
              <>
                <UnseenChip kind={unseen} />
                <Button size="small" onClick={onSeen} aria-label={`Mark ${visit.ticketNumber} as seen`}>
                  Seen
                </Button>
              </>
            )}
            <Box sx={{ flex: 1 }} />
            <Typography variant="body2" color="text.secondary">
              {visit.clientName}
            </Typography>
          </Stack>
          <Typography variant="body1">{visit.description}</Typography>
          <Stack spacing={0.75}>
            <Line label="Address">
              {visit.site ? (
                <>
                  <strong>{visit.site.name}</strong>, {visit.site.address}
                </>
              ) : (
                'No site on the ticket'
              )}
            </Line>
            <Line label="Contact">
              {contact ? (
                <>
                  {contact.name}
                  {contact.phone && (
                    <>
                      {' · '}
                      <Link href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</Link>
                    </>
                  )}
                  {contact.email && (
                    <>
                      {' · '}
                      <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
                    </>
                  )}
                </>
              ) : (
                '—'
              )}
              {checklistContact.confirmed && checklistContact.name && (
                <Typography variant="caption" color="success.dark" component="div">
                  Visit confirmed with {checklistContact.name}
                </Typography>
              )}
            </Line>
            {(visit.siteAccessRequirements || access) && (
              <Line label="Access">
                {visit.siteAccessRequirements}
                {access && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {access}
                  </Typography>
                )}
              </Line>
            )}
            <Line label="Crew">
              {visit.crew.map((c) => `${c.name}${c.role === 'helper' ? ' (helper)' : ''}`).join(', ')}
            </Line>
          </Stack>
          <VisitProgressDetails visit={visit} zone={zone} day={day} />
          {canRecord && (
            <VisitStatusActions
              visit={visit}
              suggestedEtaAt={visit.suggestedEtaAt}
              travelMinutes={visit.travelMinutes}
              onBehalf={onBehalf}
            />
          )}
          {visit.status === 'scheduled' && canRecord && visit.suggestedEtaAt && (
            <Typography variant="caption" color="text.secondary">
              Setting off now, you would arrive about {clockTime(visit.suggestedEtaAt, zone, day)}
              {visit.travelMinutes !== null ? ` (${visit.travelMinutes} min drive)` : ' (planned start)'}.
            </Typography>
          )}
          {visit.status === 'cancelled' && <Alert severity="warning">Cancelled: {visit.cancelReason}</Alert>}
          <Divider />
          <Button
            onClick={() => setOpen(!open)}
            endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            aria-expanded={open}
            sx={{ alignSelf: 'flex-start' }}
          >
            Documentation
          </Button>
          <Collapse in={open} unmountOnExit>
            <VisitDocumentation visit={visit} user={user} />
          </Collapse>
        </Stack>
      </CardContent>
    </Card>
  );
}
