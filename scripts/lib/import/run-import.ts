import { resolve } from 'node:path';
import { dateFromFileName, isIsoDay } from '../../../src/lib/dates.ts';
import { orderedData } from '../../../src/lib/entry-file.ts';
import { slugFromTitle, uniqueSlug } from '../../../src/lib/slug.ts';
import { detectFormat } from '../formats/index.ts';
import type { Format, ParseResult, Problem, SourceFile } from '../formats/types.ts';
import { entryKeys, entryPath, indexEntry, loadEntries, writeEntry, type Entry, type EntryIndex } from './entries.ts';
import { idStrength, sameWork } from './identity.ts';
import { mergeFacts } from './merge.ts';
import { normalizeRecord, stripImportOnly, type ImportedPaper } from './normalize.ts';
import type { ImportMemo } from './import-memo.ts';
import { listSourceFiles, readSourceFile } from './read-sources.ts';
import { assignTopics, loadTaxonomy } from './taxonomy.ts';
import type { TopicMatcher } from '../../../src/lib/topics.ts';
import type { ParsedEntry } from '../../../src/lib/read-entries.ts';

export interface ImportOptions {
  /** Files or folders to import. */
  paths: string[];
  /** Folder of entries. */
  papersDir: string;
  /** Taxonomy file. */
  topicsFile: string;
  /** Digest day (YYYY-MM-DD) or year (YYYY) for sources that lack one. */
  date?: string;
  /** Stop at the first problem and write nothing. */
  strict?: boolean;
  /** Write nothing; report what would change. */
  dryRun?: boolean;
  /** What the last import read, to read again only what changed since (kept up to date as this one reads and writes). */
  memo?: ImportMemo;
  /** Called as each source file is read. */
  onFile?: (done: number, total: number, path: string) => void;
  /** Called as each paper is matched to an entry, then as each entry is written. */
  onProgress?: (step: 'match' | 'write', done: number, total: number) => void;
}

export interface ImportSummary {
  files: number;
  records: number;
  created: string[];
  updated: string[];
  unchanged: number;
  duplicates: number;
  skipped: number;
  written: boolean;
  problems: Problem[];
  /** Messages that do not fail the run: files passed over, facts left out, papers a file lists twice. */
  notices: Problem[];
  /** The entries this run read and left as they are, by absolute path, as parsed (for the build to reuse). */
  kept: Map<string, ParsedEntry>;
}

/** What a file parses to, or undefined when no format claims it; a crash in a parser is a problem naming the file. */
function parseFile(file: SourceFile, date: string | undefined): ParseResult | undefined {
  let format: Format | undefined;
  try {
    format = detectFormat(file);
    return format?.parse(file, { date });
  } catch (error) {
    const as = format ? ` as ${format.label}` : '';
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    return { records: [], problems: [{ file: file.path, message: `could not be read${as}: ${reason}` }] };
  }
}

/** A note for each paper a file lists again under the same arXiv id or DOI; the two are merged. */
function noteRepeats(papers: ImportedPaper[], notices: Problem[]): void {
  const first = new Map<string, ImportedPaper>();
  for (const paper of papers) {
    if (idStrength(paper.id) < 2) continue; // titles alone may name different works
    const earlier = first.get(paper.id);
    if (!earlier) first.set(paper.id, paper);
    else
      notices.push({
        ...paper.origin,
        field: 'id',
        message: `${paper.id} is listed again (first as record ${earlier.origin.record}): merged into one entry`,
      });
  }
}

/** What one source file yields: its papers, the messages about it, the records it held and skipped. */
interface FileYield {
  papers: ImportedPaper[];
  problems: Problem[];
  notices: Problem[];
  records: number;
  skipped: number;
}

/** Parses and normalizes one source file; undefined when no format claims it. */
function readRecords(file: SourceFile, date: string | undefined): FileYield | undefined {
  const result = parseFile(file, date);
  if (!result) return undefined;
  // The digest day for records that state none: --date, else the day the file is named after.
  const fallbackDate = (date && isIsoDay(date) ? date : undefined) ?? dateFromFileName(file.name);
  const rejected = result.problems.filter((p) => p.record !== undefined).length;
  const out: FileYield = {
    papers: [],
    problems: [...result.problems],
    notices: [],
    records: rejected,
    skipped: rejected,
  };
  for (const record of result.records) {
    out.records++;
    const outcome = normalizeRecord(file, record, fallbackDate);
    out.problems.push(...outcome.problems);
    out.notices.push(...outcome.notices);
    if (outcome.paper) out.papers.push(outcome.paper);
    else out.skipped++;
  }
  noteRepeats(out.papers, out.notices);
  return out;
}

