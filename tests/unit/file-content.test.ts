import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../electron/core/services/attachments/file-content';

describe('safeFileName', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202egnp.exe', 'invoicegnp.png'],
    ['isolates and marks', '\u2067photo\u2069 \u200eleft\u200f\u061c.png', 'photo left.png'],
    ['embeddings and their end', '\u202ameter\u202b reading\u202c.png', 'meter reading.png'],
    ['zero-width characters', 'zero\u200bwidth\u200c\u200d\u2060\ufeff.png', 'zerowidth.png'],
    ['a soft hyphen', 'fuse\u00adbox.png', 'fusebox.png'],
    ['tag characters (hidden ASCII)', 'site\u{e0069}\u{e0067}.png', 'site.png'],
    ['nothing but invisible characters', '\u202e\u200b\u2066', 'attachment.png'],
  ])('strips %s from a stored name', (_label, given, stored) => {
    expect(safeFileName(given, 'image/png')).toBe(stored);
  });

  it.each([
    ['a woman mechanic', '\u{1f469}\u200d\u{1f527} on site.png'],
    ['with a skin tone', '\u{1f469}\u{1f3fd}\u200d\u{1f527} on site.png'],
    ['a heart on fire', '\u2764\ufe0f\u200d\u{1f525}.png'],
  ])('keeps the joiner inside an emoji sequence (%s): it hides nothing', (_label, given) => {
    expect(safeFileName(given, 'image/png')).toBe(given);
  });

  it('drops a joiner that joins no pictographs', () => {
    expect(safeFileName('\u{1f469}\u200dabc.png', 'image/png')).toBe('\u{1f469}abc.png');
  });
});
