import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKinds, messageKindTriggers, messagePlaceholders } from '../../shared/domain/messages';

// The admin guide lists every kind and placeholder as the code has them; a new one must be documented.
const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/MESSAGES.md'), 'utf8');

describe('docs/MESSAGES.md', () => {
  it.each(messageKinds)('documents when %s is sent, in the words of the code', (kind) => {
    expect(guide).toContain(`\`${kind}\``);
    expect(guide).toContain(messageKindTriggers[kind]);
  });

  it.each(Object.entries(messagePlaceholders))('documents the placeholder %s', (name, description) => {
    const row = guide.split('\n').find((line) => line.startsWith(`| \`{{${name}}}\``));
    expect(row).toContain(description);
  });
});
