import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/api-docs';
import { methodNames } from '../../shared/api/contract';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs/API.md', () => {
  it('is what the contract generates today (run `npm run docs:api` after changing a method)', () => {
    expect(fs.readFileSync(path.join(root, 'docs/API.md'), 'utf8')).toBe(renderApiDocs(root));
  });

  it('documents every method of the contract', () => {
    const docs = renderApiDocs(root);
    for (const name of methodNames) expect(docs).toContain(`### \`${name}\``);
  });
});
