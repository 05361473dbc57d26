// E-mail intake (issue 17, section 1): support mailboxes read over IMAP, each new message a ticket.

export const imapTlsModes = ['tls', 'starttls', 'none'] as const;
/** 'tls' from the first byte (usually port 993), 'starttls' upgraded after connecting (143), 'none' only on a trusted network. */
export type ImapTlsMode = (typeof imapTlsModes)[number];

export const inboundOutcomes = ['ticket', 'reply', 'needs-matching', 'matched', 'ignored'] as const;
/**
 * What became of a message: a new `ticket`; a `reply` added to an existing ticket; `needs-matching`
 * (an unknown sender, waiting for the desk) and then `matched` (the desk made its ticket); `ignored`
 * (an auto-reply, a bulk mail, our own message, or one that could not be read), with the reason.
 */
export type InboundOutcome = (typeof inboundOutcomes)[number];

/** A support mailbox as the API shows it: never the password, only whether one is stored. */
export interface MailboxDto {
  id: string;
  name: string;
  host: string;
  port: number;
  tls: ImapTlsMode;
  user: string;
  passwordSet: boolean;
  folder: string;
  enabled: boolean;
  /** When a workstation last finished reading it, and what went wrong then (null when it went well). */
  lastPolledAt: string | null;
  lastError: string | null;
}

/** The answer of "test connection": logged in and opened the folder, or where it failed. */
export type MailboxTestResult =
  | { connected: true; messages: number; idle: boolean; message: string }
  | { connected: false; stage: 'connection' | 'authentication' | 'folder'; message: string };
