import type { ReportFileDto } from '../../../../shared/domain/reports';

/** Saves a file the core made (base64 in the answer) through the browser's download. */
export function downloadReportFile(file: ReportFileDto): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(url);
}
