import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sanitize from 'sanitize-filename';
import {
  attachmentMimeTypes,
  attachmentTypeLabels,
  thumbnailMimeTypes,
  type AttachmentMimeType,
} from '../../../../shared/domain/attachment';

/** What the bytes are, by their signature; undefined when file-type knows no signature in them. */
export async function sniffType(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined> {
  return fileTypeFromBuffer(bytes);
}

// Multi-image HEIC/HEIF (bursts, Live Photos) are still photos to a technician.
const aliases: Record<string, AttachmentMimeType> = {
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heif',
};

export function asAttachmentType(mime: string): AttachmentMimeType | null {
  const normalized = aliases[mime] ?? mime;
  return (attachmentMimeTypes as readonly string[]).includes(normalized) ? (normalized as AttachmentMimeType) : null;
}

export function isThumbnailType(mime: string): boolean {
  return (thumbnailMimeTypes as readonly string[]).includes(mime);
}

/** In words, for a refusal: "an ELF executable (application/x-elf)", "no known file type". */
export function describeContent(sniffed: { mime: string; ext: string } | undefined): string {
  if (!sniffed) return 'no known file type (not a photo or a PDF)';
  const label = attachmentTypeLabels[sniffed.mime as AttachmentMimeType];
  return label ? `a ${label}` : `${sniffed.ext.toUpperCase()} content (${sniffed.mime})`;
}

export const allowedTypesInWords = 'JPEG, PNG, WebP, HEIC/HEIF photos or PDF documents';

const extensionOf: Record<AttachmentMimeType, { ext: string; accepted: readonly string[] }> = {
  'image/jpeg': { ext: 'jpg', accepted: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  'image/png': { ext: 'png', accepted: ['png'] },
  'image/webp': { ext: 'webp', accepted: ['webp'] },
  'image/heic': { ext: 'heic', accepted: ['heic', 'heics'] },
  'image/heif': { ext: 'heif', accepted: ['heif', 'heifs', 'heic'] },
  'application/pdf': { ext: 'pdf', accepted: ['pdf'] },
};

const MAX_NAME_LENGTH = 120;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts whole characters (an emoji or an accented letter is never split). */
function firstGraphemes(text: string, count: number): string {
  let out = '';
  let n = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (++n > count) break;
    out += segment;
  }
  return out;
}

/**
 * Control characters, and format characters (Unicode category Cf): the bidi controls (a
 * right-to-left override shows "invoice\u202Egnp.exe" as "invoiceexe.png"), zero-width spaces and
 * joiners, soft hyphens and tag characters. They are invisible or reorder what is shown, so a name
 * could look like something it is not. A zero-width joiner between two pictographs is kept: it
 * draws one emoji (a woman and a wrench as a mechanic) and hides nothing.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const ZERO_WIDTH_JOINER = '\u200D';
const endsWithPictograph = /\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?$/u;
const startsWithPictograph = /^\p{Extended_Pictographic}/u;

function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, (char: string, at: number) =>
    char === ZERO_WIDTH_JOINER &&
    endsWithPictograph.test(text.slice(0, at)) &&
    startsWithPictograph.test(text.slice(at + 1))
      ? char
      : '',
  );
}

/**
 * A file name safe to show and to save: no folders (a "../" or "C:\" prefix is dropped), no
 * control, format or reserved characters, at most 120 characters, and an extension that matches
 * what the content is (a PNG named photo.jpg becomes photo.png).
 */
export function safeFileName(raw: string, type: AttachmentMimeType): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // sanitize-filename removes control characters, reserved names and / \ : * ? " < > |.
  let name = sanitize(withoutInvisibles(base), { replacement: '' }).replace(/\s+/g, ' ').trim();
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const { ext, accepted } = extensionOf[type];
  const extension = accepted.includes(given) ? given : ext;
  stem = stem.replace(/^\.+/, '').trim();
  if (stem === '') stem = 'attachment';
  stem = firstGraphemes(stem, MAX_NAME_LENGTH - extension.length - 1);
  name = `${stem}.${extension}`;
  return name;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decodes base64 that already passed the schema's alphabet check. The schema bounds its length,
 * so decoding never allocates more than the ceiling.
 */
export function decodeBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}
