import { existsSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Settings } from '../settings.ts';
import { buildDigest } from '../lib/digest.ts';
import type { MadeEntries } from '../lib/citation.ts';
import type { Paper } from '../lib/paper-schema.ts';
import type { PapersRead } from '../lib/read-entries.ts';
import { relatedKey, relatedPapers, type RelatedLists } from '../lib/related.ts';
import { absolute, paperUrl } from '../lib/urls.ts';
import { madeEntries } from './bibtex-memo.ts';
import { buildEntries, buildPapers, giveParsedEntries, givePapers } from './build-entries.ts';
import { drawCards } from './cards.ts';
import { lowerPriority } from './priority.ts';
import { replacedIndexes, writeIndex } from './search-bundle.ts';
import { importSources, type ImportOutcome } from '../../scripts/lib/import/import-sources.ts';

/** What a worker thread is started with: its tasks, in order, and the build's settings. */
export interface WorkerData {
  names: BuildTask[];
  settings: Settings;
  /** Papers another thread has read. */
  papers?: Paper[];
  /** The task before which this thread lowers its priority (`build-work.ts` says why). */
  yieldAt?: BuildTask;
}

/**
 * Some of a build's work, on a thread beside Astro's: the import, then from the entries on disk
 * the papers for the pages, the related papers, the search index, the papers' BibTeX entries and
 * the social cards, and the removal of the search indexes the last build replaced. Each task's
 * result, or error, is posted back as it settles. Papers another thread has read come with the
 * thread's data.
 */
const { names, settings, papers: given, yieldAt } = workerData as WorkerData;
if (given) givePapers(given);

let papers: Paper[] | undefined;
/** The papers the site shows, in its order (`buildDigest`), as the pages have them. */
function shown(): Paper[] {
  if (papers) return papers;
  const { papers: read, topics } = buildPapers(settings);
  papers = buildDigest(read, topics).papers;
  return papers;
}

const tasks = {
  import: async (): Promise<ImportOutcome> => {
    // A digest kept by hand has no sources folder: nothing to import (`npm run import` names it).
    if (!existsSync(settings.sourcesDir))
      return { problems: [], notices: [], summary: `nothing to import: no folder ${settings.sourcesDir}` };
    const { kept, ...outcome } = await importSources({
      paths: [settings.sourcesDir],
      papersDir: settings.papersDir,
      topicsFile: settings.topicsFile,
    });
    if (kept) giveParsedEntries(kept);
    return outcome;
  },
  papers: (): PapersRead => ({ papers: buildPapers(settings).papers, problems: buildEntries(settings).problems }),
  search: () => writeIndex(settings),
  // On this thread, not Node's thread pool, where ~15k removals would queue before the pages' writes.
  tidy: () => rmSync(replacedIndexes, { recursive: true, force: true }),
  cards: () => drawCards(settings),
  bibtex: (): Promise<MadeEntries> => madeEntries(shown(), (paper) => absolute(paperUrl(paper.slug))),
  related: (): RelatedLists => {
    const list = shown();
    return { key: relatedKey(list), related: [...relatedPapers(list)] };
  },
};

export type BuildTask = keyof typeof tasks;
export type BuildResult<T extends BuildTask> = Awaited<ReturnType<(typeof tasks)[T]>>;

/** Callbacks that post a promised task's result or error. */
function settle(name: BuildTask): [(result: unknown) => void, (error: unknown) => void] {
  return [(result) => post(name, { result }), (error) => post(name, { error })];
}

/** Posts a task's result or error to the build, which waits on it. */
function post(name: BuildTask, outcome: { result: unknown } | { error: unknown }): void {
  if ('result' in outcome) parentPort!.postMessage({ name, result: outcome.result });
  else {
    const error = outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
    parentPort!.postMessage({ name, error: error.message, stack: error.stack });
  }
}

/**
 * Tasks the next ones wait for: the others read the entries the import writes (each written
 * whole, so an import that failed leaves entries the build can still read and check). The
 * `notes` collection reads their bodies meanwhile, which the import never changes.
 */
const awaited = new Set<BuildTask>(['import']);

// In the order asked: a task that computes (related papers) is posted as soon as it is done, not
// after the next one; one that waits (cards on sharp's threads) goes on while the next computes.
for (const name of names) {
  if (name === yieldAt) lowerPriority();
  try {
    const run = tasks[name]();
    if (!(run instanceof Promise)) post(name, { result: run });
    else if (awaited.has(name)) await run.then(...settle(name));
    else void run.then(...settle(name));
  } catch (error) {
    post(name, { error });
  }
}
