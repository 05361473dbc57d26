import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { outboxStatuses, outboxStatusLabels, type OutboxStatusDto } from '../../../../shared/domain/outbox';

/** How many messages stand where, and which transports are set up. */
export function OutboxStatusPanel({ status }: { status: OutboxStatusDto }) {
  return (
    <Paper variant="outlined" component="section" aria-label="Outbox" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        Outbox
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 1, m: 0 }}>
        {outboxStatuses.map((s) => (
          <Box key={s} aria-label={outboxStatusLabels[s]}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {outboxStatusLabels[s]}
            </Typography>
            <Typography
              component="dd"
              variant="h6"
              color={s === 'failed' && status.counts.failed > 0 ? 'error' : 'text.primary'}
              sx={{ m: 0 }}
            >
              {status.counts[s].toLocaleString()}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
        E-mail: {status.configured.email ? 'set up' : 'not set up'} · Webhook:{' '}
        {status.configured.webhook ? 'set up' : 'not set up'}
        {status.waitingForTransport > 0
          ? ` · ${status.waitingForTransport.toLocaleString()} waiting for a transport`
          : ''}
        {' · '}
        <Link href="#/messages">Open the messages</Link>
      </Typography>
    </Paper>
  );
}
