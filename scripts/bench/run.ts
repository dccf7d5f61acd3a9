/**
 * `npm run bench [-- --papers N] [--real] [--keep]`
 * Builds generated corpora (1,000 and 10,000 papers by default) and, with `--real`, the corpora in
 * ../shared/data with the real pipeline in temp copies of the project, builds the same papers with
 * Hugo + the Pagefind CLI, and writes the results to docs/benchmarks.md.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { benchCorpus, type CorpusResult, type CorpusSpec } from './bench-corpus.ts';
import { ensureHugo, pagefindBinary, pagefindVersion } from './comparator.ts';
import { corpusSources } from './corpus.ts';
import { machineFacts, type MachineFacts } from './machine.ts';
import { renderReport } from './report.ts';
import { realSpecs, syntheticSpec } from './specs.ts';
import { emptyTrash } from './trash.ts';

const usage = 'usage: npm run bench -- [--papers N]… [--real] [--keep] [--no-write] [--results results.json]';
const repo = resolve(import.meta.dirname, '..', '..');

/** What a run measured, as saved in results.json. */
interface Saved {
  facts: MachineFacts;
  command: string;
  results: CorpusResult[];
  /** Corpora whose build failed twice. */
  failed: string[];
}

/**
 * Runs a corpus, and once more a minute later if it fails: the project's code is copied fresh each time,
 * so a build broken by someone's half-saved edit usually passes on the second try.
 */
async function withRetry(run: () => Promise<CorpusResult>): Promise<CorpusResult | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      console.error(`  failed: ${(error as Error).message}`);
      if (attempt === 2) return undefined;
      console.error('  retrying in 60 s with a fresh copy of the project…');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  }
}

/** The options, with npm's extra `--` separators dropped so `-- --papers N -- --real` works too. */
function readArgs() {
  return parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      papers: { type: 'string', multiple: true },
      real: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      results: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

/** The command line that reproduces this run. */
function commandLine(args: ReturnType<typeof readArgs>): string {
  const parts = [...(args.papers ?? []).flatMap((n) => ['--papers', n]), ...(args.real ? ['--real'] : [])];
  return `npm run bench${parts.length ? ` -- ${parts.join(' ')}` : ''}`;
}

/** The corpora this run builds: the generated sizes, then the real ones when asked. */
async function corpusSpecs(args: ReturnType<typeof readArgs>): Promise<CorpusSpec[]> {
  const sizes = (args.papers ?? ['1000', '10000']).map(Number);
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 50);
  if (bad !== undefined) throw new Error(`--papers ${bad}: expected a whole number of papers, at least 50`);
  const sources = corpusSources(join(repo, 'content', 'sources', '2025-03-12-papers.txt'));
  const specs = sizes.map((n) => syntheticSpec(n, sources));
  if (args.real) specs.push(...(await realSpecs(repo, resolve(repo, '..', 'shared', 'data'))));
  return specs;
}

/** Runs every corpus, then prints the report and writes it to docs/benchmarks.md. */
async function main(): Promise<number> {
  let args;
  try {
    args = readArgs();
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  // `--results` re-renders the report from a previous run's results.json without building anything.
  if (args.results) {
    const saved = JSON.parse(await readFile(args.results, 'utf8')) as Saved;
    return writeReport(saved, !args['no-write']);
  }
  const hugo = ensureHugo();
  const pagefind = pagefindBinary(repo);
  const saved: Saved = {
    facts: machineFacts(repo, hugo, pagefindVersion(pagefind)),
    command: commandLine(args),
    results: [],
    failed: [],
  };
  const logs = join(tmpdir(), `paperboy-bench-logs-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(logs, { recursive: true });
  console.error(`logs: ${logs}`);
  try {
    for (const spec of await corpusSpecs(args)) {
      const result = await withRetry(() => benchCorpus(spec, { repo, logs, pagefind, keep: args.keep }));
      if (result) saved.results.push(result);
      else saved.failed.push(spec.label);
      const json = JSON.stringify(saved, (key, value: unknown) => (key === 'lines' ? undefined : value));
      await writeFile(join(logs, 'results.json'), `${json}\n`);
    }
  } finally {
    console.error('deleting what the builds left (moved aside while measuring)…');
    await emptyTrash();
  }
  return writeReport(saved, !args['no-write']);
}

/** Hand-written notes at the end of docs/benchmarks.md start at this line, and each run keeps them. */
const notesMarker = '<!-- Notes below this line are written by hand; npm run bench keeps them. -->';

/** The notes section of the current docs/benchmarks.md, marker included, or nothing. */
async function keptNotes(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const at = text.indexOf(notesMarker);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

/** Prints the report and writes it to docs/benchmarks.md. */
async function writeReport({ facts, command, results, failed }: Saved, write: boolean): Promise<number> {
  // Formatted as `npm run check` expects, so the written file passes `prettier --check`.
  const file = join(repo, 'docs', 'benchmarks.md');
  const options = await prettier.resolveConfig(file);
  const notes = await keptNotes(file);
  const generated = renderReport(results, facts, command, failed) + notes;
  const report = await prettier.format(generated, { ...options, filepath: file });
  console.log(report);
  if (write) {
    await mkdir(join(repo, 'docs'), { recursive: true });
    await writeFile(file, report);
    console.error('wrote docs/benchmarks.md');
  }
  return failed.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  },
);
