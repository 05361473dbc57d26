import type { AttachmentDto, AttachmentMimeType } from '../../../shared/domain/attachment';
import type { Tx } from '../db/transaction';

export interface BlobInput {
  sha256: string;
  size: number;
  mimeType: AttachmentMimeType;
  content: Uint8Array;
  thumbnail: { bytes: Uint8Array; mimeType: string } | null;
  createdAt: string;
}

/**
 * Stores a file's bytes once per SHA-256: an existing blob is left as it is, except that a
 * thumbnail is added to one that has none.
 */
export async function putBlob(db: Tx, blob: BlobInput): Promise<void> {
  await db
    .insertInto('attachment_blobs')
    .values({
      sha256: blob.sha256,
      size: blob.size,
      mime_type: blob.mimeType,
      content: blob.content,
      thumbnail: blob.thumbnail?.bytes ?? null,
      thumbnail_mime_type: blob.thumbnail?.mimeType ?? null,
      created_at: blob.createdAt,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  if (blob.thumbnail) {
    await db
      .updateTable('attachment_blobs')
      .set({ thumbnail: blob.thumbnail.bytes, thumbnail_mime_type: blob.thumbnail.mimeType })
      .where('sha256', '=', blob.sha256)
      .where('thumbnail', 'is', null)
      .execute();
  }
}

export async function insertAttachment(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    visitId: string | null;
    sha256: string;
    fileName: string;
    caption: string | null;
    createdAt: string;
    createdBy: string;
  },
): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      visit_id: row.visitId,
      sha256: row.sha256,
      file_name: row.fileName,
      caption: row.caption,
      created_at: row.createdAt,
      created_by: row.createdBy,
    })
    .execute();
}

function selectAttachments(db: Tx) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.ticket_id',
      'a.visit_id',
      'a.file_name',
      'a.caption',
      'a.sha256',
      'a.created_at',
      'a.created_by',
      'u.display_name',
      'b.size',
      'b.mime_type',
      (eb) => eb('b.thumbnail_mime_type', 'is not', null).as('has_thumbnail'),
    ]);
}

type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>['execute']>>[number];

function toDto(row: AttachmentRow): AttachmentDto {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    visitId: row.visit_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    caption: row.caption,
    // SQLite answers 0/1, PostgreSQL true/false.
    hasThumbnail: Boolean(row.has_thumbnail),
    createdAt: row.created_at,
    createdBy: { id: row.created_by, displayName: row.display_name },
  };
}

export async function listAttachments(db: Tx, ticketId: string): Promise<AttachmentDto[]> {
  const rows = await selectAttachments(db)
    .where('a.ticket_id', '=', ticketId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toDto);
}

export async function findAttachment(db: Tx, id: string): Promise<AttachmentDto | undefined> {
  const row = await selectAttachments(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toDto(row) : undefined;
}

/** The attachment of these exact bytes in this place (the ticket, or one of its visits), if any. */
export async function findSameAttachment(
  db: Tx,
  place: { ticketId: string; visitId: string | null; sha256: string },
): Promise<AttachmentDto | undefined> {
  let query = selectAttachments(db).where('a.ticket_id', '=', place.ticketId).where('a.sha256', '=', place.sha256);
  query =
    place.visitId === null ? query.where('a.visit_id', 'is', null) : query.where('a.visit_id', '=', place.visitId);
  const row = await query.orderBy('a.created_at').executeTakeFirst();
  return row ? toDto(row) : undefined;
}

export async function readBlob(
  db: Tx,
  sha256: string,
  variant: 'original' | 'thumbnail',
): Promise<{ bytes: Uint8Array; mimeType: string } | undefined> {
  const row = await db
    .selectFrom('attachment_blobs')
    .select(['content', 'mime_type', 'thumbnail', 'thumbnail_mime_type'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) return undefined;
  if (variant === 'original') return { bytes: row.content, mimeType: row.mime_type };
  if (!row.thumbnail || !row.thumbnail_mime_type) return undefined;
  return { bytes: row.thumbnail, mimeType: row.thumbnail_mime_type };
}
