import { copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { listFilesSync } from '../lib/files.ts';

/**
 * The search-index shards of the last build, one folder each, named by the hash of what decides
 * their files: a build whose shard has the same pages takes its files from here instead of running
 * Pagefind again (10k papers: ~10 s of Pagefind's indexing on a build where no paper changed).
 */
export const shardCacheDir = '.cache/pagefind-shards';

/**
 * Files are hard-linked, not copied (a shard of 10k papers is 10k files), a batch at a time (one
 * by one, the waits on the disk took a second); across disks, copied.
 */
async function linkFiles(from: string, to: string, files: string[], batch = 64): Promise<void> {
  const targets = files.map((file) => join(to, relative(from, file)));
  for (const folder of new Set(targets.map((target) => dirname(target)))) await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(
      files
        .slice(i, i + batch)
        .map((file, j) => link(file, targets[i + j]).catch(() => copyFile(file, targets[i + j]))),
    );
  }
}

/** Puts the kept shard `key` into `target`; false when none is kept. */
export async function reuseShard(key: string, target: string, cacheDir = shardCacheDir): Promise<boolean> {
  const kept = join(cacheDir, key);
  const files = listFilesSync(kept, /./);
  if (!files.length) return false;
  await linkFiles(kept, target, files);
  return true;
}

/** Keeps the shard written to `folder` as `key`, leaving out the folders of other shards inside it. */
export async function keepShard(
  key: string,
  folder: string,
  isOtherShard: (path: string) => boolean,
  cacheDir = shardCacheDir,
): Promise<void> {
  const files = listFilesSync(folder, /./).filter((file) => !isOtherShard(relative(folder, file)));
  // Written aside and renamed, so a build stopped halfway never leaves a partial shard to reuse.
  const partial = join(cacheDir, `${key}.partial`);
  await rm(partial, { recursive: true, force: true });
  await linkFiles(folder, partial, files);
  await rm(join(cacheDir, key), { recursive: true, force: true });
  await rename(partial, join(cacheDir, key));
}

/** Drops every kept shard but those this build used. */
export async function pruneShards(used: Set<string>, cacheDir = shardCacheDir): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of entries) if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
}
