/**
 * The fonts social cards are drawn with. They come from npm packages (`@expo-google-fonts/*` ship
 * the Google Fonts TTFs), never from the machine: Pango reads TTF/OTF only, not WOFF.
 *
 * Coverage, in fallback order: Noto Sans (Latin, Greek, Cyrillic, Devanagari), Arabic, Hebrew,
 * Thai, Noto Sans Math (operators, arrows, letter-like symbols), Noto Sans SC (Han ideographs,
 * Japanese kana, CJK punctuation) and Noto Sans KR (Hangul). The order matters: Noto Sans Math
 * also holds isolated Arabic letters (for Arabic mathematical alphabets), so it must come after
 * Noto Sans Arabic or Arabic words lose their joining forms.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** One bundled font file: the npm package holding it and the file inside the package. */
interface FontFace {
  family: string;
  pkg: string;
  file: string;
}

const faces: FontFace[] = [
  { family: 'Noto Sans', pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  { family: 'Noto Sans', pkg: '@expo-google-fonts/noto-sans', file: '600SemiBold/NotoSans_600SemiBold.ttf' },
  { family: 'Noto Sans', pkg: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
  {
    family: 'Noto Sans Arabic',
    pkg: '@expo-google-fonts/noto-sans-arabic',
    file: '400Regular/NotoSansArabic_400Regular.ttf',
  },
  {
    family: 'Noto Sans Arabic',
    pkg: '@expo-google-fonts/noto-sans-arabic',
    file: '700Bold/NotoSansArabic_700Bold.ttf',
  },
  {
    family: 'Noto Sans Hebrew',
    pkg: '@expo-google-fonts/noto-sans-hebrew',
    file: '400Regular/NotoSansHebrew_400Regular.ttf',
  },
  {
    family: 'Noto Sans Hebrew',
    pkg: '@expo-google-fonts/noto-sans-hebrew',
    file: '700Bold/NotoSansHebrew_700Bold.ttf',
  },
  {
    family: 'Noto Sans Thai',
    pkg: '@expo-google-fonts/noto-sans-thai',
    file: '400Regular/NotoSansThai_400Regular.ttf',
  },
  { family: 'Noto Sans Thai', pkg: '@expo-google-fonts/noto-sans-thai', file: '700Bold/NotoSansThai_700Bold.ttf' },
  {
    family: 'Noto Sans Math',
    pkg: '@expo-google-fonts/noto-sans-math',
    file: '400Regular/NotoSansMath_400Regular.ttf',
  },
  { family: 'Noto Sans SC', pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  { family: 'Noto Sans SC', pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
  { family: 'Noto Sans KR', pkg: '@expo-google-fonts/noto-sans-kr', file: '400Regular/NotoSansKR_400Regular.ttf' },
  { family: 'Noto Sans KR', pkg: '@expo-google-fonts/noto-sans-kr', file: '700Bold/NotoSansKR_700Bold.ttf' },
];

/**
 * The Pango family list every text uses: Pango takes each character from the first family that
 * has it, so a Latin title with a Chinese term or a Greek letter needs no special casing.
 */
export const fontFamilies = [...new Set(faces.map((f) => f.family))].join(', ');

const require = createRequire(import.meta.url);

function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** Absolute paths of the bundled font files. */
export function fontFiles(): string[] {
  return faces.map((f) => join(packageDir(f.pkg), f.file));
}

let identity: string | undefined;

/**
 * What identifies the fonts a card was drawn with: package, version, file and size of each.
 * Cheap (no font is read), so a cached card costs nothing to look up.
 */
export function fontIdentity(): string {
  if (identity === undefined) {
    identity = faces
      .map((f) => {
        const dir = packageDir(f.pkg);
        const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
        return `${f.pkg}@${version}/${f.file}:${statSync(join(dir, f.file)).size}`;
      })
      .join('\n');
  }
  return identity;
}

let registered: Promise<void> | undefined;

/**
 * Makes the bundled fonts known to Pango. libvips adds each `fontfile` it is given to the
 * process's fontconfig set, where it stays, so one tiny render per file is enough; after that
 * the family list above can fall back across all of them.
 */
export function registerFonts(): Promise<void> {
  registered ??= (async () => {
    for (const fontfile of fontFiles()) {
      await sharp({ text: { text: '.', font: 'Noto Sans 8', fontfile } })
        .raw()
        .toBuffer();
    }
  })().catch((error: unknown) => {
    registered = undefined; // let the next card try again
    throw error;
  });
  return registered;
}