/** Reads, detects and parses every source file into normalized papers; an unchanged one from the memo. */
async function readPapers(
  options: ImportOptions,
  problems: Problem[],
  notices: Problem[],
): Promise<{ papers: ImportedPaper[]; files: number; records: number; skipped: number }> {
  const paths = await listSourceFiles(options.paths, problems);
  const named = new Set(options.paths);
  const papers: ImportedPaper[] = [];
  const memoKey = `source ${options.date ?? ''}`;
  let records = 0;
  let skipped = 0;
  for (const [i, path] of paths.entries()) {
    options.onFile?.(i + 1, paths.length, path);
    let got = await options.memo?.recall<FileYield>(path, memoKey);
    if (!got) {
      const file = await readSourceFile(path, problems);
      if (!file) continue;
      got = readRecords(file, options.date);
      if (!got) {
        // A file named on the command line must be read; one met in a folder may be a README or a config file.
        const unknown = {
          file: path,
          line: 1,
          message: 'unknown format: not a papers listing, JSON, JSONL, Atom, BibTeX, CSL or CSV file this import reads',
        };
        if (named.has(path)) problems.push(unknown);
        else notices.push({ ...unknown, message: `skipped, ${unknown.message}` });
        continue;
      }
      await options.memo?.remember(path, got, memoKey);
    }
    problems.push(...got.problems);
    notices.push(...got.notices);
    papers.push(...got.papers);
    records += got.records;
    skipped += got.skipped;
  }
  return { papers, files: paths.length, records, skipped };
}

/** The entry already holding this paper: by arXiv id or DOI, else by title when nothing says they differ. */
function findEntry(index: EntryIndex, paper: ImportedPaper): Entry | undefined {
  for (const key of paper.keys) {
    for (const entry of index.byKey.get(key) ?? []) {
      if (!key.startsWith('title:') || entry.broken) return entry;
      const claims = { keys: entryKeys(entry.data), authors: entry.data.authors, published: entry.data.published };
      if (sameWork(claims, paper)) return entry;
    }
  }
  return undefined;
}

/** A new entry for a paper no entry holds yet. */
function createEntry(index: EntryIndex, matchers: TopicMatcher[], paper: ImportedPaper, papersDir: string): Entry {
  const slug = uniqueSlug(slugFromTitle(paper.title), index.slugs);
  const data = { ...stripImportOnly(paper), slug, topics: assignTopics(matchers, paper) };
  return { path: entryPath(papersDir, data), data, body: '' };
}

/** The import pipeline: read → detect → parse → normalize → dedupe → classify → merge → write. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const problems: Problem[] = [];
  const matchers = await loadTaxonomy(options.topicsFile);
  const index = await loadEntries(options.papersDir, problems, options.memo);
  const kept = new Map<string, ParsedEntry>();
  for (const { path, data, body, broken, stamp } of index.entries)
    if (!broken && stamp) kept.set(resolve(path), { data, body, stamp });
  const notices: Problem[] = [];
  const { papers, files, records, skipped } = await readPapers(options, problems, notices);

  // What an entry's file would say, compared as data: serializing 10k entries twice cost seconds.
  const snapshot = (e: Entry) => JSON.stringify(orderedData(e.data));
  const before = new Map(index.entries.map((e) => [e, snapshot(e)]));
  const createdNow = new Set<Entry>();
  const seenNow = new Set<Entry>();
  let duplicates = 0;
  for (const [i, paper] of papers.entries()) {
    options.onProgress?.('match', i + 1, papers.length);
    const match = findEntry(index, paper);
    if (!match) {
      const entry = createEntry(index, matchers, paper, options.papersDir);
      index.entries.push(entry);
      indexEntry(index, entry);
      createdNow.add(entry);
      seenNow.add(entry);
      continue;
    }
    if (match.broken) {
      const { file, record, line } = paper.origin;
      problems.push({
        file,
        record,
        line,
        message: `paper is in ${match.path}, which is broken: fix that entry and import again`,
      });
      continue;
    }
    if (seenNow.has(match)) duplicates++;
    seenNow.add(match);
    match.data = mergeFacts(match.data, stripImportOnly(paper));
    indexEntry(index, match); // a merge may have added a stronger id
  }

  const changed = [...seenNow].filter((e) => !createdNow.has(e) && snapshot(e) !== before.get(e));
  const blocked = options.strict && problems.length > 0;
  const written = !options.dryRun && !blocked;
  const failed = new Set<Entry>();
  if (written)
    for (const [i, entry] of [...createdNow, ...changed].entries()) {
      options.onProgress?.('write', i + 1, createdNow.size + changed.length);
      options.memo?.forget(entry.path, 'entry');
      kept.delete(resolve(entry.path));
      try {
        await writeEntry(entry);
      } catch (error) {
        // One entry that cannot be written (a folder in its place, a full disk) stops only itself.
        failed.add(entry);
        const code = (error as NodeJS.ErrnoException).code;
        problems.push({ file: entry.path, message: `entry not written: ${code ?? (error as Error).message}` });
      }
    }

  return {
    files,
    records,
    created: [...createdNow].filter((e) => !failed.has(e)).map((e) => e.path),
    updated: changed.filter((e) => !failed.has(e)).map((e) => e.path),
    unchanged: seenNow.size - createdNow.size - changed.length,
    duplicates,
    skipped,
    written,
    problems,
    notices,
    kept,
  };
}
