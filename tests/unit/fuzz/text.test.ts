import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, squash, titleKey } from '../../../src/lib/text.ts';
import { texToUnicode } from '../../../src/lib/tex.ts';
import { anyText, runs } from './arbitraries.ts';

const isWellFormed = (s: string) => s.isWellFormed();

describe('cleanText', () => {
  it('gives one-line, trimmed, well-formed text without control characters', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const out = cleanText(text);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s{2}|[\n\r\t\u00a0]/);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\ufeff]/);
        expect(isWellFormed(out)).toBe(true);
      }),
      runs(500),
    );
  });

  it('is idempotent on text without entities', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const once = cleanText(text.replace(/&/g, ' '));
        expect(cleanText(once)).toBe(once);
      }),
      runs(500),
    );
  });

  it('keeps plain printable text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const plain = squash(text.replace(/[&\p{Cc}\p{Cs}\ufeff]/gu, ' ')).normalize('NFC');
        expect(cleanText(plain)).toBe(plain);
      }),
      runs(500),
    );
  });
});

describe('titleKey', () => {
  it('is lower-case letters and digits joined by single spaces, and idempotent', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const key = titleKey(text);
        expect(key).toMatch(/^([\p{L}\p{N}]+( [\p{L}\p{N}]+)*)?$/u);
        expect(titleKey(key)).toBe(key);
      }),
      runs(500),
    );
  });

  it('ignores case, accents, punctuation and spacing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const noisy = ` ${text.toUpperCase().replace(/e/gi, 'e\u0301').replace(/ /g, ' \u00a0- ')} !`;
        expect(titleKey(noisy)).toBe(titleKey(text.toLowerCase()));
      }),
      runs(300),
    );
  });
});

describe('texToUnicode', () => {
  it('never throws and gives well-formed text when given well-formed text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const out = texToUnicode(text);
        if (isWellFormed(text)) expect(isWellFormed(out)).toBe(true);
      }),
      runs(500),
    );
  });

  it('leaves text without TeX specials as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const plain = text.replace(/[\\{}$~`'-]/g, '');
        expect(texToUnicode(plain)).toBe(plain.normalize('NFC'));
      }),
      runs(500),
    );
  });

  it('keeps $…$ math exactly as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), anyText(8), (math, prose) => {
        const inner = math.replace(/[$\\]/g, '');
        const cleanProse = prose.replace(/[$\\]/g, '');
        expect(texToUnicode(`${cleanProse} $${inner}$`).endsWith(`$${inner}$`.normalize('NFC'))).toBe(true);
      }),
      runs(300),
    );
  });

  // Openers that never close and deep nesting once made this quadratic or blew the stack.
  it.each(['\\(', '\\[', '$$', '$', '{', "\\'{", "\\'", "\\'\\", '\\emph{', '\\url{', '\\href{', '\\c ', '\\'])(
    'takes time in proportion to the text: %s × 100,000',
    (piece) => {
      const start = performance.now();
      const out = texToUnicode(piece.repeat(100_000));
      expect(out.isWellFormed()).toBe(true);
      expect(performance.now() - start).toBeLessThan(1500);
    },
  );
});
