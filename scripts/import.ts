/**
 * `npm run import -- [PATH…] [--date YYYY-MM-DD] [--strict] [--dry-run] [--force]`
 * Turns source files into one entry per paper under content/papers/.
 */
import { parseArgs } from 'node:util';
import { settings } from '../src/settings.ts';
import { importSources, nothingChanged } from './lib/import/import-sources.ts';
import { importProgress } from './lib/import/report.ts';

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
  const progress = importProgress(process.stderr);
  const outcome = await importSources({
    paths: args.positionals.length ? args.positionals : [settings.sourcesDir],
    papersDir: settings.papersDir,
    topicsFile: settings.topicsFile,
    date,
    strict: args.values.strict,
    dryRun: args.values['dry-run'],
    force: args.values.force,
    progress,
  });
  for (const line of [...outcome.notices, ...outcome.problems]) console.error(line);
  const skipped = outcome.summary === nothingChanged;
  console.log(skipped ? `${nothingChanged} (use --force to import again)` : outcome.summary);
  return outcome.problems.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`import failed: ${error.message}`);
    process.exitCode = 1;
  },
);
