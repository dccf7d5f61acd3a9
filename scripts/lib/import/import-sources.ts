import { join } from 'node:path';
import { importFingerprint, lastFingerprint, rememberFingerprint } from './import-cache.ts';
import { loadImportMemo, saveImportMemo } from './import-memo.ts';
import { formatProblem, formatSummary, type ImportProgress } from './report.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import type { ParsedEntry } from '../../../src/lib/read-entries.ts';

export interface ImportRequest extends Pick<
  ImportOptions,
  'paths' | 'papersDir' | 'topicsFile' | 'date' | 'strict' | 'dryRun'
> {
  /** Import even when nothing it reads changed since its last clean run. */
  force?: boolean;
  /** Where the fingerprint and memo of the last clean run are kept (default `.cache`). */
  cacheDir?: string;
  progress?: ImportProgress;
}

/** The summary of an import skipped because nothing it reads changed since its last clean run. */
export const nothingChanged = 'nothing changed since the last import';

/** How an import went: `problems` fail it; the notices and the summary are for the log. */
export interface ImportOutcome {
  problems: string[];
  notices: string[];
  summary: string;
}

/** An import's outcome and the entries it read and left as they are, by absolute path (none when it was skipped). */
export type ImportRun = ImportOutcome & { kept?: Map<string, ParsedEntry> };

/**
 * An import as `npm run import` and the build run it: skipped when nothing it reads changed since
 * its last clean run, otherwise with the memo of what that run read, which it then saves.
 */
export async function importSources(request: ImportRequest): Promise<ImportRun> {
  const { paths, papersDir, topicsFile, date, strict = false, dryRun = false, cacheDir = '.cache' } = request;
  const options = { date, strict };
  const fingerprintFile = join(cacheDir, 'import-fingerprint');
  const memoFile = join(cacheDir, 'import-memo');
  const fingerprint = importFingerprint(paths, papersDir, topicsFile, options);
  if (!request.force && !dryRun && fingerprint === (await lastFingerprint(fingerprintFile))) {
    return {
      problems: [],
      notices: [],
      summary: nothingChanged,
    };
  }
  const memo = await loadImportMemo(memoFile);
  const progress = request.progress;
  const summary = await runImport({
    memo,
    paths,
    papersDir,
    topicsFile,
    date,
    strict,
    dryRun,
    onFile: progress?.onFile,
    onProgress: progress?.onProgress,
  }).finally(() => progress?.stop());
  if (summary.written && !summary.problems.length) {
    await rememberFingerprint(importFingerprint(paths, papersDir, topicsFile, options), fingerprintFile);
    await saveImportMemo(memo, memoFile);
  }
  return {
    problems: summary.problems.map(formatProblem),
    notices: summary.notices.map(formatProblem),
    summary: formatSummary(summary, dryRun),
    kept: summary.kept,
  };
}
