import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { access } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { visitStatusLabels } from '../../../../shared/domain/visit';
import { workOutcomeLabels, type WorkLogDto } from '../../../../shared/domain/work-log';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { AttachmentsPanel } from './attachments-panel';
import { useDocumentationAccess } from './use-documentation-access';
import { VisitDocumentation } from './visit-documentation';

const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const formatDate = (iso: string) => day.format(new Date(iso));

/** One line on how far a visit's work log has come, for the folded section. */
function workLogState(log: WorkLogDto | undefined): string {
  if (!log || log.version === 0) return 'Work not documented yet';
  const parts = log.noParts ? 'no parts' : `${log.parts.length} part line${log.parts.length === 1 ? '' : 's'}`;
  return [log.outcome ? workOutcomeLabels[log.outcome] : 'no outcome yet', parts].join(' · ');
}

/**
 * A ticket's documentation in its drawer: every visit's documentation (one fold each: work log,
 * photos and forms, sign-off), and the photos and forms of the whole ticket, its visits' included.
 */
export function TicketDocuments({ ticketId, user }: { ticketId: string; user: UserDto }) {
  const visits = useApiQuery('visits.forTicket', { ticketId });
  const logs = useApiQuery('workLogs.forTicket', { ticketId });
  const logOf = (visitId: string) => logs.data?.find((l) => l.visitId === visitId);
  const wholeTicket = useDocumentationAccess(user, ticketId, visits.data)(access.attachmentWriters, null);
  return (
    <Stack spacing={1.5} component="section" aria-label="Documentation">
      <Typography variant="subtitle2" component="h3">
        Documentation
      </Typography>
      {(visits.data ?? []).map((visit) => (
        <Accordion key={visit.id} disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-label={`Documentation of the visit on ${formatDateTime(visit.startsAt)}`}
          >
            <Stack>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                Visit {formatDateTime(visit.startsAt)} · {visit.technicianName} · {visitStatusLabels[visit.status]}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {workLogState(logOf(visit.id))}
              </Typography>
            </Stack>
          </AccordionSummary>
          <AccordionDetails sx={{ p: 1 }}>
            <VisitDocumentation visit={visit} user={user} />
          </AccordionDetails>
        </Accordion>
      ))}
      <AttachmentsPanel
        ticketId={ticketId}
        visitId={null}
        canAdd={wholeTicket.canWrite}
        readOnlyReason={wholeTicket.reason}
        title="All photos and forms of the ticket"
        visitLabels={Object.fromEntries((visits.data ?? []).map((v) => [v.id, `Visit ${formatDate(v.startsAt)}`]))}
      />
    </Stack>
  );
}
