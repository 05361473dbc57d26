// Real MIME messages for the e-mail intake tests, composed by nodemailer (as a mail client would
// send them) without sending: its stream transport hands back the bytes.
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

let unique = 0;

/** A Message-ID no other test message has. */
export function newMessageId(): string {
  unique += 1;
  return `<test-${process.pid}-${unique}-${Math.random().toString(36).slice(2)}@client.example>`;
}

/** The bytes of the message as a mail client would send it; `messageId` is fresh unless given. */
export async function composeMessage(mail: Mail.Options): Promise<Buffer> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ to: 'support@dispatch.example', messageId: newMessageId(), ...mail });
  return info.message as Buffer;
}
