import type { DispatchEvent } from '../../shared/api/events';
import type { UserDto } from '../../shared/domain/directory';
import type { DatabaseHandle } from './db/connect';
import type { Tx } from './db/transaction';
import type { EventHub } from './events/event-hub';
import type { CredentialKind } from './repositories/session.repository';
import type { Clock } from './services/clock';
import type { SmtpTimeouts } from './services/outbox/smtp-transport';

/** What the core is built from; one per process. */
export interface CoreDeps {
  database: DatabaseHandle;
  events: EventHub;
  clock: Clock;
  /** How long an SMTP conversation may stall (mail.sendTest); the defaults unless a test says otherwise. */
  smtpTimeouts?: SmtpTimeouts;
}

/** What a handler may do besides reading its input: everything it touches goes through here. */
export interface HandlerContext extends CoreDeps {
  method: string;
  /** The logged-in user; null only in methods whose access is 'public'. */
  caller: UserDto | null;
  /** How the caller came in, by the hash of their session or token; null for the public. */
  credential: { kind: CredentialKind; tokenHash: string } | null;
  /** The network address the call came from, when the transport knows it (browser mode). */
  address: string | undefined;
  now(): string;
  /** This server's own address in browser mode (the default of feedback links); null in the desktop app. */
  servedAt(): string | null;
  /**
   * Runs a write in one transaction with its audit rows and events; nothing is written, and no
   * event leaves, if `work` throws.
   */
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Starts a session for the user; the transport hands the token to the browser or window. */
  startSession(tx: Tx, userId: string): Promise<void>;
  endSession(): Promise<void>;
}

export interface WriteTx {
  tx: Tx;
  // Properties, not methods: handlers destructure them, so they must not depend on `this`.
  audit: (entry: {
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    /** The ticket the change belongs to (a ticket's own rows need not say). */
    ticketId?: string;
  }) => Promise<void>;
  publish: (event: DispatchEvent) => Promise<void>;
}

/** The caller as the core needs it: a signed-in user; never null in handlers that require login. */
export function requireCaller(ctx: HandlerContext): UserDto {
  if (!ctx.caller) throw new Error(`${ctx.method} needs a caller but its access is public`);
  return ctx.caller;
}
