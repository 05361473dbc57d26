import { formatBytes, type AttachmentMimeType } from '../../../../shared/domain/attachment';
import {
  allowedTypesInWords,
  asAttachmentType,
  describeContent,
  safeFileName,
  sha256Hex,
  sniffType,
} from '../attachments/file-content';
import type { MessageAttachment } from './message-reader';

/** The most files one message may add to a ticket; the rest are listed as refused. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 50;

export interface VettedAttachment {
  bytes: Buffer;
  type: AttachmentMimeType;
  sha256: string;
  fileName: string;
}

/**
 * The same checks as an upload (attachments.add): the true type by content, on the allow-list,
 * within the size limit. What is refused is named with why, for the ticket.
 */
export async function vetAttachments(
  attachments: MessageAttachment[],
  maxBytes: number,
): Promise<{ accepted: VettedAttachment[]; refused: string[] }> {
  const accepted: VettedAttachment[] = [];
  const refused: string[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const shownName = attachment.fileName?.trim() || `attachment ${index + 1} (${attachment.declaredType})`;
    if (accepted.length >= MAX_ATTACHMENTS_PER_MESSAGE) {
      refused.push(`${shownName}: not attached, a message adds at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.`);
      continue;
    }
    if (attachment.content.length > maxBytes) {
      refused.push(
        `${shownName}: not attached, ${formatBytes(attachment.content.length)} is over the limit of ${formatBytes(maxBytes)}.`,
      );
      continue;
    }
    const sniffed = await sniffType(attachment.content);
    const type = sniffed ? asAttachmentType(sniffed.mime) : null;
    if (!type) {
      refused.push(`${shownName}: not attached, it is ${describeContent(sniffed)} (allowed: ${allowedTypesInWords}).`);
      continue;
    }
    const sha256 = sha256Hex(attachment.content);
    if (accepted.some((a) => a.sha256 === sha256)) continue;
    accepted.push({
      bytes: attachment.content,
      type,
      sha256,
      fileName: safeFileName(attachment.fileName ?? `attachment-${index + 1}`, type),
    });
  }
  return { accepted, refused };
}
