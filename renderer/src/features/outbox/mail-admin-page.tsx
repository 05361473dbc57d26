import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useApiQuery } from '../../transport/queries';
import { FeedbackAddressPanel } from './feedback-address-panel';
import { MailSettingsPanel } from './mail-settings-panel';
import { MailTestPanel } from './mail-test-panel';
import { OutboxStatusPanel } from './outbox-status-panel';
import { ReminderSettingsPanel } from './reminder-settings-panel';
import { RetrySettingsPanel } from './retry-settings-panel';
import { ScheduleMailPanel } from './schedule-mail-panel';
import { WebhookSettingsPanel } from './webhook-settings-panel';

/**
 * Admin: the SMTP server, the webhook, the feedback links' address, a test send, the retry schedule,
 * reminders, tomorrow's schedule for the technicians and the outbox at a glance.
 */
export function MailAdminPage() {
  const mail = useApiQuery('mail.settings', {});
  const retries = useApiQuery('outbox.settings', {});
  const status = useApiQuery('outbox.status', {});
  const reminders = useApiQuery('reminders.settings', {});
  const webhook = useApiQuery('webhook.settings', {});
  const feedback = useApiQuery('feedback.settings', {});
  const scheduleMail = useApiQuery('schedules.mailSettings', {});
  const error =
    mail.error ??
    retries.error ??
    status.error ??
    reminders.error ??
    webhook.error ??
    feedback.error ??
    scheduleMail.error;
  return (
    <Stack spacing={2} sx={{ height: '100%', overflow: 'auto' }}>
      <Typography variant="h6" component="h1">
        E-mail
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          {mail.data && <MailSettingsPanel settings={mail.data} />}
          {webhook.data && <WebhookSettingsPanel settings={webhook.data} />}
          {feedback.data && <FeedbackAddressPanel settings={feedback.data} />}
        </Stack>
        <Stack spacing={2}>
          {status.data && <OutboxStatusPanel status={status.data} />}
          {mail.data && <MailTestPanel configured={mail.data.configured} />}
          {retries.data && <RetrySettingsPanel settings={retries.data} />}
          {reminders.data && <ReminderSettingsPanel settings={reminders.data} />}
          {scheduleMail.data && <ScheduleMailPanel settings={scheduleMail.data} />}
        </Stack>
      </Box>
    </Stack>
  );
}
