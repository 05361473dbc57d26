import { createHash } from 'node:crypto';
import { simpleParser, type HeaderValue, type ParsedMail } from 'mailparser';

/** An attachment as the message carried it, before the attachment checks. */
export interface MessageAttachment {
  fileName: string | null;
  declaredType: string;
  content: Buffer;
}

/** What the intake needs of one message, read as far as it could be. */
export interface ReadMessage {
  /** The Message-ID; for a message without one, a digest of its bytes (the same on every workstation). */
  messageId: string;
  /** The Message-IDs it answers: In-Reply-To, then References. */
  refersTo: string[];
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  /** The Date header; null when missing or unreadable (the server's arrival time is used then). */
  sentAt: Date | null;
  /** The text body, or the HTML body turned into text. */
  text: string;
  attachments: MessageAttachment[];
  /** Why no ticket should be made of it (an auto-reply, a list); null for a person's message. */
  automated: string | null;
  /** What could not be read, in words for the desk. */
  problems: string[];
}

/** The longest body a ticket keeps; the rest is noted as cut. */
export const MAX_BODY_CHARACTERS = 20_000;

/** PostgreSQL text cannot hold NUL, and a message may carry one. */
export function withoutNul(text: string): string {
  return text.split('\u0000').join('');
}

function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return null;
}

/** Why a message was sent by a machine rather than a person (RFC 3834, and the Precedence convention). */
function automationOf(parsed: ParsedMail): string | null {
  const autoSubmitted = headerText(parsed.headers.get('auto-submitted'))?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `An automatic message (Auto-Submitted: ${autoSubmitted}).`;
  const precedence = headerText(parsed.headers.get('precedence'))?.trim().toLowerCase();
  if (precedence && ['bulk', 'list', 'junk', 'auto_reply'].includes(precedence))
    return `A bulk or list message (Precedence: ${precedence}).`;
  if (parsed.headers.has('x-autoreply') || parsed.headers.has('x-autorespond'))
    return 'An automatic reply (X-Autoreply).';
  return null;
}

function idsIn(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  return joined.match(/<[^<>\s]+>/g) ?? [];
}

function firstSender(parsed: ParsedMail): { address: string | null; name: string | null } {
  const sender = parsed.from?.value[0];
  const address = sender?.address?.trim() ? sender.address.trim().toLowerCase().normalize('NFC') : null;
  return { address, name: sender?.name.trim() ? sender.name.trim() : null };
}

/**
 * Reads one raw message. Never throws for bad input: what cannot be read is named in `problems`;
 * a message that cannot be parsed at all comes back with its digest as id and no sender.
 */
export async function readMessage(source: Buffer): Promise<ReadMessage> {
  const digestId = `<sha256-${createHash('sha256').update(source).digest('hex')}@no-message-id.invalid>`;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // Turning a huge HTML body into text takes long; the text is cut far below this anyway.
      maxHtmlLengthToParse: 5_000_000,
    });
  } catch (error) {
    return {
      messageId: digestId,
      refersTo: [],
      fromAddress: null,
      fromName: null,
      subject: '',
      sentAt: null,
      text: '',
      attachments: [],
      automated: null,
      problems: [`The message could not be read as e-mail: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const problems: string[] = [];
  const messageId = idsIn(parsed.messageId)[0] ?? digestId;
  const refersTo = [...new Set([...idsIn(parsed.inReplyTo), ...idsIn(parsed.references)])];
  const { address, name } = firstSender(parsed);
  const sentAt = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  let text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  if (!text && parsed.html === false && parsed.attachments.length === 0) problems.push('The message has no text.');
  if (text.length > MAX_BODY_CHARACTERS) {
    problems.push(
      `The text was cut after ${MAX_BODY_CHARACTERS.toLocaleString('en')} characters (of ${text.length.toLocaleString('en')}).`,
    );
    text = text.slice(0, MAX_BODY_CHARACTERS);
  }
  text = withoutNul(text);
  return {
    messageId,
    refersTo,
    fromAddress: address,
    fromName: name,
    subject: withoutNul(parsed.subject ?? '')
      .trim()
      .slice(0, 500),
    sentAt,
    text,
    attachments: parsed.attachments
      // Inline images of an HTML body are part of its layout, not files the sender attached.
      .filter((a) => !(a.related && a.contentDisposition !== 'attachment'))
      .map((a) => ({ fileName: a.filename ?? null, declaredType: a.contentType, content: a.content })),
    automated: automationOf(parsed),
    problems,
  };
}
