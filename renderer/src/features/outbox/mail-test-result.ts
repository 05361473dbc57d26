import type { MailTestResult, SmtpFailureStage } from '../../../../shared/domain/outbox';

const stageWords: Record<SmtpFailureStage, string> = {
  settings: 'No SMTP server is saved yet',
  connection: 'Could not connect to the server',
  timeout: 'The server did not answer in time',
  tls: 'The secure (TLS) connection failed',
  authentication: 'The server refused the user name or password',
  sender: 'The server refused the from address',
  recipient: 'The server refused the recipient',
  message: 'The server refused the message',
  unknown: 'Sending failed',
};

/** A test send's outcome in words: the server's answer, or which step failed and what it said. */
export function describeMailTest(result: MailTestResult): {
  severity: 'success' | 'error';
  headline: string;
  detail: string;
} {
  if (result.delivered)
    return {
      severity: 'success',
      headline: 'The server accepted the test message.',
      detail: `Server answer: ${result.response} · Message id: ${result.messageId}`,
    };
  const code = result.responseCode === null ? '' : ` (SMTP ${result.responseCode})`;
  return {
    severity: 'error',
    headline: `${stageWords[result.stage]}${code}.`,
    detail: `Step: ${result.stage} · ${result.message}`,
  };
}
