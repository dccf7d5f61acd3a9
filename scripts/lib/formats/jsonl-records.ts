import { dateFromFileName } from '../../../src/lib/dates.ts';
import { jsonLines } from './read-data.ts';
import type { ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { isRecord, noTitle } from './values.ts';

/** Makes one JSON Lines object a record; `day` is the day the file is named after. */
export type RowToRecord = (
  row: Record<string, unknown>,
  record: number,
  line: number,
  day: string | undefined,
) => SourceRecord;

/** The records of a JSON Lines file, one object per line; a bad line or a record without a title is a problem. */
export function parseJsonLinesRecords(file: SourceFile, toRecord: RowToRecord): ParseResult {
  const day = dateFromFileName(file.name);
  const records: SourceRecord[] = [];
  const problems: Problem[] = [];
  for (const { line, record, value, error } of jsonLines(file)) {
    const at = { file: file.path, line, record };
    if (error !== undefined) problems.push({ ...at, message: `line is not valid JSON: ${error}` });
    else if (!isRecord(value)) problems.push({ ...at, message: 'line is not a JSON object' });
    else {
      const paper = toRecord(value, record, line, day);
      if (paper.title) records.push(paper);
      else problems.push({ ...at, field: 'title', message: noTitle(paper.arxivId) });
    }
  }
  return { records, problems };
}
