import type { PrintOutcome } from '../../../shared/api/print';
import type { DispatchBridge } from './bridge';

/**
 * Prints the view with its print stylesheet: through the desktop shell when there is one (Electron
 * prints from the main process), else the browser's own print dialog, which tells nothing back.
 */
export async function printView(
  bridge: Pick<DispatchBridge, 'print'> | undefined = window.dispatch,
  browser: Pick<Window, 'print'> = window,
): Promise<PrintOutcome> {
  if (bridge?.print) return bridge.print();
  browser.print();
  return { printed: true };
}
