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
import { keepShard, pruneShards, reuseShard } from './shard-cache.ts';

/** The index's folder in the build, replaced whole by each build. */
export const searchIndexFolder = 'pagefind';

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

/**
 * Indexes every paper and writes the bundle, shard by shard, and the shard list to the staging
 * folder; a shard whose pages the last build indexed already is taken from its copy.
 */
async function writeIndex(settings: Settings): Promise<{ pages: number; shards: number; reused: number }> {
  await rm(staging, { recursive: true, force: true });
  const used = new Set<string>();
  const { manifest, pages, reused } = await indexShards(
    buildEntries(settings),
    settings.lang,
    settings.searchShardPapers,
    {
      reuse: async (key, path) => {
        if (!(await reuseShard(key, join(staging, path)))) return false;
        used.add(key);
        return true;
      },
      use: async (index, path, key) => {
        await writeShard(index, path);
        if (!key) return;
        // The first shard, in the staging folder's root, comes first: no later shard's folder is in it yet.
        await keepShard(key, join(staging, path));
        used.add(key);
      },
    },
  );
  await pruneShards(used);
  await writeFile(join(staging, manifestFile), JSON.stringify(manifest));
  return { pages, shards: manifest.shards.length, reused };
}

/**
 * Search with Pagefind. The build indexes the papers from their entries while Astro renders the
 * pages (Pagefind works in its own process, so on another core) and moves the index into
 * `dist/pagefind/` once the pages are written; `astro dev` serves an in-memory index instead.
 */
export function pagefindIntegration(settings: Settings): AstroIntegration {
  let indexing: ReturnType<typeof writeIndex> | undefined;
  return {
    name: 'paperboy:pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => serveDevSearch(server, settings),
      // Started with the build's config, not at build:start: the index is made from the entries
      // on disk, so it need not wait for Astro's content sync and bundling (~4 s at 10k papers).
      'astro:config:setup': ({ command }) => {
        if (command === 'build') indexing = inBackground(writeIndex(settings));
      },
      'astro:build:done': async ({ dir, logger }) => {
        forgetBuildEntries();
        const { pages, shards, reused } = await indexing!;
        const target = fileURLToPath(new URL(searchIndexFolder, dir));
        await rm(target, { recursive: true, force: true });
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
