import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import type { SearchPage } from '../lib/search-record.ts';
import { isShardData, manifestFile } from '../lib/search-shards.ts';
import type { Settings } from '../settings.ts';
import { buildEntries } from './build-entries.ts';
import { contentNamedFiles, dropUnreferenced } from './pagefind-files.ts';
import { check, indexSetup, indexShards } from './search-index.ts';
import {
  keepShard,
  lastShards,
  pruneShards,
  recordShards,
  reuseShard,
  seedShard,
  type ShardRecord,
} from './shard-cache.ts';

/** Where the index is written while Astro still owns `dist/`; moved into place when the pages are done. */
export const staging = '.cache/pagefind';

/** Where the indexes this build's replaced wait for the next build to remove them. */
export const replacedIndexes = '.cache/pagefind-replaced';

/** A page as the record of a shard keeps it: a digest of its URL and the HTML Pagefind indexes. */
const pageDigest = (page: SearchPage) =>
  createHash('sha1').update(page.url).update('\0').update(page.content).digest('base64');

/** A shard of the last build to write a shard over: its key, and how many of its pages are unchanged. */
interface Seed {
  key: string;
  unchanged: number;
}

/**
 * The last build's shard that shares the most pages with this one, in whatever folder it was:
 * shards move when the newest month is split off, joins the older part, or a shard fills up.
 */
function closestShard(last: ShardRecord['shards'], pages: string[]): Seed | undefined {
  let best: Seed | undefined;
  for (const { key, pages: before } of Object.values(last)) {
    const kept = new Set(before);
    const unchanged = pages.filter((page) => kept.has(page)).length;
    if (unchanged > (best?.unchanged ?? 0)) best = { key, unchanged };
  }
  return best;
}

/**
 * Writes one shard's bundle, over the page fragments of the last build's closest shard when there
 * is one (`pagefind-files.ts`); a later shard keeps only what a merged index reads.
 */
async function writeShard(index: PagefindIndex, path: string, seed: Seed | undefined): Promise<void> {
  const folder = join(staging, path);
  const write = async () => check('writing', (await index.writeFiles({ outputPath: folder })).errors);
  const seeded = seed ? await seedShard(seed.key, folder) : new Set<string>();
  await write();
  if (seeded.size) {
    // A clash of names, or metadata this build cannot read: the shard is written again from nothing.
    await dropUnreferenced(folder, seeded, seed!.unchanged).catch(async () => {
      for (const file of await contentNamedFiles(folder)) await rm(join(folder, file));
      await write();
    });
  }
  if (!path) return;
  // Pagefind's script, worker, wasm and UI files, only ever loaded from the first shard's folder.
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && !isShardData(entry.name)) await rm(join(folder, entry.name));
  }
}

/**
 * Indexes every paper and writes the bundle, shard by shard, and the shard list to the staging
 * folder; a shard whose pages the last build indexed already is taken from its copy, and one that
 * changed is written over the last build's shard that shares the most pages with it.
 */
export async function writeIndex(settings: Settings): Promise<{ pages: number; shards: number; reused: number }> {
  await rm(staging, { recursive: true, force: true });
  const setup = indexSetup(settings.lang);
  const last = setup === undefined ? {} : lastShards(setup);
  const shards: ShardRecord['shards'] = {};
  const { manifest, pages, reused } = await indexShards(buildEntries(settings), settings, {
    reuse: async (key, path, pages) => {
      if (!(await reuseShard(key, join(staging, path)))) return false;
      shards[path] = { key, pages: pages.map(pageDigest) };
      return true;
    },
    use: async (index, path, key, pages) => {
      const digests = pages.map(pageDigest);
      await writeShard(index, path, closestShard(last, digests));
      if (!key) return;
      // The first shard, in the staging folder's root, comes first: no later shard's folder is in it yet.
      await keepShard(key, join(staging, path));
      shards[path] = { key, pages: digests };
    },
  });
  await pruneShards(new Set(Object.values(shards).map((shard) => shard.key)));
  if (setup !== undefined) await recordShards({ setup, shards });
  await writeFile(join(staging, manifestFile), JSON.stringify(manifest));
  return { pages, shards: manifest.shards.length, reused };
}
