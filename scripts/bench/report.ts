import type { BuildRun, CorpusResult } from './bench-corpus.ts';
import { count, mem, secs, size, table, times } from './format.ts';
import type { MachineFacts } from './machine.ts';
import { targetParagraphs } from './targets.ts';

/** One results row: a build's wall time, memory, speed and output. */
function buildRow(r: CorpusResult, run: string, b: BuildRun): string[] {
  return [
    r.label,
    count(r.papers),
    run,
    secs(b.seconds),
    secs(b.cpuSeconds),
    `${Math.round(b.others * 100)} %`,
    mem(b.peakRss),
    mem(b.tree.sumPeak),
    count(Math.round(r.papers / b.seconds)),
    count(b.output.files),
    size(b.output.bytes),
  ];
}

/** Wall time, memory and output of every build, ours and the comparator's. */
function resultsTable(results: CorpusResult[]): string {
  const rows = results.flatMap((r) => {
    const h = r.hugo;
    const hugoRow = [
      r.label,
      count(r.hugoPages),
      'Hugo + Pagefind CLI',
      `${secs(h.seconds)} (${h.hugo.seconds.toFixed(1)} + ${h.pagefind.seconds.toFixed(1)})`,
      secs(h.hugo.cpuSeconds + h.pagefind.cpuSeconds),
      `${Math.round(Math.max(h.hugo.others, h.pagefind.others) * 100)} %`,
      mem(h.peakRss),
      // Sampling every 250 ms can miss a short run entirely; GNU time's peak is the floor.
      mem(Math.max(h.hugo.tree.sumPeak, h.pagefind.tree.sumPeak, h.peakRss)),
      count(Math.round(r.hugoPages / h.seconds)),
      count(h.output.files),
      size(h.output.bytes),
    ];
    return [
      buildRow(r, 'cold', r.cold),
      buildRow(r, 'full, cards cached', r.full),
      buildRow(r, 'warm, no change', r.warm),
      ...(r.incremental ? [buildRow(r, '+1 day (50 papers)', r.incremental)] : []),
      hugoRow,
    ];
  });
  const header = ['corpus', 'papers', 'build', 'wall', 'CPU', "others' CPU", 'peak RSS, largest process'];
  return table([...header, 'peak RSS, all processes', 'papers/s', 'files in dist', 'dist size'], rows);
}

/** Ratios against the comparator and of the incremental build, and what a reader downloads. */
function readerTable(results: CorpusResult[]): string {
  const rows = results.map((r) => {
    const quick = r.reader?.quickSearch;
    const page = r.reader?.searchPage;
    return [
      r.label,
      times(r.full.seconds / r.hugo.seconds),
      times(r.warm.seconds / r.hugo.seconds),
      times(r.cold.seconds / r.hugo.seconds),
      r.incremental ? `${Math.round((100 * r.incremental.seconds) / r.full.seconds)} %` : '–',
      `${size(r.paperHtml.median)} / ${size(r.paperHtml.max)}`,
      r.reader ? `${r.reader.paperScripts.length} (${size(scriptBytes(r))} gz)` : '–',
      quick ? `${size(quick.gzip)} in ${quick.files.length} files` : '–',
      page ? `${size(page.gzip)} in ${page.files.length} files` : '–',
      r.reader?.searchMs !== undefined ? `${Math.round(r.reader.searchMs)} ms` : '–',
      r.reader?.facetSearchMs !== undefined ? `${Math.round(r.reader.facetSearchMs)} ms` : '–',
      `${count(r.pagefindDir.files)} files, ${size(r.pagefindDir.bytes)}`,
    ];
  });
  const header = ['corpus', 'full ÷ Hugo+Pagefind', 'warm ÷ H+P', 'cold ÷ H+P', '+1 day ÷ full'];
  const reader = ['paper page, gz HTML (median / max)', 'scripts on a paper page', 'first search, header box (gz)'];
  const search = [
    'first search, /search/?q= (gz, Pagefind files)',
    'results after the index is loaded (median)',
    'the same with facet counts (search page)',
  ];
  return table([...header, ...reader, ...search, 'search index on disk'], rows);
}

/** Gzipped bytes of the scripts a paper page loads. */
export function scriptBytes(r: CorpusResult): number {
  return (r.reader?.paperPage.files ?? []).filter((f) => /\.m?js$/.test(f.path)).reduce((s, f) => s + f.gzip, 0);
}

