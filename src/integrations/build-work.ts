import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
// sharp (libvips) must be loaded on the main thread before a worker loads it, or a worker's exit
// can take it down (sharp's docs, "worker threads").
import 'sharp';
import type { Paper } from '../lib/paper-schema.ts';
import type { Settings } from '../settings.ts';
import { handOver } from '../data/handoff.ts';
import { inBackground } from './background.ts';
import { hasKeptShards } from './shard-cache.ts';
import type { BuildResult, BuildTask } from './build-worker.ts';

type Work = { [T in BuildTask]?: Promise<BuildResult<T>> };
type Settle = Map<BuildTask, { resolve: (value: never) => void; reject: (error: Error) => void }>;

let started: Work | undefined;

/** What a worker posts: a task's result or error, or (`indexing`) that Pagefind has its pages. */
type Message = { name: BuildTask; result: never; error?: string; stack?: string } | { indexing: true };

/**
 * Lowers the calling thread's priority below the index's (its worker and Pagefind's process keep
 * theirs). In a build that updates a kept index (a day added), Pagefind is what the build waits
 * for last (12k papers: pages done ~9 s before it), so the rest yields the CPU to it: measured, 25 s
 * instead of 29–31 s. A build from nothing waits on its pages instead, so it does not yield.
 */
function yieldToIndex(): void {
  try {
    setPriority(10);
  } catch {
    // A system that does not let a thread lower its priority builds as fast as it can all the same.
  }
}

/** Starts a worker thread on some of the build's tasks (with the papers, if read), settling each task's promise. */
function startWorker(
  names: BuildTask[],
  settings: Settings,
  settle: Settle,
  { papers, onIndexing }: { papers?: Paper[]; onIndexing?: () => void } = {},
): void {
  const worker = new Worker(new URL('./build-worker.ts', import.meta.url), {
    workerData: { names, settings, papers },
  });
  const failAll = (error: Error) => {
    for (const name of names) settle.get(name)?.reject(error);
  };
  worker.on('message', (message: Message) => {
    if ('indexing' in message) return onIndexing?.();
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
 * (`build-worker.ts`). On a first thread: the papers the pages show, read and checked while Astro
 * starts (~1 s at 10k papers), then the search index, as it takes longest. On a second thread,
 * once Pagefind has the pages to work on, so that none holds up the index: the related papers
 * (~2 s of computing at 10k papers), the BibTeX entries (~1 s) and the social cards.
 */
export function buildWork(settings: Settings): Work {
  if (started) return started;
  const work: Work = (started = {});
  const settle: Settle = new Map();
  const later: BuildTask[] = ['related', 'bibtex', ...(settings.cards ? ['cards' as const] : [])];
  const first: BuildTask[] = ['papers', 'search'];
  for (const name of [...first, ...later]) {
    const { promise, resolve, reject } = Promise.withResolvers<never>();
    settle.set(name, { resolve, reject });
    work[name] = inBackground(promise);
  }
  let second = false;
  // The papers the first thread read are given to the second, which then need not read them again:
  // at 10k papers that brought the related papers, which every page waits on, ~1 s sooner.
  const startSecond = () => {
    if (second) return;
    second = true;
    void work
      .papers!.catch(() => undefined)
      .then((read) => startWorker(later, settings, settle, { papers: read?.papers }))
      .catch((error: Error) => {
        for (const name of later) settle.get(name)?.reject(error);
      });
  };
  startWorker(first, settings, settle, { onIndexing: startSecond });
  // The second worker, started later, takes this thread's priority.
  if (hasKeptShards()) yieldToIndex();
  // Should the index fail before Pagefind has its pages, the other tasks start all the same.
  void work.search!.catch(() => undefined).finally(startSecond);
  handOver('papers', work.papers);
  handOver('related', work.related);
  handOver('bibtex', work.bibtex);
  return work;
}

/** Lets the next build in this process start its own work. */
export function forgetBuildWork(): void {
  started = undefined;
  handOver('papers', undefined);
  handOver('related', undefined);
  handOver('bibtex', undefined);
}
