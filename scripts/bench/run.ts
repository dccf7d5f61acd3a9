/**
 * `npm run bench [-- --papers N] [--real] [--keep]`
 * Builds generated corpora (1,000 and 10,000 papers by default) and, with `--real`, the corpora in
 * ../shared/data with the real pipeline in temp copies of the project, builds the same papers with
 * Hugo + the Pagefind CLI, and writes the results to docs/benchmarks.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCorpus, type CorpusResult, type CorpusSpec } from './bench-corpus.ts';
import { ensureHugo, pagefindBinary, pagefindVersion } from './comparator.ts';
import { corpusSources } from './corpus.ts';
import { machineFacts } from './machine.ts';
import { renderReport } from './report.ts';
import { realSpecs, syntheticSpec } from './specs.ts';

const usage = 'usage: npm run bench -- [--papers N]… [--real] [--keep] [--no-write]';
const repo = resolve(import.meta.dirname, '..', '..');

/** The options, with npm's extra `--` separators dropped so `-- --papers N -- --real` works too. */
function readArgs() {
  return parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      papers: { type: 'string', multiple: true },
      real: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
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
  const hugo = ensureHugo();
  const pagefind = pagefindBinary(repo);
  const facts = machineFacts(repo, hugo, pagefindVersion(pagefind));
  const logs = join(tmpdir(), `paperboy-bench-logs-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(logs, { recursive: true });
  console.error(`logs: ${logs}`);

  const results: CorpusResult[] = [];
  for (const spec of await corpusSpecs(args)) {
    results.push(await benchCorpus(spec, { repo, logs, pagefind, keep: args.keep }));
    const raw = results.map((r) => JSON.stringify(r, (key, value: unknown) => (key === 'lines' ? undefined : value)));
    await writeFile(join(logs, 'results.json'), `[${raw.join(',\n')}]\n`);
  }

  const report = renderReport(results, facts, commandLine(args));
  console.log(report);
  if (!args['no-write']) {
    await mkdir(join(repo, 'docs'), { recursive: true });
    await writeFile(join(repo, 'docs', 'benchmarks.md'), report);
    console.error('wrote docs/benchmarks.md');
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  },
);
