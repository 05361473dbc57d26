// The outbox (issue 14): every message the console sends is first a row here, written in the same
// transaction as the change that caused it, then delivered by one sender.

// superseded: a message that was not needed after all (a reminder for a visit that moved or was
// cancelled). Not a failure: nothing went wrong and nobody need retry it.
export const outboxStatuses = ['queued', 'sending', 'sent', 'failed', 'superseded'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxStatusLabels: Record<OutboxStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Not delivered',
  superseded: 'Not needed',
};

export const outboxTransports = ['email', 'webhook'] as const;
export type OutboxTransport = (typeof outboxTransports)[number];

export interface OutboxAttachment {
  name: string;
  contentType: string;
  /** The file's text (e.g. an .ics invitation) or, with encoding base64, its bytes. */
  content: string;
  encoding: 'text' | 'base64';
}

/** What the receiving server answered when it took the message. */
export interface DeliveryRecord {
  transport: OutboxTransport;
  recipient: string;
  /** The server's answer, e.g. "250 2.0.0 Ok: queued as 4F2A". */
  response: string;
  messageId: string;
  at: string;
}

/** A message as listed: no body. */
export interface OutboxSummaryDto {
  id: string;
  eventKey: string;
  kind: string;
  ticketId: string | null;
  visitId: string | null;
  transport: OutboxTransport;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** Why a message was not needed (superseded), e.g. "The visit was moved.", else null. */
  statusNote: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One message whole: exactly what was (or will be) sent, and how it went. */
export interface OutboxMessageDto extends OutboxSummaryDto {
  bodyText: string;
  bodyHtml: string | null;
  attachments: OutboxAttachment[];
  delivery: DeliveryRecord | null;
}

export interface OutboxListDto {
  messages: OutboxSummaryDto[];
  /** Set when more messages match: pass it as `after` for the next page. */
  next: string | null;
}

export interface OutboxStatusDto {
  counts: Record<OutboxStatus, number>;
  /** Which transports are set up; messages for one that is not stay queued and lose no attempt. */
  configured: Record<OutboxTransport, boolean>;
  /** Queued messages waiting for a transport that is not set up. */
  waitingForTransport: number;
  /** In words, for the admin screen, when something needs doing (null when all is well). */
  warning: string | null;
}

export interface OutboxSettings {
  /** Minutes before the first retry; each further retry waits twice as long, up to maxRetryMinutes. */
  firstRetryMinutes: number;
  maxRetryMinutes: number;
  /** After this many failed attempts a message is "not delivered" until someone retries it. */
  maxAttempts: number;
  /**
   * Delay notices: the client is told once the crew is expected more than this many minutes after
   * the visit's start, and again each time the estimate slips by as much more.
   */
  delayGraceMinutes: number;
}

export const defaultDelayGraceMinutes = 15;

export const defaultOutboxSettings: OutboxSettings = {
  firstRetryMinutes: 1,
  maxRetryMinutes: 60,
  maxAttempts: 8,
  delayGraceMinutes: defaultDelayGraceMinutes,
};

export const smtpTlsModes = ['starttls', 'tls', 'none'] as const;
export type SmtpTlsMode = (typeof smtpTlsModes)[number];

/** The SMTP settings as the API shows them: the password only as whether one is stored. */
export interface MailSettingsDto {
  configured: boolean;
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string | null;
  passwordSet: boolean;
  fromAddress: string;
  fromName: string | null;
}

/** Which step of talking to the SMTP server went wrong. */
export type SmtpFailureStage =
  'settings' | 'connection' | 'timeout' | 'tls' | 'authentication' | 'sender' | 'recipient' | 'message' | 'unknown';

export type MailTestResult =
  | { delivered: true; response: string; messageId: string }
  | {
      delivered: false;
      stage: SmtpFailureStage;
      /** The SMTP reply code when the server answered (e.g. 550), else null. */
      responseCode: number | null;
      message: string;
    };
