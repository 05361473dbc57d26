import type { OutboxMessageDto, SmtpFailureStage } from '../../../../shared/domain/outbox';

/** The server's acceptance of one message. */
export interface TransportReceipt {
  response: string;
  messageId: string;
}

/**
 * One way a message leaves the console (SMTP today; a webhook next to it later). `send` resolves
 * once the receiving server took the message and rejects with a TransportError otherwise.
 */
export interface MessageTransport {
  send(message: OutboxMessageDto): Promise<TransportReceipt>;
  close(): void;
}

/** A refusal or failure while sending, naming the step that failed. */
export class TransportError extends Error {
  constructor(
    readonly stage: SmtpFailureStage,
    message: string,
    readonly responseCode: number | null = null,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
