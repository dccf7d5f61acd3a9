/**
 * Text for social cards: plain text in, a transparent RGBA image of it out, drawn by Pango
 * through sharp and fitted to a box by shrinking the font, then by cutting at a word boundary.
 */
import sharp from 'sharp';
import { fontFamilies, registerFonts } from './og-fonts.ts';

/** How a run of text looks. */
export interface TextStyle {
  /** Font size in pixels. */
  size: number;
  /** CSS-style weight: 400, 600 or 700 (the weights bundled). */
  weight: number;
  /** Colour as `#rrggbb`. */
  color: string;
  /** Distance between baselines in em, the same for every script, e.g. `1.25`. */
  lineHeight?: number;
  /** Extra space between letters, in em. */
  letterSpacing?: number;
}

/** Rendered text, cropped to its ink: raw RGBA pixels, not premultiplied. */
export interface TextImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Where fitted text must go and how far it may shrink. */
export interface FitBox {
  width: number;
  /** The height allowed, or a function giving it for a font size. */
  height: number | ((size: number) => number);
  /** Font sizes to try, largest first; the last one is the smallest for ordinary titles. */
  sizes: number[];
  /** How far to shrink further when a single word is wider than a line. */
  floor: number;
  /** Wrap at word boundaries within `width`; otherwise one line. */
  wrap: boolean;
}

/** Text as fitted: the image, the size used and the text drawn (maybe cut, ending in `…`). */
export interface FittedText {
  image: TextImage;
  size: number;
  text: string;
}

/** Pango markup is always on in sharp's text input, so user text must be escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One line of plain text: controls and line breaks become spaces, lone surrogates are repaired. */
export function cleanCardText(text: string): string {
  return (
    text
      .toWellFormed()
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** True when the first letter of `text` belongs to a right-to-left script. */
export function isRtl(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return !!first && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(first);
}

/** Draws `text` in `style`, wrapped at word boundaries to `wrapWidth` when given. */
export async function renderText(text: string, style: TextStyle, wrapWidth?: number): Promise<TextImage> {
  await registerFonts();
  const attributes = [`foreground="${style.color}"`, `weight="${style.weight}"`];
  // An absolute line height (in 1024ths of a point): a factor would scale each font's own
  // metrics, and Arabic or CJK fonts have far taller ones than Noto Sans.
  if (style.lineHeight) attributes.push(`line_height="${Math.round(style.lineHeight * style.size * 1024)}"`);
  if (style.letterSpacing) attributes.push(`letter_spacing="${Math.round(style.letterSpacing * style.size * 1024)}"`);
  const { data, info } = await sharp({
    text: {
      text: `<span ${attributes.join(' ')}>${escapeMarkup(text)}</span>`,
      // At 72 dpi a point is a pixel, so sizes read as on the card.
      font: `${fontFamilies} ${style.size}`,
      dpi: 72,
      rgba: true,
      // Pango reads `left` as "start": right-to-left paragraphs are aligned right.
      align: 'left',
      ...(wrapWidth ? { width: wrapWidth, wrap: 'word' as const } : {}),
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Where `text` may be cut: after each word, or after each character as a last resort. */
function cutPoints(text: string, granularity: 'word' | 'grapheme'): number[] {
  const points: number[] = [];
  for (const s of new Intl.Segmenter(undefined, { granularity }).segment(text)) {
    const end = s.index + s.segment.length;
    if ((granularity === 'grapheme' || s.isWordLike) && end < text.length) points.push(end);
  }
  return points;
}

/** True when wrapped text ends in a line under a quarter as wide as its widest line. */
export function shortLastLine(image: TextImage, size: number): boolean {
  if (image.height < 1.8 * size) return false; // one line
  // The bottom 0.6 em holds the last line only: the line above ends higher even with descenders.
  let [left, right] = [image.width, -1];
  for (let y = Math.max(0, image.height - Math.round(0.6 * size)); y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[(y * image.width + x) * 4 + 3] > 0) [left, right] = [Math.min(left, x), Math.max(right, x)];
    }
  }
  return right >= left && right - left + 1 < image.width / 4;
}

function cutAt(text: string, end: number): string {
  return `${text.slice(0, end).replace(/[\s,;:·–—-]+$/u, '')}…`;
}

/**
 * Draws `text` as large as `box.sizes` allows. A title still too tall at the smallest size is cut
 * after the last word that fits, with an ellipsis; a word wider than a line first shrinks the text
 * down to `box.floor`, and only a word wider than a line even then is cut inside.
 */
export async function fitText(text: string, style: Omit<TextStyle, 'size'>, box: FitBox): Promise<FittedText> {
  const draw = (t: string, size: number) => renderText(t, { ...style, size }, box.wrap ? box.width : undefined);
  const fits = (image: TextImage, size: number) =>
    image.width <= box.width && image.height <= (typeof box.height === 'number' ? box.height : box.height(size));

  let size = box.sizes[0];
  let image: TextImage | undefined;
  for (const [i, candidate] of box.sizes.entries()) {
    size = candidate;
    image = await draw(text, size);
    if (!fits(image, size)) continue;
    // A last line of a word or two looks like an accident; one or two sizes smaller may reflow it.
    if (box.wrap && shortLastLine(image, size)) {
      for (const smaller of box.sizes.slice(i + 1, i + 3)) {
        const reflowed = await draw(text, smaller);
        if (fits(reflowed, smaller) && !shortLastLine(reflowed, smaller))
          return { image: reflowed, size: smaller, text };
      }
    }
    return { image, size, text };
  }
  while (image && image.width > box.width && size > box.floor) {
    size = Math.max(box.floor, size - 2);
    image = await draw(text, size);
    if (fits(image, size)) return { image, size, text };
  }

  for (const granularity of ['word', 'grapheme'] as const) {
    const points = cutPoints(text, granularity);
    // Largest cut that fits, by bisection: a longer prefix never takes less room.
    let [lo, hi] = [-1, points.length];
    let best: FittedText | undefined;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const cut = cutAt(text, points[mid]);
      const candidate = await draw(cut, size);
      if (fits(candidate, size)) [lo, best] = [mid, { image: candidate, size, text: cut }];
      else hi = mid;
    }
    if (best) return best;
  }
  return { image: await draw('…', size), size, text: '…' };
}