/** Seconds per phase of the cold, warm and incremental builds of one corpus. */
function phaseTable(r: CorpusResult): string {
  const runs = [r.cold, r.full, r.warm, ...(r.incremental ? [r.incremental] : [])];
  const names = [...new Set(runs.flatMap((b) => b.phases.map(([name]) => name)))];
  const cell = (b: BuildRun, name: string) => {
    const found = b.phases.find(([n]) => n === name);
    return found ? `${found[1].toFixed(1)} (${Math.round((100 * found[1]) / b.seconds)} %)` : '–';
  };
  const rows = names.map((name) => [name, ...runs.map((b) => cell(b, name))]);
  rows.push(['**total**', ...runs.map((b) => `**${secs(b.seconds)}**`)]);
  return table(['phase (s)', 'cold', 'full', 'warm', ...(r.incremental ? ['+1 day'] : [])], rows);
}

/** Astro's per-route render times summed by kind of route, for the full build. */
function routeTable(r: CorpusResult): string {
  const rows = r.full.routes.map((c) => [
    c.kind,
    count(c.routes),
    secs(c.ms / 1000),
    `${(c.ms / c.routes).toFixed(1)} ms`,
  ]);
  return table(['route kind (full build)', 'routes', 'render time, summed', 'per route'], rows);
}

/** The whole of docs/benchmarks.md. */
export function renderReport(
  results: CorpusResult[],
  facts: MachineFacts,
  command: string,
  failed: string[] = [],
): string {
  const machine = [
    `- Date: ${facts.date}`,
    `- Machine: ${facts.cores} cores (${facts.cpu}), ${mem(facts.memory)} memory, ${facts.os}`,
    `- Toolchain: Node ${facts.node} (the build's), Astro ${facts.astro}, Hugo ${facts.hugo}, Pagefind ${facts.pagefind}`,
  ];
  const detail = results.flatMap((r) => [`### ${r.label} (code ${r.code})`, '', phaseTable(r), '', routeTable(r), '']);
  return [
    '# Benchmarks',
    '',
    'Generated by `scripts/bench/run.ts`. Reproduce with:',
    '',
    '```sh',
    command,
    '```',
    '',
    ...machine,
    '',
    'Each corpus is built in a fresh copy of the project under the OS temp dir with the real pipeline',
    '(`npm run build`: astro build with the import, cards and Pagefind beside it, service worker). *Cold* is the first build',
    '(no entries, no caches, no social cards); *full, cards cached* moves `dist/` and every cache but the',
    "social cards' (`.cache/og`) aside and builds every page again — the issue's full build, run three times",
    '(no more after one over 2 min), the fastest shown; *warm, no change* runs the same build once more with',
    'every cache kept; *+1 day* then adds 50 papers and builds again. What a build leaves is moved aside, not',
    'deleted, until the run ends: on a file system without a journal (this one) a build that creates files',
    'right after tens of thousands were deleted pays for it (see `scripts/bench/trash.ts`).',
    "*CPU* is user + system time of the build's processes; *others' CPU* is the",
    'share of all cores that other work on the machine used meanwhile (each build first waits, up to 5 min,',
    "for the machine to go quiet). Peak RSS is GNU time's maximum resident set of the largest process, and",
    'the sampled sum over the process tree. Gzip sizes are gzip -6 of each file a reader downloads (Pagefind',
    'ships its index gzipped, so those count as stored). Hugo + Pagefind builds the same papers (a page each,',
    'topic and day taxonomies, Hugo RSS feeds) and the fastest of three runs after a first one is compared',
    'with our fastest full build.',
    '',
    '## Results',
    '',
    resultsTable(results),
    '',
    ...(failed.length ? [`Failed twice, not measured: ${failed.join(', ')} (see the logs).`, ''] : []),
    '## Ratios and what a reader downloads',
    '',
    readerTable(results),
    '',
    '## Targets (issue 7)',
    '',
    ...targetParagraphs(results),
    '',
    '## Where the time goes',
    '',
    'Phases are read from the arrival times of the lines the build prints. Render time per route is what Astro',
    'prints beside each route, summed by kind; with `build.concurrency` above 1 the sums can exceed the phase.',
    '',
    ...detail,
  ].join('\n');
}
