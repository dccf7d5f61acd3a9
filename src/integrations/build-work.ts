import { Worker } from 'node:worker_threads';
// sharp (libvips) must be loaded on the main thread before a worker loads it, or a worker's exit
// can take it down (sharp's docs, "worker threads").
import 'sharp';
import type { Settings } from '../settings.ts';
import { handOver } from '../data/handoff.ts';
import { inBackground } from './background.ts';
import { lowerPriority } from './priority.ts';
import { hasKeptShards } from './shard-cache.ts';
import type { BuildResult, BuildTask, WorkerData } from './build-worker.ts';

type Work = { [T in BuildTask]?: Promise<BuildResult<T>> };
type Settle = Map<BuildTask, { resolve: (value: never) => void; reject: (error: Error) => void }>;

let started: Work | undefined;

/** What a worker posts: a task's result or error. */
type Message = { name: BuildTask; result: never; error?: string; stack?: string };

/** Starts a worker thread on some of the build's tasks (with the papers, if read), settling each task's promise. */
function startWorker(names: BuildTask[], settings: Settings, settle: Settle, extra: Partial<WorkerData> = {}): void {
  const worker = new Worker(new URL('./build-worker.ts', import.meta.url), {
    workerData: { names, settings, ...extra } satisfies WorkerData,
  });
  const failAll = (error: Error) => {
    for (const name of names) settle.get(name)?.reject(error);
  };
  worker.on('message', (message: Message) => {
    const { name, result, error, stack } = message;
    if (error === undefined) return settle.get(name)?.resolve(result);
    const failure = new Error(error);
    failure.stack = stack ?? failure.stack;
    settle.get(name)?.reject(failure);
  });
  worker.on('error', failAll);
  // Settling twice does nothing: this only fails the tasks a worker stopped without finishing.
  worker.on('exit', (code) =>
    failAll(new Error(`the build's worker stopped (exit code ${code}) before its work was done`)),
  );
}

/**
 * The build's work from the entries on disk, started once per build on threads beside Astro's
 * (`build-worker.ts`). On a first thread, in the order the pages need them: the import (~3 s at
 * 12k papers without its memo), which Astro's start (~3 s) need not wait for, and the papers,
 * read (not again those the import just read) and checked while Astro starts; the related papers
 * (~1.7 s of computing at 13k papers), which every paper page's cache key holds, so Astro renders
 * nothing before they come; then the search index, wanted only once the pages are written. On a
 * second thread, with the papers the first read: the BibTeX entries (~1 s), the removal of the
 * search index the last build replaced (`pagefind.ts`) and the social cards.
 * Measured at 12k papers: with the related papers on the second thread (and the index first), they
 * came 1.1–1.9 s later and the full build was ~1 s slower; a day's build waited ~1.5 s longer.
 */
export function buildWork(settings: Settings): Work {
  if (started) return started;
  const work: Work = (started = {});
  const settle: Settle = new Map();
  const first: BuildTask[] = ['import', 'papers', 'related', 'search'];
  const later: BuildTask[] = ['bibtex', 'tidy', ...(settings.cards ? ['cards' as const] : [])];
  for (const name of [...first, ...later]) {
    const { promise, resolve, reject } = Promise.withResolvers<never>();
    settle.set(name, { resolve, reject });
    work[name] = inBackground(promise);
  }
  // Whichever finishes last gets the CPU first. A build from nothing waits on its pages: 12k
  // papers, the index was done ~10 s before the last page, while Astro's thread had ~2/3 of a core
  // beside it. So the index (its thread and Pagefind's process) yields once the related papers,
  // which the pages wait for, are made: Astro's thread then had ~4/5 of a core, and the index ends
  // ~1–2 s after the last page. A build that updates a kept index (a day added) waited on the index
  // instead (pages done ~8 s before it), so Astro's thread and the second worker yield (A/B: 29–31
  // s → 25 s). With the related papers now made sooner the index ends ~2 s before the pages there,
  // but not yielding measured no faster (11.7–12.4 s against 12.0–12.6 s at 14k papers).
  const update = hasKeptShards();
  startWorker(first, settings, settle, update ? {} : { yieldAt: 'search' });
  // Given the papers the first thread read, the second need not read them again (~1 s); should
  // that reading fail, it reads them itself.
  void work
    .papers!.catch(() => undefined)
    .then((read) => startWorker(later, settings, settle, { papers: read?.papers }))
    .catch((error: Error) => {
      for (const name of later) settle.get(name)?.reject(error);
    });
  // The second worker, started later, takes this thread's priority.
  if (update) lowerPriority();
  handOver('import', work.import);
  handOver('papers', work.papers);
  handOver('related', work.related);
  handOver('bibtex', work.bibtex);
  return work;
}

/** Lets the next build in this process start its own work. */
export function forgetBuildWork(): void {
  started = undefined;
  handOver('import', undefined);
  handOver('papers', undefined);
  handOver('related', undefined);
  handOver('bibtex', undefined);
}
