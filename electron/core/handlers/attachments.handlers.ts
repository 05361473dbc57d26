import { randomUUID } from 'node:crypto';
import {
  formatBytes,
  THUMBNAIL_MAX_BYTES,
  type AttachmentMimeType,
  type AttachmentDto,
} from '../../../shared/domain/attachment';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import type { Tx } from '../db/transaction';
import {
  findAttachment,
  findSameAttachment,
  insertAttachment,
  listAttachments,
  putBlob,
  readBlob,
} from '../repositories/attachment.repository';
import { putJsonSetting } from '../repositories/sla-config.repository';
import { findTicketForBooking } from '../repositories/ticket.repository';
import { findVisitRecord } from '../repositories/visit.repository';
import { requireDocumentable } from '../services/attachments/documenter-access';
import {
  allowedTypesInWords,
  asAttachmentType,
  decodeBase64,
  describeContent,
  isThumbnailType,
  safeFileName,
  sha256Hex,
  sniffType,
} from '../services/attachments/file-content';
import {
  ATTACHMENT_SETTINGS_KEY,
  loadAttachmentSettings,
  maxUploadBytes,
  tooLargeFailure,
} from '../services/attachments/upload-limits';
import type { Handlers } from './handler-types';

function invalid(field: string, message: string, detail = message): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path: [field], message: detail }]);
}

/** The file's bytes and their true type; refuses what is too large or not on the allow-list. */
async function readUpload(contentBase64: string, maxBytes: number) {
  const bytes = decodeBase64(contentBase64);
  if (bytes.length > maxBytes) {
    const failure = tooLargeFailure(maxBytes);
    throw new ApiFailure(failure.code, failure.message, failure.issues);
  }
  const sniffed = await sniffType(bytes);
  const type = sniffed ? asAttachmentType(sniffed.mime) : null;
  if (!type) {
    const what = describeContent(sniffed);
    throw invalid(
      'contentBase64',
      `The file is ${what}; attach ${allowedTypesInWords}.`,
      `Not an allowed type: the content is ${what}`,
    );
  }
  return { bytes, type };
}

/** The console's thumbnail of a photo: a small JPEG, PNG or WebP, sniffed like the file itself. */
async function readThumbnail(thumbnailBase64: string | null, type: AttachmentMimeType) {
  if (thumbnailBase64 === null) return null;
  if (!isThumbnailType(type)) {
    throw invalid('thumbnailBase64', `A ${type} file is shown as an icon; send no thumbnail for it.`);
  }
  const bytes = decodeBase64(thumbnailBase64);
  if (bytes.length > THUMBNAIL_MAX_BYTES) {
    throw invalid('thumbnailBase64', `A thumbnail is at most ${formatBytes(THUMBNAIL_MAX_BYTES)}.`);
  }
  const sniffed = await sniffType(bytes);
  if (!sniffed || !isThumbnailType(sniffed.mime)) {
    throw invalid('thumbnailBase64', `The thumbnail is ${describeContent(sniffed)}; send a JPEG, PNG or WebP image.`);
  }
  return { bytes, mimeType: sniffed.mime };
}

/** The ticket, and the visit when given (which must be one of the ticket's). */
async function requirePlace(tx: Tx, ticketId: string, visitId: string | null) {
  const ticket = await findTicketForBooking(tx, ticketId);
  if (!ticket) throw invalid('ticketId', 'No such ticket.');
  if (visitId === null) return { ticket, visit: null };
  const visit = await findVisitRecord(tx, visitId);
  if (!visit) throw invalid('visitId', 'No such visit.');
  if (visit.ticketId !== ticket.id) throw invalid('visitId', `The visit is not one of ${ticket.number}'s.`);
  return { ticket, visit };
}

async function attachmentOf(tx: Tx, id: string): Promise<AttachmentDto> {
  const attachment = await findAttachment(tx, id);
  if (!attachment) throw new Error(`attachment ${id} vanished inside its own transaction`);
  return attachment;
}

export const attachmentHandlers = {
  'attachments.add': async (input, ctx) => {
    const caller = requireCaller(ctx);
    // Decoding, hashing and sniffing happen before the write: a refused file costs no lock.
    const settings = await loadAttachmentSettings(ctx.database.db);
    const { bytes, type } = await readUpload(input.contentBase64, maxUploadBytes(settings));
    const thumbnail = await readThumbnail(input.thumbnailBase64, type);
    const sha256 = sha256Hex(bytes);
    const fileName = safeFileName(input.fileName, type);

    return ctx.write(async ({ tx, audit, publish }) => {
      const { ticket, visit } = await requirePlace(tx, input.ticketId, input.visitId);
      await requireDocumentable(
        tx,
        caller,
        {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          ticketStatus: ticket.status,
          visitId: visit?.id ?? null,
          visitStatus: visit?.status ?? null,
        },
        { visit: 'visitId', ticket: 'ticketId' },
      );
      const existing = await findSameAttachment(tx, { ticketId: ticket.id, visitId: input.visitId, sha256 });
      if (existing) return { attachment: existing, created: false };

      const id = randomUUID();
      const now = ctx.now();
      await putBlob(tx, { sha256, size: bytes.length, mimeType: type, content: bytes, thumbnail, createdAt: now });
      await insertAttachment(tx, {
        id,
        ticketId: ticket.id,
        visitId: input.visitId,
        sha256,
        fileName,
        caption: input.caption,
        createdAt: now,
        createdBy: caller.id,
      });
      const attachment = await attachmentOf(tx, id);
      const { createdBy: _by, createdAt: _at, ...after } = attachment;
      await audit({ entity: 'attachment', entityId: id, ticketId: ticket.id, after });
      await publish({
        type: 'ticket.documented',
        ticketId: ticket.id,
        number: ticket.number,
        visitId: input.visitId,
        part: 'attachment',
      });
      return { attachment, created: true };
    });
  },

  'attachments.list': async (input, ctx) => {
    const ticket = await findTicketForBooking(ctx.database.db, input.ticketId);
    if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
    return listAttachments(ctx.database.db, input.ticketId);
  },

  'attachments.content': async (input, ctx) => {
    const attachment = await findAttachment(ctx.database.db, input.id);
    if (!attachment) throw new ApiFailure('not_found', 'No such attachment.');
    const blob = await readBlob(ctx.database.db, attachment.sha256, input.variant);
    if (!blob) throw new ApiFailure('not_found', `${attachment.fileName} has no thumbnail; it is shown as an icon.`);
    return {
      fileName: attachment.fileName,
      mimeType: blob.mimeType,
      contentBase64: Buffer.from(blob.bytes).toString('base64'),
    };
  },

  'attachments.settings': async (_input, ctx) => loadAttachmentSettings(ctx.database.db),

  'attachments.saveSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadAttachmentSettings(tx);
      await putJsonSetting(tx, ATTACHMENT_SETTINGS_KEY, input);
      await audit({ entity: 'attachment_settings', entityId: ATTACHMENT_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),
} satisfies Partial<Handlers>;
