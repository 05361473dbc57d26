// A real SMTP server on 127.0.0.1 (the smtp-server package) that receives what the console sends,
// and can refuse (a 5xx or 4xx reply) or hang (never greet) for the retry and timeout paths.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type SmtpBehaviour =
  | { kind: 'accept' }
  /** Refuses each message after its recipient, with this code (550: permanent, 451: try later). */
  | { kind: 'refuse'; code: number; message?: string }
  /** Accepts the connection and never says hello: the client's greeting timeout is what ends it. */
  | { kind: 'hang' }
  /** Takes the first `accept` messages, then reads every later one and never answers it. */
  | { kind: 'accept-then-hold'; accept: number };

export interface ReceivedMail {
  messageId: string;
  eventKey: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  /** Messages taken, parsed or not. */
  accepted: number;
  /** How the server answers from now on. */
  behaviour: SmtpBehaviour;
  /** Resolves when the next client connects. */
  nextConnection(): Promise<void>;
  /** Resolves when a message is held unanswered (accept-then-hold). */
  nextHeld(): Promise<void>;
  /** Settings for mail.saveSettings that point at this server. */
  settings(): { host: string; port: number; tls: 'none'; fromAddress: string; fromName: string };
}

function addressText(value: ParsedMail['to'] | ParsedMail['from']): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/**
 * Starts the server, stopped by `env` (a TestEnvironment, or the benchmark's own list). Without
 * `parse`, messages are counted but not read (received stays empty): the benchmark's load.
 */
export async function startSmtpTestServer(
  env: { defer(dispose: () => unknown): void },
  behaviour: SmtpBehaviour = { kind: 'accept' },
  options: { parse?: boolean } = {},
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  let waiting: (() => void)[] = [];
  let holding: (() => void)[] = [];
  let admitted = 0;
  const state: SmtpTestServer = {
    port: 0,
    received,
    accepted: 0,
    behaviour,
    nextConnection: () => new Promise<void>((resolve) => waiting.push(resolve)),
    nextHeld: () => new Promise<void>((resolve) => holding.push(resolve)),
    settings: () => ({
      host: '127.0.0.1',
      port: state.port,
      tls: 'none',
      fromAddress: 'dispatch@tailspin.example',
      fromName: 'Tailspin Dispatch',
    }),
  };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    // Hanging connections are cut at close instead of holding teardown for 30 s.
    closeTimeout: 100,
    logger: false,
    onConnect(_session, callback) {
      const arrived = waiting;
      waiting = [];
      arrived.forEach((resolve) => resolve());
      if (state.behaviour.kind === 'hang') return;
      callback();
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'dispatch' });
    },
    onRcptTo(_address, _session, callback) {
      const now = state.behaviour;
      if (now.kind === 'refuse') {
        const error = Object.assign(new Error(now.message ?? `${now.code} Mailbox unavailable`), {
          responseCode: now.code,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const now = state.behaviour;
      // Counted on arrival: messages arrive on several connections at once.
      if (now.kind === 'accept-then-hold' && admitted >= now.accept) {
        stream.resume();
        const held = holding;
        holding = [];
        held.forEach((resolve) => resolve());
        return;
      }
      admitted += 1;
      if (options.parse === false) {
        stream.resume();
        stream.on('end', () => {
          state.accepted += 1;
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const header = parsed.headers.get('x-dispatch-event-key');
          received.push({
            messageId: parsed.messageId ?? '',
            eventKey: typeof header === 'string' ? header : '',
            to: addressText(parsed.to),
            from: addressText(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            parsed,
          });
          state.accepted += 1;
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  state.port = (server.server.address() as AddressInfo).port;
  env.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}
