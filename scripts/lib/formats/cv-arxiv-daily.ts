import { dayOf } from '../../../src/lib/dates.ts';
import { head, readJson } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { isArxivId, isRecord, noTitle, str } from './values.ts';

/** `|**2021-08-23**|**Title**|First Author et.al.|[2108.00001](http://arxiv.org/abs/2108.00001)|code|` */
const tableRow = /^\|\*\*(\d{4}-\d{2}-\d{2})\*\*\|\*\*(.+)\*\*\|([^|]*)\|\[([^\]]*)\]\(([^)\s]*)\)\|(.*)\|\s*$/s;
/** `- 2022-01-19, **Title**, First Author et.al., Paper: [url](url), Code: **[url](url)**` */
const bulletRow =
  /^-\s*(\d{4}-\d{2}-\d{2}),\s*\*\*(.+)\*\*,\s*(.*?),\s*Paper:\s*\[([^\]]*)\]\(([^)\s]*)\)(?:,\s*Code:\s*(.*?))?\s*$/s;

/** A markdown link's URL (`**[link](url)**`, `[url](url)`), or undefined for `null` and blanks. */
function linkUrl(cell: string | undefined): string | undefined {
  const url = /\]\(([^)\s]+)\)/.exec(cell ?? '')?.[1] ?? str(cell);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** A value that is not a row, cut short for the message (named by its type when too deep to write out). */
function preview(row: unknown): string {
  try {
    return String(JSON.stringify(row)).slice(0, 80);
  } catch {
    return typeof row;
  }
}

/** One row string as a source record, or undefined if it has neither shape. */
function parseRow(row: string, key: string, topic: string, record: number): SourceRecord | undefined {
  const m = tableRow.exec(row) ?? bulletRow.exec(row);
  if (!m) return undefined;
  const [, day, title, author, linkText, url, code] = m;
  // "First Author et.al." names only the first author: keep the list empty rather than wrong.
  const sole = str(author) && !/\bet\.?\s*al\.?$/i.test(author.trim()) ? [author.trim()] : undefined;
  return {
    record,
    title: str(title),
    authors: sole,
    date: dayOf(day),
    published: dayOf(day),
    arxivId: isArxivId(key) ? key : str(linkText),
    links: { abs: linkUrl(url), code: linkUrl(code) },
    topics: [topic],
  };
}

/**
 * cv-arxiv-daily JSON: `{topic: {arxiv_id: "|**date**|**title**|First Author et.al.|[id](url)|code|"}}`,
 * or the WeChat variant whose rows are markdown bullets.
 */
export const cvArxivDaily: Format = {
  id: 'cv-arxiv-daily',
  label: 'cv-arxiv-daily topic JSON',
  sniff(file) {
    return /^\s*\{\s*"[^"]*"\s*:\s*\{\s*"[^"]*"\s*:\s*"(\|\*\*\d{4}-\d{2}-\d{2}\*\*\||-\s*\d{4}-\d{2}-\d{2},)/.test(
      head(file, 4000),
    );
  },
  parse(file: SourceFile): ParseResult {
    const parsed = readJson(file);
    if (!parsed.ok) return { records: [], problems: [parsed.problem] };
    if (!isRecord(parsed.value))
      return { records: [], problems: [{ file: file.path, message: 'expected an object of topics' }] };
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    let n = 0;
    for (const [topic, rows] of Object.entries(parsed.value)) {
      if (!isRecord(rows)) {
        problems.push({ file: file.path, message: `topic "${topic}" is not an object of papers` });
        continue;
      }
      for (const [key, row] of Object.entries(rows)) {
        const at = { file: file.path, record: ++n };
        const record = typeof row === 'string' ? parseRow(row, key, topic, n) : undefined;
        if (!record)
          problems.push({ ...at, message: `${topic} › ${key}: not a "|**date**|**title**|…" row: ${preview(row)}` });
        else if (!record.title) problems.push({ ...at, field: 'title', message: `${topic} › ${noTitle(key)}` });
        else records.push(record);
      }
    }
    return { records, problems };
  },
};
