import { texToUnicode } from '../../../src/lib/tex.ts';
import { firstJsonLine } from './read-data.ts';
import { parseJsonLinesRecords } from './jsonl-records.ts';
import type { Format, SourceRecord } from './types.ts';
import { isRecord, num, str, strList } from './values.ts';

/** One line as a source record; `AI.tldr` becomes the summary. */
function toRecord(row: Record<string, unknown>, record: number, line: number, day: string | undefined): SourceRecord {
  const title = str(row.title);
  const abstract = str(row.summary);
  return {
    record,
    line,
    title: title && texToUnicode(title),
    authors: strList(strList(row.authors)?.map(texToUnicode)),
    abstract: abstract && texToUnicode(abstract),
    date: day,
    arxivId: str(row.id),
    links: { abs: str(row.abs), pdf: str(row.pdf), code: str(row.code_url) },
    stars: num(row.code_stars),
    summary: isRecord(row.AI) ? str(row.AI.tldr) : undefined,
    topics: strList(row.categories),
  };
}

/**
 * daily-arXiv-ai-enhanced data: one arXiv paper per line, `{id, pdf, abs, authors, title,
 * categories, comment, summary}`, enriched files adding `AI{tldr, …}` and `code_url`.
 * The digest day is the file's name (`2025-03-19.jsonl`, `2025-03-19_AI_enhanced_Chinese.jsonl`).
 */
export const dailyArxivJsonl: Format = {
  id: 'daily-arxiv-jsonl',
  label: 'daily-arXiv JSON Lines',
  sniff(file) {
    const row = firstJsonLine(file);
    return (
      isRecord(row) &&
      'id' in row &&
      'title' in row &&
      'summary' in row &&
      ('abs' in row || 'pdf' in row) &&
      !('paper' in row)
    );
  },
  parse: (file) => parseJsonLinesRecords(file, toRecord),
};
