/**
 * `npm run import -- [PATH…] [--date YYYY-MM-DD] [--strict] [--dry-run] [--force]`
 * Turns source files into one entry per paper under content/papers/.
 */
import { parseArgs } from 'node:util';
import { settings } from '../src/settings.ts';
import { runImport } from './lib/import/run-import.ts';
import { formatProblem, formatSummary, importProgress } from './lib/import/report.ts';
import { importFingerprint, lastFingerprint, rememberFingerprint } from './lib/import/import-cache.ts';
import { loadImportMemo, saveImportMemo } from './lib/import/import-memo.ts';

const usage = 'usage: npm run import -- [PATH…] [--date YYYY-MM-DD] [--strict] [--dry-run] [--force]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const date = args.values.date;
  if (date !== undefined && !/^\d{4}(-\d{2}-\d{2})?$/.test(date)) {
    console.error(`--date ${date}: expected YYYY-MM-DD or YYYY\n${usage}`);
    return 2;
  }
  const paths = args.positionals.length ? args.positionals : [settings.sourcesDir];
  const options = { date, strict: args.values.strict };
  // Nothing read by the import changed since its last clean run: it would write nothing.
  const fingerprint = importFingerprint(paths, settings.papersDir, settings.topicsFile, options);
  if (!args.values.force && !args.values['dry-run'] && fingerprint === (await lastFingerprint())) {
    console.log('nothing changed since the last import (use --force to import again)');
    return 0;
  }
  const progress = importProgress(process.stderr);
  const memo = await loadImportMemo();
  const summary = await runImport({
    memo,
    paths,
    papersDir: settings.papersDir,
    topicsFile: settings.topicsFile,
    date,
    strict: args.values.strict,
    dryRun: args.values['dry-run'],
    onFile: progress.onFile,
    onProgress: progress.onProgress,
  }).finally(() => progress.stop());
  for (const notice of summary.notices) console.error(formatProblem(notice));
  for (const problem of summary.problems) console.error(formatProblem(problem));
  console.log(formatSummary(summary, args.values['dry-run']));
  if (summary.problems.length) return 1;
  if (summary.written) {
    await rememberFingerprint(importFingerprint(paths, settings.papersDir, settings.topicsFile, options));
    await saveImportMemo(memo);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`import failed: ${error.message}`);
    process.exitCode = 1;
  },
);
