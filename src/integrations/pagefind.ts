import { cp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PagefindIndex } from 'pagefind';
import type { Settings } from '../settings.ts';
import { inBackground } from './background.ts';
import { buildEntries, forgetBuildEntries } from './build-entries.ts';
import { isShardData, manifestFile } from '../lib/search-shards.ts';
import { serveDevSearch } from './dev-search.ts';
import { check, indexShards } from './search-index.ts';

/** Where the index is written while Astro still owns `dist/`; moved into place when the pages are done. */
const staging = '.cache/pagefind';

/** Writes one shard's bundle; a later shard keeps only what a merged index reads. */
async function writeShard(index: PagefindIndex, path: string): Promise<void> {
  const folder = join(staging, path);
  check('writing', (await index.writeFiles({ outputPath: folder })).errors);
  if (!path) return;
  // Pagefind's script, worker, wasm and UI files, only ever loaded from the first shard's folder.
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && !isShardData(entry.name)) await rm(join(folder, entry.name));
  }
}

/** Indexes every paper and writes the bundle, shard by shard, and the shard list to the staging folder. */
async function writeIndex(settings: Settings): Promise<number> {
  await rm(staging, { recursive: true, force: true });
  const { manifest, pages } = await indexShards(
    buildEntries(settings),
    settings.lang,
    settings.searchShardPapers,
    writeShard,
  );
  await writeFile(join(staging, manifestFile), JSON.stringify(manifest));
  return pages;
}

/**
 * Search with Pagefind. The build indexes the papers from their entries while Astro renders the
 * pages (Pagefind works in its own process, so on another core) and moves the index into
 * `dist/pagefind/` once the pages are written; `astro dev` serves an in-memory index instead.
 */
export function pagefindIntegration(settings: Settings): AstroIntegration {
  let indexing: Promise<number> | undefined;
  return {
    name: 'paperboy:pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => serveDevSearch(server, settings),
      'astro:build:start': () => {
        indexing = inBackground(writeIndex(settings));
      },
      'astro:build:done': async ({ dir, logger }) => {
        forgetBuildEntries();
        const pages = await indexing!;
        const target = fileURLToPath(new URL('pagefind', dir));
        await rm(target, { recursive: true, force: true });
        // A build folder on another disk cannot take a rename.
        await rename(staging, target).catch(async () => {
          await cp(staging, target, { recursive: true });
          await rm(staging, { recursive: true });
        });
        logger.info(`indexed ${pages} pages for search`);
      },
    },
  };
}
