import { z } from 'zod';
import { id, optionalText, shortText } from './schemas';

/** What may be attached: photos (including iPhone HEIC/HEIF) and service forms as PDF. */
export const attachmentMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

/** Types a browser can draw on a canvas, so the console makes a thumbnail of them before upload. */
export const thumbnailMimeTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const attachmentTypeLabels: Record<AttachmentMimeType, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'image/heic': 'HEIC photo',
  'image/heif': 'HEIF photo',
  'application/pdf': 'PDF document',
};

const MIB = 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_MB = 20;
/**
 * The highest limit an admin may set: an upload travels as base64 JSON and is held in memory
 * whole (about 2.4 times its size at the peak), so the ceiling stays well below what a
 * workstation can afford.
 */
export const MAX_UPLOAD_MB_CEILING = 100;
export const THUMBNAIL_MAX_BYTES = 256 * 1024;
/** A drawn signature is a small PNG; anything much larger is not one. */
export const SIGNATURE_MAX_BYTES = 256 * 1024;
export const THUMBNAIL_EDGE_PX = 320;

export function megabytes(mb: number): number {
  return mb * MIB;
}

/** Characters of base64 that encode `bytes` bytes (4 for every 3, padded). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Bytes, for people: "820 KB", "20 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MIB) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / MIB;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

const base64 = (maxBytes: number, label: string) =>
  z
    .string()
    .min(1, `The ${label} is empty`)
    .max(base64Length(maxBytes), `The ${label} is larger than ${formatBytes(maxBytes)}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64 (A–Z, a–z, 0–9, +, / and = padding only)');

export const attachmentAddInput = z.strictObject({
  ticketId: id,
  /** Set for a photo or form of one visit; absent for the ticket as a whole. */
  visitId: id.nullish().transform((v) => v ?? null),
  // Long names are shortened when stored; this bound only stops abuse.
  fileName: shortText(1000),
  // The configured limit is checked by the handler (it is a setting); this is the hard ceiling.
  contentBase64: base64(megabytes(MAX_UPLOAD_MB_CEILING), 'file'),
  caption: optionalText(500),
  thumbnailBase64: base64(THUMBNAIL_MAX_BYTES, 'thumbnail')
    .nullish()
    .transform((v) => v ?? null),
});

export const attachmentContentInput = z.strictObject({
  id,
  variant: z.enum(['original', 'thumbnail']).default('original'),
});

export const attachmentSettings = z.strictObject({
  maxUploadMegabytes: z
    .int('Whole megabytes')
    .min(1, 'At least 1 MB')
    .max(MAX_UPLOAD_MB_CEILING, `At most ${MAX_UPLOAD_MB_CEILING} MB`),
});
export type AttachmentSettings = z.infer<typeof attachmentSettings>;
export const defaultAttachmentSettings: AttachmentSettings = { maxUploadMegabytes: DEFAULT_MAX_UPLOAD_MB };

export interface AttachmentDto {
  id: string;
  ticketId: string;
  /** null: attached to the ticket as a whole. */
  visitId: string | null;
  fileName: string;
  /** Sniffed from the bytes, never taken from the name. */
  mimeType: AttachmentMimeType;
  size: number;
  sha256: string;
  caption: string | null;
  hasThumbnail: boolean;
  createdAt: string;
  createdBy: { id: string; displayName: string };
}

export interface AttachmentAddResult {
  attachment: AttachmentDto;
  /** False when the same file was already attached here: nothing was written. */
  created: boolean;
}

export interface AttachmentContent {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
