// Printing the page from the desktop shell: the renderer asks over one IPC channel of its own (not
// through the core), and the main process prints the asking window with webContents.print.

/** The IPC channel the preload's print() invokes. */
export const PRINT_CHANNEL = 'schedule:print';

/** How a print request ended: sent to the printer, cancelled in the dialog, or failed with the reason. */
export type PrintOutcome = { printed: true } | { printed: false; cancelled: boolean; reason: string };
