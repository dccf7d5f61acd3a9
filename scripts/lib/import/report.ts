import cliProgress from 'cli-progress';
import type { Problem } from '../formats/types.ts';
import type { ImportOptions, ImportSummary } from './run-import.ts';
import { shown } from './entries.ts';

/** `file:line: record N, field "x": message` — enough to find and fix it. */
export function formatProblem(p: Problem): string {
  const place = [shown(p.file), p.line].filter((x) => x !== undefined).join(':');
  const detail = [p.record !== undefined && `record ${p.record}`, p.field && `field "${p.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${place}: ${detail ? `${detail}: ` : ''}${p.message}`;
}

/**
 * Why a record was skipped, in a few words that group alike problems: the first pattern its message
 * matches names it. `null`: a record problem that is not counted as skipped.
 */
const skipReasons: [RegExp, string | null][] = [
  [/, which is broken/, null], // the paper's entry is broken: reported, not counted among the skipped
  [/too long/, 'text too long'],
  [/has no title/, 'no title'],
  [/no digest date/, 'no digest date'],
  [/is not a real day/, 'date is not a real day'],
  [/answered with an error/, 'arXiv API error'],
];

/** The reason a record problem skipped its record, or null for one that did not. */
export function skipReason(p: Problem): string | null {
  const known = skipReasons.find(([pattern]) => pattern.test(p.message));
  if (known) return known[1];
  return p.field ? `bad ${p.field}` : 'unreadable record';
}

/** `2 × no title, 1 × no digest date`: the skipped records by reason, most common first. */
export function formatSkipReasons(problems: Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const reason = p.record === undefined ? null : skipReason(p);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([reason, n]) => `${n} × ${reason}`)
    .join(', ');
}

/** The closing summary of an import. */
export function formatSummary(s: ImportSummary, dryRun: boolean): string {
  const verb = dryRun ? 'would write' : s.written ? 'wrote' : 'wrote nothing';
  const reasons = s.skipped ? formatSkipReasons(s.problems) : '';
  const lines = [
    `${s.files} file(s), ${s.records} record(s): ${s.created.length} new, ${s.updated.length} updated, ${s.unchanged} unchanged, ${s.duplicates} merged duplicate(s), ${s.skipped} skipped${reasons ? ` (${reasons})` : ''}`,
  ];
  if (s.written || dryRun) {
    lines.push(
      `${verb} ${s.created.length + s.updated.length} entr${s.created.length + s.updated.length === 1 ? 'y' : 'ies'}`,
    );
  } else lines.push('wrote nothing (--strict and there were problems)');
  return lines.join('\n');
}

/** The end of a long path, to fit a progress line: `…/hf-daily-papers/2024-06-03.json`. */
function tail(path: string, width: number): string {
  const text = shown(path);
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

/** What the import says as it goes, and how it clears that away before the summary. */
export type ImportProgress = Pick<ImportOptions, 'onFile' | 'onProgress'> & { stop(): void };

/**
 * A progress bar on a terminal over the import's three steps: files read, papers matched, entries
 * written. Elsewhere (CI logs, pipes) nothing is printed as the import goes: the closing summary and
 * the problems are the whole log.
 *
 * @example const progress = importProgress(process.stderr); await runImport({ ...options, ...progress }); progress.stop();
 */
export function importProgress(stream: NodeJS.WriteStream): ImportProgress {
  if (!stream.isTTY) return { stop: () => {} };
  // The terminal is left as it was, even after Ctrl-C: no hidden cursor, wrapping on (lines are cut instead).
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'import {bar} {value}/{total} {step} {detail}',
    barsize: 24,
    clearOnComplete: true,
    linewrap: true,
  });
  const pathWidth = Math.max(20, (stream.columns || 80) - 50);
  let started = false;
  const show = (done: number, total: number, step: string, detail = '') => {
    if (!started) bar.start(total, done, { step, detail });
    else {
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { step, detail });
    }
    started = true;
  };
  return {
    onFile: (done, total, path) => show(done - 1, total, 'files', tail(path, pathWidth)),
    onProgress: (step, done, total) => show(done, total, step === 'match' ? 'papers matched' : 'entries written'),
    stop: () => bar.stop(),
  };
}
