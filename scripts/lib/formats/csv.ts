import { parse as parseCsv, type CsvError } from 'csv-parse/sync';
import { head } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { num, splitNames, str, strList } from './values.ts';

/** Header names (lower case, spaces and dashes as `_`) each column may go by. */
const columns = {
  title: ['title'],
  authors: ['authors', 'author'],
  abstract: ['abstract'],
  date: ['date', 'day', 'digest_date'],
  published: ['published', 'published_date', 'publication_date'],
  arxivId: ['arxiv', 'arxiv_id', 'arxivid', 'eprint'],
  doi: ['doi'],
  abs: ['url', 'link', 'abs'],
  pdf: ['pdf', 'pdf_url'],
  code: ['code', 'code_url', 'github'],
  project: ['project', 'project_page'],
  topics: ['topics', 'topic'],
  keywords: ['keywords'],
  summary: ['summary', 'tldr'],
  upvotes: ['upvotes'],
  comments: ['comments'],
  stars: ['stars'],
  thumbnail: ['thumbnail'],
  organization: ['organization'],
} as const;

type Column = keyof typeof columns;

const headerName = (cell: string) =>
  cell
    .trim()
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The delimiter whose split of the header row has a `title` column, if any. */
function delimiterOf(text: string): string | undefined {
  const headerLine = /^\s*([^\r\n]*)/.exec(text)?.[1] ?? '';
  return [',', '\t', ';'].find((d) => {
    const cells = headerLine.split(d).map(headerName);
    return cells.length > 1 && cells.includes('title');
  });
}

/** A data row as a source record, reading cells through the header's column map. */
function toRecord(cells: string[], index: Map<Column, number>, record: number, line: number): SourceRecord {
  const cell = (name: Column) => {
    const i = index.get(name);
    return i === undefined ? undefined : str(cells[i]);
  };
  const authors = cell('authors');
  return {
    record,
    line,
    title: cell('title'),
    authors: authors ? splitNames(authors) : undefined,
    abstract: cell('abstract'),
    date: cell('date'),
    published: cell('published'),
    arxivId: cell('arxivId'),
    doi: cell('doi'),
    links: { abs: cell('abs'), pdf: cell('pdf'), code: cell('code'), project: cell('project') },
    topics: strList(cell('topics'), /\s*;\s*/),
    keywords: strList(cell('keywords'), /\s*;\s*/),
    summary: cell('summary'),
    upvotes: num(cell('upvotes')),
    comments: num(cell('comments')),
    stars: num(cell('stars')),
    thumbnail: cell('thumbnail'),
    organization: cell('organization'),
  };
}

/** CSV (or TSV) with a header row naming the columns (`title` at least), in any case. */
export const csv: Format = {
  id: 'csv',
  label: 'CSV with a header row',
  sniff(file) {
    return delimiterOf(head(file, 4000)) !== undefined;
  },
  parse(file: SourceFile): ParseResult {
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    const delimiter = delimiterOf(file.text) ?? ',';
    const index = new Map<Column, number>();
    let rows = 0;
    const onRecord = (cells: string[], context: { lines: number }) => {
      const line = context.lines - cells.join('').split('\n').length + 1;
      if (rows++ === 0) {
        const names = cells.map(headerName);
        for (const [column, aliases] of Object.entries(columns) as [Column, readonly string[]][]) {
          const at = names.findIndex((n) => aliases.includes(n));
          if (at >= 0) index.set(column, at);
        }
        return null;
      }
      const record = toRecord(cells, index, rows - 1, line);
      if (record.title) records.push(record);
      else problems.push({ file: file.path, line, record: rows - 1, field: 'title', message: 'row has no title' });
      return null;
    };
    let lastSkipped: number | undefined;
    const onSkip = (error: CsvError | undefined) => {
      const line = (error as (CsvError & { lines?: number }) | undefined)?.lines;
      // A stray quote can raise more than one error on the same row: report the row once.
      if (!error || (line !== undefined && line === lastSkipped)) return undefined;
      lastSkipped = line;
      const message = error.message.replace(/ at line \d+/, '').replace(/ instead of [\s\S]*/, '');
      const record = rows++; // 0 is the header row
      problems.push({ file: file.path, line, record: record || undefined, message: `bad CSV row: ${message}` });
      return undefined;
    };
    try {
      parseCsv(file.text, {
        delimiter,
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_record: onRecord,
        on_skip: onSkip,
      });
    } catch (error) {
      problems.push({
        file: file.path,
        line: (error as { lines?: number }).lines,
        message: `not valid CSV: ${(error as Error).message.replace(/ at line \d+/, '')}`,
      });
    }
    return { records, problems };
  },
};
