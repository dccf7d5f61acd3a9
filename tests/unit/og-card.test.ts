import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cachedCardFile, cardHash, renderCard, type Card } from '../../src/lib/og-card.ts';
import { fontFiles } from '../../src/lib/og-fonts.ts';
import { cleanCardText, escapeMarkup, fitText, isRtl, renderText } from '../../src/lib/og-text.ts';

// Example cards land here to be looked at; the folder is gitignored.
const outDir = fileURLToPath(new URL('../.output/cards/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const footer = 'Paperboy Digest · 12 March 2025';
const longTitle =
  'Towards a Unified Theory of Deep Learning: Scaling Laws, Emergent Abilities, In-Context Learning, Grokking, ' +
  'Double Descent, Lottery Tickets, Neural Tangent Kernels, Mode Connectivity, and the Surprising Effectiveness ' +
  'of Stochastic Gradient Descent in Overparameterized Regimes Across Vision and Lingo';
const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosisandotherlongword';
const markupTitle = '<script>alert(1)</script> & <b>x</b>';

const scripts: [string, string][] = [
  ['chinese', '基于大规模预训练语言模型的中文长文本摘要生成方法研究与应用'],
  ['japanese', '深層学習を用いた日本語の文書要約における新しい手法の提案'],
  ['korean', '대규모 언어 모델을 활용한 한국어 질의응답 시스템의 성능 향상 연구'],
  ['arabic', 'نموذج لغوي كبير لفهم النصوص العربية وتوليدها باستخدام التعلم العميق'],
  ['cyrillic', 'Нейронные сети для распознавания речи на русском языке'],
  ['greek', 'Μηχανική μάθηση για την ανάλυση ελληνικών κειμένων'],
  ['hindi', 'हिंदी भाषा के लिए बड़े भाषा मॉडल का मूल्यांकन'],
  ['hebrew', 'למידה עמוקה לעיבוד שפה טבעית בעברית'],
  ['thai', 'การเรียนรู้ของเครื่องสำหรับภาษาไทย'],
  ['math', 'Bounds on ∑ₖ αₖ ≤ ℝ⁺ for Δ-Transformers → ∞'],
];

const cards: [string, Card][] = [
  ['short', { kind: 'paper', title: 'Attention Is All You Need', eyebrow: 'Machine Learning · NLP', footer }],
  ['long', { kind: 'paper', title: longTitle, eyebrow: 'Machine Learning · Theory', footer }],
  ['long-word', { kind: 'paper', title: `On ${longWord} Detection`, eyebrow: 'Medicine', footer }],
  ...scripts.map(([name, title]): [string, Card] => [name, { kind: 'paper', title, eyebrow: 'NLP', footer }]),
  ['markup', { kind: 'paper', title: markupTitle, eyebrow: 'Security & <Privacy>', footer }],
  ['day', { kind: 'day', title: '12 March 2025', eyebrow: 'Digest · 42 papers', footer }],
  ['topic', { kind: 'topic', title: 'Computer Vision', eyebrow: 'Topic', footer }],
  ['long-chrome', { kind: 'topic', title: 'Robotics', eyebrow: 'Topic · '.repeat(30), footer: footer.repeat(8) }],
];

const background = [0xfc, 0xfc, 0xfb];

/** Pixels inside `rect` that are not the background colour. */
function strayPixels(data: Buffer, width: number, rect: { x0: number; y0: number; x1: number; y1: number }): number {
  let stray = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      const i = (y * width + x) * 3;
      if (data[i] !== background[0] || data[i + 1] !== background[1] || data[i + 2] !== background[2]) stray++;
    }
  }
  return stray;
}

