import {
  base64Length,
  defaultAttachmentSettings,
  formatBytes,
  megabytes,
  THUMBNAIL_MAX_BYTES,
  type AttachmentSettings,
} from '../../../../shared/domain/attachment';
import { attachmentSettings } from '../../../../shared/domain/attachment.schema';
import type { ApiError } from '../../../../shared/errors';
import type { Tx } from '../../db/transaction';
import { getJsonSetting } from '../../repositories/sla-config.repository';

export const ATTACHMENT_SETTINGS_KEY = 'attachments.settings';

/** The stored settings, or the defaults when none (or unreadable ones) are stored. */
export async function loadAttachmentSettings(db: Tx): Promise<AttachmentSettings> {
  return (await getJsonSetting(db, ATTACHMENT_SETTINGS_KEY, attachmentSettings)) ?? defaultAttachmentSettings;
}

export function maxUploadBytes(settings: AttachmentSettings): number {
  return megabytes(settings.maxUploadMegabytes);
}

export function tooLargeFailure(maxBytes: number): ApiError {
  const limit = formatBytes(maxBytes);
  return {
    code: 'invalid_input',
    message: `The file is larger than the limit of ${limit}.`,
    issues: [{ path: ['contentBase64'], message: `The file is larger than ${limit}` }],
  };
}

/** Every method's request body is at most this large, except uploads, the parts import and settings files. */
export const DEFAULT_BODY_BYTES = 1024 * 1024;
/** A settings file of MAX_SETTINGS_FILE_CHARS, each character up to 3 bytes in UTF-8 once quoted in JSON. */
export const SETTINGS_FILE_BODY_BYTES = 32 * 1024 * 1024;
/** Room for a parts CSV of 5 million characters (parts.importCsv) once JSON-escaped. */
export const CSV_IMPORT_BODY_BYTES = 12 * 1024 * 1024;
/** Room for the JSON around the file: names, ids, caption and the thumbnail. */
const UPLOAD_ENVELOPE_BYTES = base64Length(THUMBNAIL_MAX_BYTES) + 64 * 1024;

/**
 * How large a request body a transport should accept for a method, and how to refuse a larger
 * one: `invalid_input` when the body is too large for the method (HTTP 413), or `unauthenticated`
 * / `forbidden` when the caller may not send more than the default at all.
 */
export interface BodyLimit {
  bytes: number;
  failure: ApiError;
}

/**
 * Uploads carry the file as base64 (4 characters for 3 bytes), so their limit follows the
 * configured maximum; every other method keeps the 1 MB limit.
 */
export async function bodyLimitFor(db: Tx, method: string): Promise<BodyLimit> {
  if (method === 'attachments.add') {
    const maxBytes = maxUploadBytes(await loadAttachmentSettings(db));
    return { bytes: base64Length(maxBytes) + UPLOAD_ENVELOPE_BYTES, failure: tooLargeFailure(maxBytes) };
  }
  if (method === 'parts.importCsv') {
    return {
      bytes: CSV_IMPORT_BODY_BYTES,
      failure: {
        code: 'invalid_input',
        message: 'The CSV file is too large: import at most 5 million characters at a time.',
        issues: [{ path: ['csv'], message: 'Too large' }],
      },
    };
  }
  if (method === 'settingsTransfer.preview' || method === 'settingsTransfer.import') {
    return {
      bytes: SETTINGS_FILE_BODY_BYTES,
      failure: {
        code: 'invalid_input',
        message: 'The settings file is too large.',
        issues: [{ path: ['file'], message: 'Too large' }],
      },
    };
  }
  return {
    bytes: DEFAULT_BODY_BYTES,
    failure: { code: 'invalid_input', message: `The request body is larger than ${DEFAULT_BODY_BYTES} bytes.` },
  };
}
