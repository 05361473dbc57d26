import { useEffect, useState } from 'react';
import type { AttachmentContent } from '../../../../shared/domain/attachment';
import { useApiQuery } from '../../transport/queries';
import { base64ToBlob } from './file-upload';

/**
 * A blob: URL for an attachment's thumbnail or original, revoked when the component goes away.
 * Contents never change (they are addressed by their SHA-256), so they are fetched once.
 */
export function useAttachmentUrl(
  id: string,
  variant: 'original' | 'thumbnail',
  enabled = true,
): { url: string | null; content: AttachmentContent | undefined; error: string | null } {
  const content = useApiQuery('attachments.content', { id, variant }, { enabled, staleTime: Infinity });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!content.data) return;
    const objectUrl = URL.createObjectURL(base64ToBlob(content.data.contentBase64, content.data.mimeType));
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [content.data]);
  return { url, content: content.data, error: content.error?.message ?? null };
}
