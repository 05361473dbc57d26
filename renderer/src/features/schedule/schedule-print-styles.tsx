import GlobalStyles from '@mui/material/GlobalStyles';

/**
 * Print / Ctrl+P on the schedule view: only the sheets, on whatever paper the print dialog
 * chooses (A4 or Letter: `size: auto`), each technician on a new page, none of the app's chrome.
 * The app's frame is a full-height flex column with scrolling panes; printed, it must flow.
 */
export function SchedulePrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          '@page': { size: 'auto', margin: '12mm' },
          '.MuiAppBar-root, .schedule-controls, .MuiSnackbar-root, .MuiAlert-root': { display: 'none !important' },
          'html, body, #root, #root > div, main, main > div, .schedule-page': {
            height: 'auto !important',
            overflow: 'visible !important',
            display: 'block !important',
            padding: '0 !important',
            maxWidth: 'none !important',
          },
          '.schedule-technician': { breakAfter: 'page', margin: 0 },
          '.schedule-technician:last-of-type': { breakAfter: 'auto' },
          '.schedule-visit': { breakInside: 'avoid' },
        },
      }}
    />
  );
}