describe('renderCard', () => {
  it.each(cards)('%s: a 1200×630 PNG with text clear of the edges', async (name, card) => {
    const png = await renderCard(card);
    writeFileSync(join(outDir, `${name}.png`), png);

    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);

    // The accent bar holds the left edge; everything else keeps a margin of background.
    expect(strayPixels(data, info.width, { x0: 1104, y0: 0, x1: 1200, y1: 630 })).toBe(0); // right
    expect(strayPixels(data, info.width, { x0: 16, y0: 592, x1: 1200, y1: 630 })).toBe(0); // bottom
    expect(strayPixels(data, info.width, { x0: 16, y0: 0, x1: 1200, y1: 64 })).toBe(0); // top
    expect(strayPixels(data, info.width, { x0: 16, y0: 0, x1: 88, y1: 630 })).toBe(0); // left of the text
    // And the title is there: plenty of ink between the eyebrow and the rule.
    expect(strayPixels(data, info.width, { x0: 96, y0: 120, x1: 1104, y1: 500 })).toBeGreaterThan(2000);
  });
});

const titleBox = { width: 1008, height: 338, sizes: [72, 66, 60, 56, 52, 48, 44, 40, 36], floor: 28, wrap: true };
const titleStyle = { weight: 700, color: '#1c1d21', lineHeight: 1.22 };

describe('fitText', () => {
  it('is tested with a 300-character title', () => expect(longTitle).toHaveLength(300));

  it.each([
    ['a short title at the largest size', 'Attention Is All You Need', 72, 72],
    ['a 300-character title smaller, but whole', longTitle, 36, 48],
  ])('draws %s', async (_, text, smallest, largest) => {
    const fitted = await fitText(text, titleStyle, titleBox);
    expect(fitted.text).toBe(text);
    expect(fitted.size).toBeGreaterThanOrEqual(smallest);
    expect(fitted.size).toBeLessThanOrEqual(largest);
    expect(fitted.image.width).toBeLessThanOrEqual(titleBox.width);
    expect(fitted.image.height).toBeLessThanOrEqual(titleBox.height);
  });

  it('shrinks below the usual minimum rather than break a 60-character word', async () => {
    const text = `On ${longWord} Detection`;
    const fitted = await fitText(text, titleStyle, titleBox);
    expect(fitted.text).toBe(text);
    expect(fitted.size).toBeLessThan(36);
    expect(fitted.image.width).toBeLessThanOrEqual(titleBox.width);
  });

  it.each([
    ['English', `${longTitle} ${longTitle}`, /[\s,:]/],
    ['Chinese', '基于大规模预训练语言模型的中文长文本摘要生成方法研究与应用'.repeat(8), /./u],
  ])('cuts an overlong %s title after a whole word, with an ellipsis', async (_, text, nextChar) => {
    const fitted = await fitText(text, titleStyle, titleBox);
    expect(fitted.size).toBe(36);
    expect(fitted.text.endsWith('…')).toBe(true);
    const kept = fitted.text.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(text.slice(kept.length)).toMatch(new RegExp(`^${nextChar.source}`, 'u'));
    expect(fitted.image.height).toBeLessThanOrEqual(titleBox.height);
  });

  it('cuts a one-line text to the width', async () => {
    const fitted = await fitText('Topic · '.repeat(40), titleStyle, {
      ...titleBox,
      sizes: [24],
      floor: 24,
      wrap: false,
    });
    expect(fitted.text).toMatch(/^(Topic · )+Topic…$/);
    expect(fitted.image.width).toBeLessThanOrEqual(titleBox.width);
  });
});

