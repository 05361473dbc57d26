// A throwaway Dovecot IMAP server for the e-mail intake tests: configured in a temporary folder,
// listening on 127.0.0.1 and a free port, plaintext login allowed (loopback only), one mailbox
// user with maildir storage in the same folder. Messages are put in with a real IMAP APPEND.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT_INSTALL_HINT = 'Install Dovecot for the e-mail intake tests: apt-get install -y dovecot-imapd';

export function findDovecot(): string | null {
  const candidates = [process.env.DOVECOT_BIN, '/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];
  return candidates.find((bin): bin is string => !!bin && fs.existsSync(bin)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets on the port (Dovecot forks its listeners after the master starts). */
async function greets(port: number, deadline: number): Promise<void> {
  for (;;) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (chunk: Buffer) => {
        socket.destroy();
        resolve(chunk.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (greeted) return;
    if (performance.now() > deadline) throw new Error(`Dovecot did not answer on port ${port}`);
    // Retry at once on the next turn: connecting is the wait (a refused connect returns fast).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface TestMailServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Appends a raw message (CRLF or LF lines) to the folder (INBOX unless said); answers its UID. */
  append(raw: string | Buffer, options?: { folder?: string; arrivedAt?: Date }): Promise<number>;
  /** Creates a folder for the user. */
  createFolder(folder: string): Promise<void>;
  stop(): Promise<void>;
}

/** The settings a mailbox needs to read the test server's user. */
export function mailboxInputFor(server: TestMailServer, extra: { name?: string; folder?: string } = {}) {
  return {
    name: extra.name ?? 'Support',
    host: server.host,
    port: server.port,
    tls: 'none' as const,
    user: server.user,
    password: server.password,
    folder: extra.folder ?? 'INBOX',
  };
}

export async function startTestMailServer(): Promise<TestMailServer> {
  const bin = findDovecot();
  if (!bin) throw new Error(DOVECOT_INSTALL_HINT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-imap-'));
  const port = await freePort();
  const user = 'support';
  const password = 'support-secret';
  const isRoot = process.getuid?.() === 0;
  const mailDir = path.join(dir, 'mail');
  fs.mkdirSync(mailDir);
  fs.mkdirSync(path.join(dir, 'run'));
  fs.mkdirSync(path.join(dir, 'state'));
  // As root Dovecot will not read mail as root: the mail belongs to nobody. Run as a user, it runs
  // everything as that user ("rootless"), its login and internal processes included.
  let uid = process.getuid?.() ?? 0;
  let gid = process.getgid?.() ?? 0;
  const self = os.userInfo().username;
  if (isRoot) {
    uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    fs.chownSync(mailDir, uid, gid);
    fs.chmodSync(dir, 0o755);
  }
  const users = path.join(dir, 'users');
  fs.writeFileSync(users, `${user}:{PLAIN}${password}:${uid}:${gid}::${path.join(mailDir, user)}\n`);
  const config = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    config,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${path.join(dir, 'run')}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `instance_name = dispatch-test-${port}`,
      `log_path = ${path.join(dir, 'dovecot.log')}`,
      'ssl = no',
      // Loopback only, and a test password: plaintext login is what a test needs.
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      // A refused login answers at once: the tests try a wrong password on purpose.
      'auth_failure_delay = 0',
      `first_valid_uid = ${Math.min(uid, 1)}`,
      `mail_location = maildir:${mailDir}/%u`,
      ...(isRoot
        ? []
        : [
            `default_internal_user = ${self}`,
            `default_login_user = ${self}`,
            'service anvil {\n  chroot =\n}',
            'service imap-login {\n  chroot =\n}',
          ]),
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${users}\n}`,
      `userdb {\n  driver = passwd-file\n  args = username_format=%u ${users}\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n'),
  );
  const stopServer = () => {
    try {
      execFileSync(bin, ['-c', config, 'stop'], { stdio: 'ignore' });
    } catch {
      // Not running (the start failed): nothing to stop.
    }
  };
  try {
    // No pipes: the daemon would inherit them and the call would wait for it to end.
    execFileSync(bin, ['-c', config], { stdio: 'ignore' });
    await greets(port, performance.now() + 10_000);
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'dovecot.log'))
      ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8')
      : '';
    stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${String(error)}\n${log}`, { cause: error });
  }

  async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  }

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    append: (raw, options = {}) =>
      withClient(async (client) => {
        const content = typeof raw === 'string' ? raw.replace(/\r?\n/g, '\r\n') : raw;
        const appended = await client.append(options.folder ?? 'INBOX', content, [], options.arrivedAt);
        if (!appended || appended.uid === undefined) throw new Error('the server did not say where it put the message');
        return appended.uid;
      }),
    createFolder: (folder) =>
      withClient(async (client) => {
        await client.mailboxCreate(folder);
      }),
    stop() {
      stopServer();
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
