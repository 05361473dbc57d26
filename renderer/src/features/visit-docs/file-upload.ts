import { THUMBNAIL_EDGE_PX, THUMBNAIL_MAX_BYTES, thumbnailMimeTypes } from '../../../../shared/domain/attachment';

/** What the file picker offers; the server still reads the real type from the bytes. */
export const acceptedFiles = 'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,.heic,.heif,.pdf';

/** The bytes of a blob as base64, without the data: URL prefix. */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/**
 * A small preview of a JPEG, PNG or WebP photo (longest edge 320 px), made here so the server
 * never decodes images. Answers null for other files, or when the browser cannot draw this one:
 * the upload then goes without a thumbnail and the tile shows an icon.
 */
export async function makeThumbnail(file: File): Promise<string | null> {
  if (!(thumbnailMimeTypes as readonly string[]).includes(file.type)) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    // WebP where the browser encodes it (Chromium does), else JPEG.
    const blob = (await canvasBlob(canvas, 'image/webp', 0.8)) ?? (await canvasBlob(canvas, 'image/jpeg', 0.8));
    if (!blob || blob.size > THUMBNAIL_MAX_BYTES) return null;
    return await blobToBase64(blob);
  } catch {
    return null;
  }
}

/** Offers a file to save, as the browser or the desktop shell does for a download link. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
