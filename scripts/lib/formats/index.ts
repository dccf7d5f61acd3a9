import { arxivAtom } from './arxiv-atom.ts';
import { arxivOaiJsonl } from './arxiv-oai-jsonl.ts';
import { bibtex } from './bibtex.ts';
import { csl } from './csl.ts';
import { csv } from './csv.ts';
import { cvArxivDaily } from './cv-arxiv-daily.ts';
import { dailyArxivJsonl } from './daily-arxiv-jsonl.ts';
import { hfDaily } from './hf-daily.ts';
import { listing } from './listing.ts';
import { paperboyJson } from './paperboy-json.ts';
import type { Format, SourceFile } from './types.ts';

/**
 * Every format the import reads, most specific first: the first whose sniff matches wins.
 * Sniffs that look for one source's own keys come before the generic JSON/YAML and CSV ones,
 * and the pasted listing, whose sniff is loose, comes last.
 */
export const formats: Format[] = [
  hfDaily,
  cvArxivDaily,
  arxivAtom,
  arxivOaiJsonl,
  dailyArxivJsonl,
  bibtex,
  csl,
  paperboyJson,
  csv,
  listing,
];

/** The format a file's content is in, if any. */
export function detectFormat(file: SourceFile): Format | undefined {
  return formats.find((f) => f.sniff(file));
}

export type { Format, SourceFile, SourceRecord, Problem, ParseResult, ParseOptions } from './types.ts';
