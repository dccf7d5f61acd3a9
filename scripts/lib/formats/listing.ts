import { isoDate, parseDateLine, dateFromFileName } from '../../../src/lib/dates.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';

/** A text block with the line it starts on. */
interface Block {
  line: number;
  text: string;
}

/** Paragraphs of a text, split on blank lines, with their starting lines. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      current = undefined;
      return;
    }
    if (current) current.text += ` ${line}`;
    else out.push((current = { line: i + 1, text: line }));
  });
  return out;
}

/** Abstracts run to sentences; titles are one short line. */
function looksLikeAbstract(text: string): boolean {
  return text.length > 300 || (text.length > 120 && /[.!?]\s+\S/.test(text));
}

/** Resolves a date line to a day using the year from `--date` or the file name. */
function resolveDay(file: SourceFile, line: number, text: string, fallback: string | undefined, problems: Problem[]) {
  const parsed = parseDateLine(text)!;
  const year = parsed.year ?? (fallback ? Number(fallback.slice(0, 4)) : undefined);
  if (year === undefined) {
    problems.push({
      file: file.path,
      line,
      field: 'date',
      message: `date line "${text}" has no year: put the date in the file name (e.g. 2025-03-12-papers.txt) or pass --date`,
    });
    return undefined;
  }
  const day = isoDate(year, parsed.month, parsed.day);
  if (!day)
    problems.push({
      file: file.path,
      line,
      field: 'date',
      message: `date line "${text}" is not a real day in ${year}`,
    });
  return day;
}

/**
 * Text copied from a papers web page: page chrome, then a date line ("Mar 12"),
 * then title and abstract paragraphs in turn.
 */
export const listing: Format = {
  id: 'listing',
  label: 'pasted papers listing',
  sniff(file) {
    const head = blocks(file.text.slice(0, 20_000));
    return head.some((b) => parseDateLine(b.text)) && head.some((b) => looksLikeAbstract(b.text));
  },
  parse(file, options): ParseResult {
    const problems: Problem[] = [];
    const records: SourceRecord[] = [];
    const fallback = options.date ?? dateFromFileName(file.name);
    let day: string | undefined;
    let seenDate = false;
    let pending: SourceRecord | undefined;
    let titles = 0;
    const missingAbstract = (r: SourceRecord) =>
      problems.push({
        file: file.path,
        line: r.line,
        record: r.record,
        field: 'abstract',
        message: `title "${r.title}" has no abstract after it`,
      });

    for (const block of blocks(file.text)) {
      if (parseDateLine(block.text)) {
        if (pending) missingAbstract(pending);
        pending = undefined;
        seenDate = true;
        day = resolveDay(file, block.line, block.text, fallback, problems);
        continue;
      }
      if (!seenDate) continue; // page chrome before the first date line
      if (looksLikeAbstract(block.text)) {
        if (!pending) {
          problems.push({
            file: file.path,
            line: block.line,
            field: 'title',
            message: 'abstract without a title before it',
          });
          continue;
        }
        pending.abstract = block.text;
        if (day) records.push(pending);
        pending = undefined;
        continue;
      }
      if (pending) missingAbstract(pending);
      pending = { record: ++titles, line: block.line, title: block.text, date: day };
    }
    if (pending) missingAbstract(pending);
    if (!seenDate)
      problems.push({
        file: file.path,
        line: 1,
        field: 'date',
        message: 'no date line (like "Mar 12") found before the papers',
      });
    return { records, problems };
  },
};
