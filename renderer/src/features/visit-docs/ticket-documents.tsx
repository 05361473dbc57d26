import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { visitStatusLabels } from '../../../../shared/domain/visit';
import { formatDateTime } from '../../components/format-time';

const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const formatDate = (iso: string) => day.format(new Date(iso));
import { useApiQuery } from '../../transport/queries';
import { AttachmentsPanel } from './attachments-panel';
import { VisitDocumentation } from './visit-documentation';

/**
 * A ticket's documentation in its drawer: every visit's documentation (one section each), and the
 * photos and forms of the whole ticket, its visits' included.
 */
export function TicketDocuments({ ticketId, user }: { ticketId: string; user: UserDto }) {
  const visits = useApiQuery('visits.forTicket', { ticketId });
  return (
    <Stack spacing={1.5} aria-label="Documentation">
      <Typography variant="subtitle2">Documentation</Typography>
      {(visits.data ?? []).map((visit) => (
        <Accordion key={visit.id} disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">
              Visit {formatDateTime(visit.startsAt)} · {visit.technicianName} · {visitStatusLabels[visit.status]}
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <VisitDocumentation visit={visit} user={user} />
          </AccordionDetails>
        </Accordion>
      ))}
      <AttachmentsPanel
        ticketId={ticketId}
        visitId={null}
        canAdd={roleIn(access.attachmentWriters, user.role)}
        title="All photos and forms of the ticket"
        visitLabels={Object.fromEntries((visits.data ?? []).map((v) => [v.id, `Visit ${formatDate(v.startsAt)}`]))}
      />
    </Stack>
  );
}
