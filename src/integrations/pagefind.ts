import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Settings } from '../settings.ts';
import { buildWork, forgetBuildWork } from './build-work.ts';
import { serveDevSearch } from './dev-search.ts';
import { replacedIndexes, staging } from './search-bundle.ts';

/** The index's folder in the build, replaced whole by each build. */
export const searchIndexFolder = 'pagefind';

/**
 * Puts the new index in the build in place of the last build's, which is moved aside for the next
 * build to remove beside its work (`build-work.ts`): ~15k files at 14k papers, ~0.3 s this build's
 * end no longer waits for. Should the new index not go in, the last one goes back.
 */
async function replaceIndex(target: string): Promise<void> {
  const aside = join(replacedIndexes, String(Date.now()));
  const moved = await mkdir(replacedIndexes, { recursive: true })
    .then(() => rename(target, aside))
    .then(
      () => true,
      () => false,
    );
  if (!moved) await rm(target, { recursive: true, force: true });
  try {
    // A build folder on another disk cannot take a rename.
    await rename(staging, target).catch(async () => {
      await cp(staging, target, { recursive: true });
      await rm(staging, { recursive: true });
    });
  } catch (error) {
    if (moved) {
      await rm(target, { recursive: true, force: true });
      await rename(aside, target).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Search with Pagefind. The build indexes the papers from their entries while Astro renders the
 * pages (on a worker thread, Pagefind in its own process) and moves the index into
 * `dist/pagefind/` once the pages are written; `astro dev` serves an in-memory index instead.
 */
export function pagefindIntegration(settings: Settings): AstroIntegration {
  let work: ReturnType<typeof buildWork> | undefined;
  return {
    name: 'paperboy:pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => serveDevSearch(server, settings),
      // Started with the build's config, not at build:start: the index is made from the entries
      // on disk, so it need not wait for Astro's content sync and bundling (~4 s at 10k papers).
      'astro:config:setup': ({ command }) => {
        if (command === 'build') work = buildWork(settings);
      },
      'astro:build:done': async ({ dir, logger }) => {
        forgetBuildWork();
        const { pages, shards, reused } = await work!.search!;
        // This build's worker has removed the indexes the last build replaced by now: awaited, so
        // it never takes the one moved aside below.
        await work!.tidy!.catch((error: Error) =>
          logger.warn(`could not remove the search indexes in ${replacedIndexes}: ${error.message}`),
        );
        await replaceIndex(fileURLToPath(new URL(searchIndexFolder, dir)));
        const kept = !reused
          ? ''
          : shards === 1
            ? ' (unchanged, reused)'
            : ` (${reused} of ${shards} shards unchanged, reused)`;
        logger.info(`indexed ${pages} pages for search${kept}`);
      },
    },
  };
}
