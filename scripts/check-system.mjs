// Runs first in `npm test`: says which system packages the tests need and how to install them.
import fs from 'node:fs';
import path from 'node:path';

function postgresBin() {
  if (process.env.PG_BIN) return fs.existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(root, v, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'initdb'))) ?? null;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!fs.existsSync(chromium))
  missing.push({ what: `Chromium (${chromium}) for the end-to-end tests`, pkg: 'chromium' });
const onPath = (tool) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, tool)));
if (!['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm'].every(onPath))
  missing.push({
    what: 'poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) for the schedule PDF tests',
    pkg: 'poppler-utils',
  });
const dovecot = [process.env.DOVECOT_BIN, '/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].some(
  (bin) => bin && fs.existsSync(bin),
);
if (!dovecot) missing.push({ what: 'Dovecot (an IMAP server) for the e-mail intake tests', pkg: 'dovecot-imapd' });
if (!postgresBin()) missing.push({ what: 'PostgreSQL (initdb, pg_ctl) for the database tests', pkg: 'postgresql' });

if (missing.length > 0) {
  const ci = process.env.CI === 'true';
  console.error(`${ci ? 'Missing' : 'Warning: missing'}: ${missing.map((m) => m.what).join('; ')}.`);
  console.error(`Install with: apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`);
  if (ci) process.exit(1);
  console.error('Continuing, because CI is not set: the tests that need them will skip or fail.');
}
