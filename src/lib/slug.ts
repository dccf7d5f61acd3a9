import slugify from '@sindresorhus/slugify';

/** Longest slug we write; long enough to read, short enough to paste. */
export const maxSlugLength = 60;

/** A readable ASCII slug from a title, cut on a word boundary. */
export function slugFromTitle(title: string, maxLength = maxSlugLength): string {
  // Math and markup carry no words worth a URL.
  const words = title.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ');
  const full = slugify(words, { decamelize: false }) || 'paper';
  if (full.length <= maxLength) return full;
  const cut = full.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : full.slice(0, maxLength);
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
