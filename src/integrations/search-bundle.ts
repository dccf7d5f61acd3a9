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
  type RecordedShard,
  type ShardRecord,
} from './shard-cache.ts';

/** Where the index is written while Astro still owns `dist/`; moved into place when the pages are done. */
export const staging = '.cache/pagefind';

/** A page as the record of a shard keeps it: a digest of its URL and the HTML Pagefind indexes. */
const pageDigest = (page: SearchPage) =>
  createHash('sha1').update(page.url).update('\0').update(page.content).digest('base64');

/**
 * Writes one shard's bundle, over the page fragments of the last build's shard in its place when
 * there is one (`pagefind-files.ts`); a later shard keeps only what a merged index reads.
 */
async function writeShard(index: PagefindIndex, path: string, pages: string[], last?: RecordedShard): Promise<void> {
  const folder = join(staging, path);
  const write = async () => check('writing', (await index.writeFiles({ outputPath: folder })).errors);
  const seeded = last ? await seedShard(last.key, folder) : new Set<string>();
  await write();
  if (seeded.size) {
    const before = new Set(last!.pages);
    const unchanged = pages.filter((page) => before.has(page)).length;
    // A clash of names, or metadata this build cannot read: the shard is written again from nothing.
    await dropUnreferenced(folder, seeded, unchanged).catch(async () => {
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
 * changed is written over the last build's in its place.
 */
export async function writeIndex(
  settings: Settings,
  indexing?: () => void,
): Promise<{ pages: number; shards: number; reused: number }> {
  await rm(staging, { recursive: true, force: true });
  const setup = indexSetup(settings.lang);
  const last = setup === undefined ? {} : lastShards(setup);
  const shards: ShardRecord['shards'] = {};
  const { manifest, pages, reused } = await indexShards(buildEntries(settings), settings, {
    indexing,
    reuse: async (key, path, pages) => {
      if (!(await reuseShard(key, join(staging, path)))) return false;
      shards[path] = { key, pages: pages.map(pageDigest) };
      return true;
    },
    use: async (index, path, key, pages) => {
      const digests = pages.map(pageDigest);
      await writeShard(index, path, digests, last[path]);
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
