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
        const target = fileURLToPath(new URL(searchIndexFolder, dir));
        // The last build's index (~15k files at 14k papers, ~0.3 s to remove) is moved aside, and
        // the next build's second worker removes it, off the way to that build's end. This build's
        // worker has removed the older ones by now: awaited, so it never takes this one.
        await work!.tidy!.catch(() => undefined);
        await mkdir(replacedIndexes, { recursive: true });
        await rename(target, join(replacedIndexes, String(Date.now()))).catch(() =>
          rm(target, { recursive: true, force: true }),
        );
        // A build folder on another disk cannot take a rename.
        await rename(staging, target).catch(async () => {
          await cp(staging, target, { recursive: true });
          await rm(staging, { recursive: true });
        });
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
