import type { AttachmentSettings } from './attachment.schema';

export type { AttachmentSettings } from './attachment.schema';

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
