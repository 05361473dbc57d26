// The webhook transport (issue 14 §2): each message of the chosen kinds is also posted, as one JSON
// document signed with HMAC-SHA256, to an admin-set URL, so that an SMS or chat gateway can pass
// it on. The document's shape is documented in docs/API.md ("Webhook messages").
import type { MessageKind } from './messages';

/** The webhook as the API shows it: the signing secret only as whether one is stored. */
export interface WebhookSettingsDto {
  configured: boolean;
  url: string;
  secretSet: boolean;
  /** The message kinds posted to the webhook (besides any e-mail). */
  kinds: MessageKind[];
  /** Whether anything is posted: off keeps the address and kinds for later. */
  enabled: boolean;
}

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const webhookSignatureHeader = 'X-Dispatch-Signature';

/** One message as posted: what the gateway needs to reach the person and say it. */
export interface WebhookDocument {
  /** Unique to the message and the same on every retry, so a gateway can drop repeats. */
  eventKey: string;
  kind: string;
  ticket: { id: string; number: string } | null;
  visitId: string | null;
  to: { name: string | null; email: string | null; phone: string | null };
  subject: string;
  text: string;
  createdAt: string;
}

export type WebhookTestResult =
  | { delivered: true; response: string }
  | {
      delivered: false;
      stage: 'settings' | 'connection' | 'timeout' | 'message';
      responseCode: number | null;
      message: string;
    };
