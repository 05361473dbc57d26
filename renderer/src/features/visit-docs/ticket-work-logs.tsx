import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { visitStatusLabels } from '../../../../shared/domain/visit';
import { workOutcomeLabels, type WorkLogDto } from '../../../../shared/domain/work-log';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { WorkLogPanel } from './work-log-panel';

function stateOf(log: WorkLogDto): string {
  if (log.version === 0) return 'not documented yet';
  const parts = log.noParts ? 'no parts' : `${log.parts.length} part line${log.parts.length === 1 ? '' : 's'}`;
  return [log.outcome ? workOutcomeLabels[log.outcome] : 'no outcome yet', parts].join(' · ');
}

/** Every visit's work log on a ticket, one fold each; opening one shows (or edits) it in full. */
export function TicketWorkLogs({ ticketId }: { ticketId: string }) {
  const logs = useApiQuery('workLogs.forTicket', { ticketId });
  if (logs.isError) return <Alert severity="error">{logs.error.message}</Alert>;
  if (!logs.data || logs.data.length === 0) return null;
  return (
    <>
      <Divider />
      <Stack spacing={1} component="section" aria-label="Work logs">
        <Typography variant="subtitle2" component="h3">
          Work logs
        </Typography>
        {logs.data.map((log) => (
          <Accordion
            key={log.visitId}
            disableGutters
            variant="outlined"
            slotProps={{ transition: { unmountOnExit: true } }}
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              aria-label={`Work log of the visit on ${formatDateTime(log.visit.startsAt)}`}
            >
              <Stack>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {formatDateTime(log.visit.startsAt)} · {log.visit.technicianName} ·{' '}
                  {visitStatusLabels[log.visit.status]}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {stateOf(log)}
                </Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails sx={{ p: 1 }}>
              <WorkLogPanel visitId={log.visitId} />
            </AccordionDetails>
          </Accordion>
        ))}
      </Stack>
    </>
  );
}
