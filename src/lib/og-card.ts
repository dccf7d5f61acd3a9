/**
 * Social cards: 1200×630 Open Graph PNGs for a paper, a digest day and a topic, drawn with sharp
 * (Pango for text, bundled fonts only) and cached on disk by a hash of everything they show.
 */
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { writeFileAtomic } from './files.ts';
import { fontIdentity } from './og-fonts.ts';
import { cleanCardText, fitText, isRtl, type FitBox, type TextImage } from './og-text.ts';

/** What a card shows. All text is plain: nothing in it is read as markup. */
export interface Card {
  /** Which page the card is for; day and topic titles are short and drawn larger. */
  kind: 'paper' | 'day' | 'topic';
  /** The paper title, the day or the topic name, e.g. `Attention Is All You Need`. */
  title: string;
  /** The line above the title, e.g. topic names or `Digest · 12 March 2025`. */
  eyebrow: string;
  /** The line at the bottom, e.g. `Paperboy Digest · 12 March 2025`. */
  footer: string;
}

/** The card's colours, as `#rrggbb`. */
export interface Palette {
  /** The card, e.g. `#fcfcfb`. */
  background: string;
  /** The title. */
  text: string;
  /** The footer. */
  muted: string;
  /** The bar down the left edge and the eyebrow. */
  accent: string;
  /** The line above the footer. */
  rule: string;
}

/** Options for drawing a card. */
export interface CardOptions {
  /** Colours to override, e.g. `{ accent: '#1f5fb4' }`. */
  palette?: Partial<Palette>;
}

/** Bump when the drawing changes, so cached cards are drawn again. */
export const RENDERER_VERSION = 1;

/** Open Graph's recommended size, in pixels. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The site's colours. */
export const defaultPalette: Palette = {
  background: '#fcfcfb',
  text: '#1c1d21',
  muted: '#5b5f6a',
  accent: '#b4451f',
  rule: '#e6e3dd',
};

// The grid, in pixels. Text never comes nearer the edges than MARGIN.
const BAR = 16; // accent bar down the left edge
const MARGIN = 96;
const CONTENT = CARD_WIDTH - 2 * MARGIN;
const BLOCK_TOP = 72; // eyebrow and title
const BLOCK_BOTTOM = 484;
// From the top of the eyebrow to the top of the title: a larger title gets more air.
const titleOffset = (size: number) => 40 + Math.round(size * 0.45);
const RULE_TOP = 514;
const FOOTER_TOP = 546;

const titleSizes: Record<Card['kind'], number[]> = {
  paper: [72, 66, 60, 56, 52, 48, 44, 40, 36],
  day: [88, 80, 72, 64, 56, 48, 44, 40, 36],
  topic: [88, 80, 72, 64, 56, 48, 44, 40, 36],
};

/** Scripts that stack marks above and below need more room between lines than Latin does. */
const lineHeight = (text: string) =>
  /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Hebrew}]/u.test(text)
    ? 1.5
    : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)
      ? 1.35
      : 1.22;

const line = (size: number): FitBox => ({ width: CONTENT, height: size * 2, sizes: [size], floor: size, wrap: false });

/**
 * Truecolour PNG at zlib level 7: against level 9, a card encodes in ~10 ms instead of ~35 (a
 * paper card is drawn in ~40 ms of CPU instead of ~60, so a day's new cards take less from its
 * pages) for 7 % more bytes (53.3 KB against 49.8). Quantising to a palette triples the time for a
 * third off the size.
 */
const pngLevel = 7;

/** Draws a card as a 1200×630 PNG. */
export async function renderCard(card: Card, options: CardOptions = {}): Promise<Buffer> {
  const palette = { ...defaultPalette, ...options.palette };
  const title = cleanCardText(card.title);
  const eyebrow = cleanCardText(card.eyebrow).toLocaleUpperCase('en');
  const footer = cleanCardText(card.footer);

  const layers: OverlayOptions[] = [
    {
      input: { create: { width: BAR, height: CARD_HEIGHT, channels: 4, background: palette.accent } },
      left: 0,
      top: 0,
    },
    {
      input: { create: { width: CONTENT, height: 2, channels: 4, background: palette.rule } },
      left: MARGIN,
      top: RULE_TOP,
    },
  ];
  const place = (image: TextImage, top: number, rtl = false) =>
    layers.push({
      input: image.data,
      raw: { width: image.width, height: image.height, channels: 4 },
      left: rtl ? MARGIN + CONTENT - image.width : MARGIN,
      top,
    });

  // The eyebrow and the title form one block, centred (a little above the middle) in the space
  // above the rule, so a one-line title does not leave the lower half of the card empty.
  const titleBox: FitBox = {
    width: CONTENT,
    height: (size) => BLOCK_BOTTOM - BLOCK_TOP - (eyebrow ? titleOffset(size) : 0),
    sizes: titleSizes[card.kind],
    floor: 28,
    wrap: true,
  };
  const fittedTitle = title
    ? await fitText(title, { weight: 700, color: palette.text, lineHeight: lineHeight(title) }, titleBox)
    : undefined;
  const offset = eyebrow && fittedTitle ? titleOffset(fittedTitle.size) : 0;
  const blockHeight = offset + (fittedTitle?.image.height ?? 0);
  const blockTop = BLOCK_TOP + Math.round(Math.max(0, BLOCK_BOTTOM - BLOCK_TOP - blockHeight) * 0.4);
  if (eyebrow) {
    const fitted = await fitText(eyebrow, { weight: 600, color: palette.accent, letterSpacing: 0.08 }, line(24));
    place(fitted.image, blockTop);
  }
  if (fittedTitle) place(fittedTitle.image, blockTop + offset, isRtl(title));
  if (footer) {
    const fitted = await fitText(footer, { weight: 600, color: palette.muted }, line(26));
    place(fitted.image, FOOTER_TOP);
  }

  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 4, background: palette.background } })
    .composite(layers)
    .flatten({ background: palette.background })
    .png({ compressionLevel: pngLevel })
    .toBuffer();
}

/** The cache key of a card: its content, the palette, the renderer version, the text stack's versions and the fonts. */
export function cardHash(card: Card, options: CardOptions = {}): string {
  const { kind, title, eyebrow, footer } = card;
  const { vips, pango, harfbuzz, freetype } = sharp.versions;
  return createHash('sha256')
    .update(JSON.stringify({ v: RENDERER_VERSION, kind, title, eyebrow, footer }))
    .update(JSON.stringify({ ...defaultPalette, ...options.palette }))
    .update(JSON.stringify({ vips, pango, harfbuzz, freetype }))
    .update(fontIdentity())
    .digest('hex')
    .slice(0, 32);
}

/**
 * The path of the card's PNG, `<cacheDir>/<hash>.png`, drawn first if it is not there yet and written
 * atomically (a temporary file renamed into place), so concurrent builds never read half a file.
 * `cached` names files the caller saw in the folder, which need no look (11k looks took ~0.7 s).
 */
export async function cachedCardFile(
  card: Card,
  cacheDir: string,
  options: CardOptions = {},
  cached?: Set<string>,
): Promise<string> {
  const name = `${cardHash(card, options)}.png`;
  const path = join(cacheDir, name);
  if (cached?.has(name)) return path;
  try {
    await access(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await renderCard(card, options);
  await writeFileAtomic(path, png);
  return path;
}