describe('text is literal, never markup', () => {
  it.each([
    [markupTitle, '&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;b&#62;x&#60;/b&#62;'],
    [`"quoted" 'single'`, '&#34;quoted&#34; &#39;single&#39;'],
    ['plain', 'plain'],
  ])('escapeMarkup(%j)', (text, expected) => {
    expect(escapeMarkup(text)).toBe(expected);
  });

  it('draws tags as characters', async () => {
    const style = { size: 40, weight: 700, color: '#000000' };
    const tagged = await renderText('<b>x</b>', style);
    const bare = await renderText('x', style);
    expect(tagged.width).toBeGreaterThan(bare.width * 5);
  });

  it.each([
    ['line\nbreaks\r\nand\ttabs', 'line breaks and tabs'],
    ['nul\u0000 and bell\u0007', 'nul and bell'],
    ['  padded  ', 'padded'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
  ])('cleanCardText(%j) → %j', (text, expected) => {
    expect(cleanCardText(text)).toBe(expected);
  });
});

describe('isRtl', () => {
  it.each([
    ['نموذج لغوي', true],
    ['למידה עמוקה', true],
    ['2025: نموذج', true],
    ['BERT للعربية', false],
    ['Attention', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isRtl(text)).toBe(expected);
  });
});

/** Code points a TrueType font maps, read from its `cmap` (formats 4 and 12). */
function codePoints(file: string): Set<number> {
  const font = readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = font.readUInt32BE(12 + 16 * i + 8);
  }
  const points = new Set<number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + font.readUInt32BE(cmap + 4 + 8 * i + 4);
    const format = font.readUInt16BE(sub);
    if (format === 12) {
      for (let g = 0; g < font.readUInt32BE(sub + 12); g++) {
        const at = sub + 16 + 12 * g;
        for (let c = font.readUInt32BE(at); c <= font.readUInt32BE(at + 4); c++) points.add(c);
      }
    } else if (format === 4) {
      const segments = font.readUInt16BE(sub + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(sub + 14 + 2 * s);
        const start = font.readUInt16BE(sub + 16 + 2 * segments + 2 * s);
        for (let c = start; c <= end && c < 0xffff; c++) points.add(c);
      }
    }
  }
  return points;
}

describe('bundled fonts', () => {
  // The machine may have these scripts installed too, so a render alone proves nothing:
  // check that the fonts from npm cover every character by themselves.
  const covered = new Set(fontFiles().flatMap((file) => [...codePoints(file)]));

  it.each(scripts)('cover every character of the %s title', (_, title) => {
    const missing = [...title].filter((c) => !/\s/.test(c) && !covered.has(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });

  it('come from npm packages, not the system', () => {
    for (const file of fontFiles()) expect(file).toMatch(/[\\/]node_modules[\\/]@expo-google-fonts[\\/]/);
  });
});

describe('cachedCardFile', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  /** The cached card's PNG, as a build links it. */
  const cachedCard = async (c: Card, dir: string) => readFileSync(await cachedCardFile(c, dir));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const card: Card = { kind: 'paper', title: 'Cached Card', eyebrow: 'Tests', footer };

  it('renders once, then serves the file without drawing again', async () => {
    const first = await cachedCard(card, cacheDir);
    const path = join(cacheDir, `${cardHash(card)}.png`);
    expect(readFileSync(path).equals(first)).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([`${cardHash(card)}.png`]); // no temporary file left behind

    const before = statSync(path);
    const second = await cachedCard(card, cacheDir);
    expect(second.equals(first)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);

    // Proof that nothing is drawn: a stand-in in the cache is returned as it is.
    const standIn = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    writeFileSync(path, standIn);
    expect((await cachedCard(card, cacheDir)).equals(standIn)).toBe(true);
  });

  it('takes a file the caller saw in the folder as there, and draws one it did not see', async () => {
    const other: Card = { ...card, title: 'Seen Card' };
    const name = `${cardHash(other)}.png`;
    // Named as seen: returned without a look, though no file is there.
    expect(await cachedCardFile(other, cacheDir, {}, new Set([name]))).toBe(join(cacheDir, name));
    expect(readdirSync(cacheDir)).not.toContain(name);
    // Not among those seen: drawn as ever.
    await cachedCardFile(other, cacheDir, {}, new Set());
    expect(readdirSync(cacheDir)).toContain(name);
  });

  it.each([
    ['title', { ...card, title: 'Cached Card 2' }],
    ['eyebrow', { ...card, eyebrow: 'Other' }],
    ['footer', { ...card, footer: 'Elsewhere' }],
    ['kind', { ...card, kind: 'topic' as const }],
  ])('gives a new hash when the %s changes', (_, changed) => {
    expect(cardHash(changed)).not.toBe(cardHash(card));
  });

  it('keys on the palette too, and is stable', () => {
    expect(cardHash(card)).toMatch(/^[0-9a-f]{32}$/);
    expect(cardHash({ ...card })).toBe(cardHash(card));
    expect(cardHash(card, { palette: { accent: '#1f5fb4' } })).not.toBe(cardHash(card));
  });
});
