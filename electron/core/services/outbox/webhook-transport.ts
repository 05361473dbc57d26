import { createHmac } from 'node:crypto';
import type { OutboxMessageDto } from '../../../../shared/domain/outbox';
import type { SigningWebhook } from './outbox-config.service';
import { webhookSignatureHeader, type WebhookTestResult } from '../../../../shared/domain/webhook';
import { TransportError, type MessageTransport, type TransportReceipt } from './message-transport';

const defaultTimeoutMs = 10_000;

/**
 * The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The
 * time is signed with the body so that a captured request cannot be replayed later unnoticed.
 */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

function failureOf(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new TransportError('timeout', 'The webhook did not answer in time.');
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  const detail = typeof cause?.message === 'string' ? cause.message : String(error);
  return new TransportError('connection', `Could not reach the webhook: ${detail}`);
}

/**
 * Posts each message's body, the JSON document it was queued with, to the webhook URL. Any 2xx is
 * delivery; anything else (redirects included: a gateway that moved is a setting to correct) is a
 * failure the outbox retries.
 */
export function webhookTransport(
  settings: SigningWebhook,
  options: { now: () => Date; timeoutMs?: number },
): MessageTransport {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const { now } = options;
  return {
    async send(message: OutboxMessageDto): Promise<TransportReceipt> {
      const body = message.bodyText;
      try {
        const response = await fetch(settings.url, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/json',
            'x-dispatch-event': message.eventKey,
            [webhookSignatureHeader]: webhookSignature(settings.secret, Math.floor(now().getTime() / 1000), body),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const answer = (await response.text()).slice(0, 300);
        const status = `${response.status} ${response.statusText}`.trim();
        if (!response.ok) {
          throw new TransportError(
            'message',
            `The webhook answered ${status}${answer ? `: ${answer}` : ''}`,
            response.status,
          );
        }
        return {
          response: answer ? `${status}: ${answer}` : status,
          messageId: response.headers.get('x-message-id') ?? '',
        };
      } catch (error) {
        throw failureOf(error);
      }
    },
    close() {
      // fetch keeps no connection of ours open.
    },
  };
}

/** Posts one test document now, outside the outbox, and answers what the webhook said. */
export async function sendTestWebhook(
  settings: SigningWebhook,
  message: OutboxMessageDto,
  options: { now: () => Date; timeoutMs?: number },
): Promise<WebhookTestResult> {
  try {
    const receipt = await webhookTransport(settings, options).send(message);
    return { delivered: true, response: receipt.response };
  } catch (error) {
    const failure = failureOf(error);
    const stage = failure.stage === 'timeout' || failure.stage === 'message' ? failure.stage : 'connection';
    return { delivered: false, stage, responseCode: failure.responseCode, message: failure.message };
  }
}
