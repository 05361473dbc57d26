import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { remoteChannelLabels, type RemoteResolutionDto } from '../../../../shared/domain/closure';
import { formatDateTime } from '../../components/format-time';

/** What was done without a visit, as recorded: shown on the ticket until it is closed, and after. */
export function RemoteResolutionSummary({ resolution: r }: { resolution: RemoteResolutionDto }) {
  return (
    <Alert severity="success" variant="outlined" icon={false} aria-label="Remote resolution">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        Resolved remotely ({remoteChannelLabels[r.channel].toLowerCase()}) {formatDateTime(r.resolvedAt)}
      </Typography>
      <Typography variant="body2">{r.resolution}</Typography>
      <Box component="ol" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
        {r.steps.map((step, i) => (
          <Typography component="li" variant="body2" key={i}>
            {step}
          </Typography>
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
        Remote work started {formatDateTime(r.respondedAt)} · confirmed by {r.confirmedBy}{' '}
        {formatDateTime(r.confirmedAt)} · recorded by {r.recordedBy}
      </Typography>
    </Alert>
  );
}
