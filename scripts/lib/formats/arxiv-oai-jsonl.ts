import { dayOf } from '../../../src/lib/dates.ts';
import { texToUnicode } from '../../../src/lib/tex.ts';
import { firstJsonLine } from './read-data.ts';
import { parseJsonLinesRecords } from './jsonl-records.ts';
import type { Format, SourceRecord } from './types.ts';
import { first, isRecord, str, strList } from './values.ts';

/** `[family, given, suffix, …]` rows as "Given Family Suffix" names. */
function parsedAuthors(rows: unknown): string[] | undefined {
  if (!Array.isArray(rows)) return undefined;
  const names = rows.map((row) => {
    if (!Array.isArray(row)) return undefined;
    const [family, given, suffix] = row.map((part) => str(part));
    return [given, family, suffix].filter(Boolean).join(' ');
  });
  return strList(names.map((n) => n && texToUnicode(n)));
}

/** The `authors` text split into names ("A, B and C"), for rows without `authors_parsed`. */
function authorsText(value: unknown): string[] | undefined {
  const text = str(value);
  return text ? strList(texToUnicode(text).split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) : undefined;
}

/** The day of the first version (`"Mon, 2 Apr 2007 19:18:42 GMT"`). */
function firstVersionDay(versions: unknown): string | undefined {
  const created = Array.isArray(versions) && isRecord(versions[0]) ? str(versions[0].created) : undefined;
  const time = created ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** One snapshot line as a source record. */
function toRecord(row: Record<string, unknown>, record: number, line: number, day: string | undefined): SourceRecord {
  const title = str(row.title);
  const abstract = str(row.abstract);
  return {
    record,
    line,
    title: title && texToUnicode(title),
    authors: parsedAuthors(row.authors_parsed) ?? authorsText(row.authors),
    abstract: abstract && texToUnicode(abstract),
    date: day,
    published: first(firstVersionDay(row.versions), dayOf(str(row.update_date))),
    arxivId: str(row.id),
    doi: str(row.doi),
    topics: strList(row.categories, /\s+/),
  };
}

/** The Kaggle / Cornell `arxiv-metadata-oai-snapshot` JSON Lines: one arXiv paper per line. */
export const arxivOaiJsonl: Format = {
  id: 'arxiv-oai-jsonl',
  label: 'arXiv metadata snapshot (JSON Lines)',
  sniff(file) {
    const row = firstJsonLine(file);
    return isRecord(row) && ('authors_parsed' in row || ('versions' in row && 'update_date' in row));
  },
  parse: (file) => parseJsonLinesRecords(file, toRecord),
};
