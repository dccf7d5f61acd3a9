import { dayOf, isIsoDay, isoDate } from '../../../src/lib/dates.ts';
import { head, parseYamlText, readJson, readYaml, type Parsed } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { arxivIdIn, first, isArxivId, isRecord, noTitle, num, str, strList } from './values.ts';

/** The YAML between `---` lines at the top of a Markdown file (it starts on line 2). */
function frontMatter(text: string): string | undefined {
  return /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text)?.[1];
}

/** True for an object that reads as a CSL item: names as `{family, given}`, `issued`, or CSL-only keys. */
function looksLikeCsl(item: unknown): boolean {
  if (!isRecord(item)) return false;
  const names =
    Array.isArray(item.author) &&
    item.author.some((a) => isRecord(a) && ('family' in a || 'given' in a || 'literal' in a));
  return (
    names ||
    isRecord(item.issued) ||
    'container-title' in item ||
    'citation-key' in item ||
    ('type' in item && ('DOI' in item || 'URL' in item))
  );
}

/** The items a parsed document holds: a list, `{references: [...]}`, or one item. */
function itemsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.references)) return value.references;
  return looksLikeCsl(value) ? [value] : undefined;
}

/** The file's data: front matter of a Markdown file, else the whole file as JSON or YAML. */
function readCsl(file: SourceFile): Parsed {
  const front = frontMatter(file.text);
  if (front !== undefined) return parseYamlText(front, file.path, 1);
  return /^\s*[[{]/.test(file.text) ? readJson(file) : readYaml(file);
}

/** A CSL date (`{date-parts: [[y, m, d]]}`, also flat `[y, m, d]`, or `raw`/`literal` text) as a day. */
function cslDay(value: unknown): string | undefined {
  if (!isRecord(value)) return dayOf(str(value));
  const partsList = value['date-parts'];
  const parts = Array.isArray(partsList) ? (Array.isArray(partsList[0]) ? partsList[0] : partsList) : undefined;
  const [y, m, d] = (parts ?? []).map((part) => num(part) ?? NaN);
  if (Number.isInteger(y)) return isoDate(y, Number.isInteger(m) && m ? m : 1, Number.isInteger(d) && d ? d : 1);
  return first(dayOf(str(value.raw)), dayOf(str(value.literal)));
}

/** CSL names (`{given, family}`, `{literal}`) as "Given Family". */
function cslNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return strList(value, /\s*;\s*|\s+and\s+/);
  return strList(
    value.map((n) => {
      if (!isRecord(n)) return str(n);
      const parts = [n.given, n['non-dropping-particle'], n.family, n.suffix].map(str).filter(Boolean);
      return first(str(n.literal), parts.length ? parts.join(' ') : undefined);
    }),
  );
}

/** One CSL item as a source record. */
function toRecord(item: Record<string, unknown>, record: number, date: string | undefined): SourceRecord {
  const url = str(item.URL) ?? str(item.url);
  const number = str(item.number);
  const archiveIsArxiv = /arxiv/i.test(str(item.archive) ?? str(item.publisher) ?? '');
  return {
    record,
    title: str(item.title),
    authors: cslNames(item.author),
    abstract: str(item.abstract),
    date: first(date, dayOf(str(item.date))),
    published: first(cslDay(item.issued), cslDay(item['available-date'])),
    arxivId: first(
      arxivIdIn(url),
      arxivIdIn(str(item.DOI)),
      arxivIdIn(number),
      archiveIsArxiv && isArxivId(number) ? number : undefined,
    ),
    doi: str(item.DOI) ?? str(item.doi),
    links: { abs: url, pdf: str(item.pdf) },
    keywords: strList(item.keyword ?? item.keywords, /\s*[,;]\s*/),
  };
}

/**
 * CSL-JSON and CSL-YAML: a list of CSL items, `{references: [...]}`, or a Markdown file whose
 * front matter is one item (PMLR's Jekyll posts).
 */
export const csl: Format = {
  id: 'csl',
  label: 'CSL-JSON / CSL-YAML',
  sniff(file) {
    // Only JSON, a YAML list, a `references:` map or front matter can be CSL; skip the rest unparsed.
    if (!/^\s*(#[^\n]*\n\s*)*([[{]|---|- |references:)/.test(head(file, 2000))) return false;
    const parsed = readCsl(file);
    // A broken file that uses CSL's own keys is still CSL: claim it so parse names the bad line.
    if (!parsed.ok) return /["']?(date-parts|container-title|issued)["']?\s*:/.test(head(file));
    const items = itemsOf(parsed.value);
    return !!items && items.length > 0 && looksLikeCsl(items[0]);
  },
  parse(file: SourceFile, options): ParseResult {
    const parsed = readCsl(file);
    if (!parsed.ok) return { records: [], problems: [parsed.problem] };
    const items = itemsOf(parsed.value);
    if (!items) return { records: [], problems: [{ file: file.path, message: 'expected a list of CSL items' }] };
    const date = options.date && isIsoDay(options.date) ? options.date : undefined;
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    for (const [i, item] of items.entries()) {
      const at = { file: file.path, record: i + 1 };
      const record = isRecord(item) ? toRecord(item, i + 1, date) : undefined;
      if (!record) problems.push({ ...at, message: 'item is not an object' });
      else if (record.title) records.push(record);
      else problems.push({ ...at, field: 'title', message: noTitle(str((item as { id?: unknown }).id)) });
    }
    return { records, problems };
  },
};
