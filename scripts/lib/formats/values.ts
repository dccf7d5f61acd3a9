/** Loose values from parsed sources made into the plain types a SourceRecord holds. */

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string (numbers become strings), or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** Non-empty strings of a list, or of a string split on `separator`; undefined when none. */
export function strList(value: unknown, separator?: RegExp): string[] | undefined {
  const items = Array.isArray(value)
    ? value.map(str)
    : typeof value === 'string' && separator
      ? value.split(separator).map(str)
      : [str(value)];
  const out = items.filter((s): s is string => !!s);
  return out.length ? out : undefined;
}

/** A finite number from a number or a numeric string ("1,234" too), or undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = str(value)?.replace(/[,_\s]/g, '');
  if (!text || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** The first value that is not undefined. */
export function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** An arXiv id named in a text that says it is one (`arXiv:2101.00001`, an arxiv.org link, an arXiv DOI). */
export function arxivIdIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m =
    /arxiv(?:\.org\/(?:abs|pdf)\/|[:.]\s*|\s+)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i.exec(
      value,
    );
  return m?.[1];
}

/** True when a text is only an arXiv id (`2101.00001v2`, `hep-th/9901001`). */
export function isArxivId(value: string | undefined): boolean {
  return !!value && /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(value.trim());
}

/** Names split on `;` or the word "and", as lists of authors are written in one cell. */
export function splitNames(value: string): string[] {
  return value
    .split(/\s*;\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The message for a record without a title, naming the record's id when there is one. */
export function noTitle(id?: string): string {
  return id ? `record ${id} has no title` : 'record has no title';
}
