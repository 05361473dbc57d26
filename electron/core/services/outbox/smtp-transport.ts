import { createTransport, type Transporter } from 'nodemailer';
import type { MailTestResult, OutboxMessageDto, SmtpFailureStage } from '../../../../shared/domain/outbox';
import type { StoredMailSettings } from '../../../../shared/domain/outbox.schema';
import { TransportError, type MessageTransport, type TransportReceipt } from './message-transport';

/** How long the SMTP conversation may stall before it is given up (and retried later). */
export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const defaultSmtpTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

function transporterFor(settings: StoredMailSettings, timeouts: SmtpTimeouts, pooled: boolean): Transporter {
  const auth = settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined;
  const tls =
    settings.tls === 'tls'
      ? { secure: true }
      : settings.tls === 'starttls'
        ? { secure: false, requireTLS: true }
        : { secure: false, ignoreTLS: true };
  return createTransport({
    host: settings.host,
    port: settings.port,
    ...tls,
    ...(auth ? { auth } : {}),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    // A drain sends many messages: a few kept-open connections instead of one handshake each.
    ...(pooled ? { pool: true, maxConnections: 4, maxMessages: 500 } : {}),
  });
}

/** Which step failed, read from nodemailer's error code and the SMTP command it was on. */
function stageOf(error: { code?: unknown; command?: unknown }): SmtpFailureStage {
  const command = typeof error.command === 'string' ? error.command.toUpperCase() : '';
  switch (error.code) {
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ETLS':
    case 'EREQUIRETLS':
      return 'tls';
    case 'EAUTH':
    case 'ENOAUTH':
      return 'authentication';
    case 'EENVELOPE':
      return command.startsWith('RCPT') ? 'recipient' : 'sender';
    case 'EMESSAGE':
      return 'message';
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'ECONNREFUSED':
      return 'connection';
    default:
      if (command.startsWith('RCPT')) return 'recipient';
      if (command.startsWith('MAIL')) return 'sender';
      if (command === 'DATA') return 'message';
      return 'unknown';
  }
}

/** A nodemailer failure as a TransportError naming its step and the server's code. */
export function smtpFailure(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const e = (error ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  return new TransportError(stageOf(e), message, typeof e.responseCode === 'number' ? e.responseCode : null);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'dispatch-console.invalid';
}

/** E-mail over SMTP with nodemailer. */
export function smtpTransport(
  settings: StoredMailSettings,
  timeouts: SmtpTimeouts = defaultSmtpTimeouts,
  options: { pooled?: boolean } = {},
): MessageTransport {
  const transporter = transporterFor(settings, timeouts, options.pooled ?? true);
  const from = settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress;
  return {
    async send(message: OutboxMessageDto): Promise<TransportReceipt> {
      try {
        const info = (await transporter.sendMail({
          from,
          to: message.recipient,
          subject: message.subject,
          text: message.bodyText,
          ...(message.bodyHtml === null ? {} : { html: message.bodyHtml }),
          attachments: message.attachments.map((a) => ({
            filename: a.name,
            contentType: a.contentType,
            content: a.content,
            encoding: a.encoding === 'base64' ? 'base64' : 'utf-8',
          })),
          // One Message-ID per outbox row: a receiver (or a test) can tell a duplicate from a new message.
          messageId: `<${message.id}@${domainOf(settings.fromAddress)}>`,
          headers: { 'X-Dispatch-Event-Key': message.eventKey },
        })) as { response?: unknown; messageId?: unknown };
        return {
          response: typeof info.response === 'string' ? info.response : '',
          messageId: typeof info.messageId === 'string' ? info.messageId : '',
        };
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}

/** Sends one message now, outside the outbox, and answers what the server said (mail.sendTest). */
export async function sendTestMessage(
  settings: StoredMailSettings,
  timeouts: SmtpTimeouts,
  message: OutboxMessageDto,
): Promise<MailTestResult> {
  const transport = smtpTransport(settings, timeouts, { pooled: false });
  try {
    const receipt = await transport.send(message);
    return { delivered: true, ...receipt };
  } catch (error) {
    const failure = smtpFailure(error);
    return { delivered: false, stage: failure.stage, responseCode: failure.responseCode, message: failure.message };
  } finally {
    transport.close();
  }
}
