import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ImapTlsMode, MailboxTestResult } from '../../../../shared/domain/email-intake';

export interface ImapAccount {
  host: string;
  port: number;
  tls: ImapTlsMode;
  user: string;
  password: string | null;
  folder: string;
}

/** How long connecting and a stalled conversation may take; tests shorten them. */
export interface ImapTimeouts {
  connectMs: number;
  socketMs: number;
}

export const defaultImapTimeouts: ImapTimeouts = { connectMs: 20_000, socketMs: 120_000 };

/** A client for the account, not yet connected. Nothing is logged: the log would carry mail. */
export function imapClient(account: ImapAccount, timeouts: ImapTimeouts = defaultImapTimeouts): ImapFlow {
  const options: ImapFlowOptions = {
    host: account.host,
    port: account.port,
    secure: account.tls === 'tls',
    // 'starttls' must upgrade (a server that stops offering it is refused, not used in clear).
    doSTARTTLS: account.tls === 'starttls' ? true : account.tls === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password ?? '' },
    logger: false,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    // The poller reads and leaves; IDLE is asked for explicitly by the watcher that waits for mail.
    disableAutoIdle: true,
  };
  return new ImapFlow(options);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const { responseText, code } = error as Error & { responseText?: string; code?: string };
    return [responseText ?? error.message, code && !error.message.includes(code) ? `(${code})` : null]
      .filter(Boolean)
      .join(' ');
  }
  return String(error);
}

/** What went wrong talking to the server, in words an admin can act on. */
export function describeImapError(error: unknown): { stage: 'connection' | 'authentication'; message: string } {
  const failed = (error ?? {}) as { authenticationFailed?: boolean };
  if (failed.authenticationFailed)
    return { stage: 'authentication', message: `The server refused the user name or password: ${errorText(error)}` };
  return { stage: 'connection', message: `Could not talk to the server: ${errorText(error)}` };
}

/** Logs in, opens the folder read-only and says how many messages it holds and whether it can IDLE. */
export async function testMailbox(account: ImapAccount, timeouts?: ImapTimeouts): Promise<MailboxTestResult> {
  const client = imapClient(account, timeouts);
  // An error event after a failed connect must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    return { connected: false, ...describeImapError(error) };
  }
  try {
    const folder = await client.mailboxOpen(account.folder, { readOnly: true });
    const idle = client.capabilities.has('IDLE');
    return {
      connected: true,
      messages: folder.exists,
      idle,
      message: `Connected: ${account.folder} holds ${folder.exists} message${folder.exists === 1 ? '' : 's'}; ${
        idle ? 'new mail is noticed at once (IDLE)' : 'the server cannot IDLE, so it is checked every minute'
      }.`,
    };
  } catch (error) {
    return {
      connected: false,
      stage: 'folder',
      message: `Could not open the folder ${account.folder}: ${errorText(error)}`,
    };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
