import type { WebContents, WebContentsPrintOptions } from 'electron';
import type { PrintOutcome } from '../../shared/api/print';

/** What printing needs of a window: its contents' print (a WebContents; anything shaped so under Node). */
export type Printable = Pick<WebContents, 'print'>;

/**
 * The system print dialog (never silent: the user picks the printer and the copies), with the
 * page's own print stylesheet deciding what goes on paper, as Ctrl+P in the browser does.
 */
export const pagePrintOptions: WebContentsPrintOptions = { silent: false, printBackground: false };

// Electron's failure reasons are words, not codes ("Print job canceled", "Print job failed",
// "Invalid printer settings"); a cancel is the user's choice, not an error to show.
const cancelled = /cancel/i;

/** Prints the window's page through webContents.print and answers how it ended. */
export function printPage(
  contents: Printable,
  options: WebContentsPrintOptions = pagePrintOptions,
): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    contents.print(options, (success, failureReason) => {
      if (success) resolve({ printed: true });
      else
        resolve({
          printed: false,
          cancelled: cancelled.test(failureReason),
          reason: failureReason || 'Printing failed.',
        });
    });
  });
}
