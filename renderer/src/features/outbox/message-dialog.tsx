import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { OutboxAttachment, OutboxMessageDto } from '../../../../shared/domain/outbox';
import { formatDateTime } from '../../components/format-time';
import { useApiQuery } from '../../transport/queries';
import { kindLabel } from './message-order';
import { MessageHtmlFrame } from './message-html-frame';
import { MessageStatusChip } from './message-status-chip';
import { RetryButton } from './retry-button';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

const preformatted = {
  m: 0,
  p: 1.5,
  bgcolor: 'grey.50',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  fontFamily: 'monospace',
  fontSize: 13,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  maxHeight: 280,
  overflow: 'auto',
} as const;

/** Text attachments (an .ics invitation, a CSV) are shown as they are; others by name and size. */
function AttachmentView({ attachment: a }: { attachment: OutboxAttachment }) {
  const bytes = a.encoding === 'base64' ? Math.floor((a.content.length * 3) / 4) : new Blob([a.content]).size;
  return (
    <Box component="li" aria-label={`Attachment ${a.name}`}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {a.name}{' '}
        <Typography component="span" variant="body2" color="text.secondary">
          · {a.contentType} · {bytes.toLocaleString()} bytes
        </Typography>
      </Typography>
      {a.encoding === 'text' && (
        <Box component="pre" sx={{ ...preformatted, mt: 0.5 }}>
          {a.content}
        </Box>
      )}
    </Box>
  );
}

function MessageBody({ message: m }: { message: OutboxMessageDto }) {
  const [retryError, setRetryError] = useState<string | null>(null);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <MessageStatusChip status={m.status} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {kindLabel(m.kind)} · {m.attempts} {m.attempts === 1 ? 'attempt' : 'attempts'}
          {m.status === 'queued' && m.attempts > 0 ? ` · next try ${formatDateTime(m.nextAttemptAt)}` : ''}
          {m.status === 'queued' && m.attempts === 0 && m.nextAttemptAt > m.createdAt
            ? ` · goes ${formatDateTime(m.nextAttemptAt)}`
            : ''}
        </Typography>
        {m.status === 'failed' && <RetryButton id={m.id} onError={setRetryError} />}
      </Stack>
      {m.statusNote && <Alert severity="info">Not needed: {m.statusNote}</Alert>}
      {m.lastError && m.status !== 'sent' && (
        <Alert severity={m.status === 'failed' ? 'error' : 'warning'}>Last error: {m.lastError}</Alert>
      )}
      {retryError && <Alert severity="error">{retryError}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
        <Field label="To">{m.recipient}</Field>
        <Field label="Transport">{m.transport === 'email' ? 'E-mail' : 'Webhook'}</Field>
        <Field label="Subject">{m.subject}</Field>
        <Field label="Queued">{formatDateTime(m.createdAt)}</Field>
      </Box>
      <section aria-label="Text body">
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Text
        </Typography>
        <Box component="pre" sx={preformatted}>
          {m.bodyText}
        </Box>
      </section>
      {m.bodyHtml !== null && (
        <section aria-label="HTML body">
          <Typography variant="subtitle2" component="h3" gutterBottom>
            HTML
          </Typography>
          <MessageHtmlFrame html={m.bodyHtml} title={`HTML body of ${m.subject}`} />
        </section>
      )}
      <section aria-label="Attachments">
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Attachments
        </Typography>
        {m.attachments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {m.attachments.map((a) => (
              <AttachmentView key={a.name} attachment={a} />
            ))}
          </Stack>
        )}
      </section>
      <section aria-label="Delivery">
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Delivery
        </Typography>
        {m.delivery ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <Field label="Delivered">{formatDateTime(m.delivery.at)}</Field>
            <Field label="Transport">{m.delivery.transport === 'email' ? 'E-mail (SMTP)' : 'Webhook'}</Field>
            <Field label="Recipient">{m.delivery.recipient}</Field>
            <Field label="Message id">{m.delivery.messageId}</Field>
            <Box sx={{ gridColumn: '1 / -1' }}>
              <Field label="Server answer">{m.delivery.response}</Field>
            </Box>
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            Not delivered yet.
          </Typography>
        )}
      </section>
    </Stack>
  );
}

/** One message whole: exactly what was (or will be) sent, and how its delivery went. */
export function MessageDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const message = useApiQuery('outbox.get', { id });
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="message-dialog-title">
      <DialogTitle id="message-dialog-title">{message.data?.subject ?? 'Message'}</DialogTitle>
      <DialogContent dividers>
        {message.isError && <Alert severity="error">{message.error.message}</Alert>}
        {message.data ? <MessageBody message={message.data} /> : !message.isError && <Typography>Loading…</Typography>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
