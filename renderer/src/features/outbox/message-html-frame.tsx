import Box from '@mui/material/Box';
import { useMemo } from 'react';
import { messageHtmlDocument } from './message-html';

/**
 * The HTML body rendered in an iframe with an empty sandbox: no scripts, no forms, no popups, and
 * a unique origin, so it can read nothing of the console (the console's own CSP applies as well).
 */
export function MessageHtmlFrame({ html, title }: { html: string; title: string }) {
  const doc = useMemo(() => messageHtmlDocument(html), [html]);
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={doc}
      referrerPolicy="no-referrer"
      sx={{ width: '100%', height: 240, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
    />
  );
}
