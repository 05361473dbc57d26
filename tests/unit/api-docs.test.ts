import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/api-docs';
import { methodNames } from '../../shared/api/contract';
import { statusFor, TOO_LARGE_STATUS } from '../../electron/http/error-status';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs/API.md', () => {
  it('is what the contract generates today (run `npm run docs:api` after changing a method)', () => {
    expect(fs.readFileSync(path.join(root, 'docs/API.md'), 'utf8')).toBe(renderApiDocs(root));
  });

  it('documents every method of the contract', () => {
    const docs = renderApiDocs(root);
    for (const name of methodNames) expect(docs).toContain(`### \`${name}\``);
  });

  it('gives each error code the HTTP status the server answers with, 413 for a body too large included', () => {
    const docs = fs.readFileSync(path.join(root, 'docs/API.md'), 'utf8');
    const rows = new Map(
      [...docs.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()] as const),
    );
    expect(rows.size).toBeGreaterThan(0);
    for (const [code, status] of rows) {
      expect(status.startsWith(String(statusFor[code as keyof typeof statusFor])), `${code}: ${status}`).toBe(true);
    }
    expect(rows.get('invalid_input')).toContain(String(TOO_LARGE_STATUS));
  });
});
