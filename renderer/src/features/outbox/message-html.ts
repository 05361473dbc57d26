// A message's HTML body is shown as the recipient's mail program would, but it is data from outside
// the console (templates, client names, a contact's words) and must not run or fetch anything: the
// frame is sandboxed without scripts, and its own policy below forbids every load but inline
// styles and data: images (no tracking pixel or remote font reaches the network from a preview).
const framePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The document for a sandboxed iframe's srcdoc: the body under a policy that loads nothing. */
export function messageHtmlDocument(bodyHtml: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${framePolicy}">`,
    '<style>body{font-family:system-ui,sans-serif;font-size:14px;margin:12px;color:#222}</style>',
    '</head><body>',
    bodyHtml,
    '</body></html>',
  ].join('');
}
