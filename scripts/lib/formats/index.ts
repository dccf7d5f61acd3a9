import { listing } from './listing.ts';
import type { Format, SourceFile } from './types.ts';

/** Every format the import reads, most specific first: the first whose sniff matches wins. */
export const formats: Format[] = [listing];

/** The format a file's content is in, if any. */
export function detectFormat(file: SourceFile): Format | undefined {
  return formats.find((f) => f.sniff(file));
}

export type { Format, SourceFile, SourceRecord, Problem, ParseResult, ParseOptions } from './types.ts';
