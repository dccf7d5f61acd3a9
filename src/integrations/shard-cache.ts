import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { inBatches, listFilesSync, readTextIfAny, writeFileAtomic } from '../lib/files.ts';
import { fragmentFiles } from './pagefind-files.ts';

/**
 * The search-index shards of the last build, one folder each, named by the hash of what decides
 * their files: a build whose shard has the same pages takes its files from here instead of running
 * Pagefind again (10k papers: ~10 s of Pagefind's indexing on a build where no paper changed).
 */
export const shardCacheDir = '.cache/pagefind-shards';

/** Errors of a file system that cannot hard-link these two paths: the file is copied instead. */
const cannotLink = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK']);

/** Files are hard-linked, not copied (a shard of 10k papers is 10k files), many at once. */
async function linkFiles(from: string, to: string, files: string[]): Promise<void> {
  const targetOf = (file: string) => join(to, relative(from, file));
  for (const folder of new Set(files.map((file) => dirname(targetOf(file))))) await mkdir(folder, { recursive: true });
  await inBatches(files, (file) =>
    link(file, targetOf(file)).catch((error: NodeJS.ErrnoException) => {
      if (!cannotLink.has(error.code ?? '')) throw error;
      return copyFile(file, targetOf(file));
    }),
  );
}

/** Puts the kept shard `key` into `target` (which must not hold its files yet); false when none is kept. */
export async function reuseShard(key: string, target: string, cacheDir = shardCacheDir): Promise<boolean> {
  const kept = join(cacheDir, key);
  const files = listFilesSync(kept, /./);
  if (!files.length) return false;
  await linkFiles(kept, target, files);
  return true;
}

/**
 * Puts the page fragments of the kept shard `key` into `target`, for Pagefind to write a shard
 * over (it leaves a file of that name alone, so these links are never written through); the
 * fragments put there, none when no such shard is kept.
 */
export async function seedShard(key: string, target: string, cacheDir = shardCacheDir): Promise<Set<string>> {
  const kept = join(cacheDir, key);
  const files = await fragmentFiles(kept);
  await linkFiles(
    kept,
    target,
    files.map((file) => join(kept, file)),
  );
  return new Set(files);
}

/** One shard of the last build: the kept shard's key and a digest of each of its pages. */
export interface RecordedShard {
  key: string;
  pages: string[];
}

/** Which kept shard held each shard's folder in the last build, and what Pagefind and options made them. */
export interface ShardRecord {
  setup: string;
  shards: Record<string, RecordedShard>;
}

/** The record of the last build's shards, kept beside them. */
const recordFile = 'last-build.json';

/** The last build's shards, when they were made with this `setup`; an empty record otherwise. */
export function lastShards(setup: string, cacheDir = shardCacheDir): ShardRecord['shards'] {
  try {
    const record = JSON.parse(readTextIfAny(join(cacheDir, recordFile)) ?? '{}') as Partial<ShardRecord>;
    return record.setup === setup && record.shards ? record.shards : {};
  } catch {
    return {};
  }
}

/** Whether a build kept its search index here: the next build is then an update, not one from nothing. */
export const hasKeptShards = (cacheDir = shardCacheDir): boolean => existsSync(join(cacheDir, recordFile));

/** Records this build's shards, for the next build to write its changed shards over. */
export async function recordShards(record: ShardRecord, cacheDir = shardCacheDir): Promise<void> {
  await writeFileAtomic(join(cacheDir, recordFile), JSON.stringify(record));
}

/** Keeps the shard written to `folder` as `key`. */
export async function keepShard(key: string, folder: string, cacheDir = shardCacheDir): Promise<void> {
  // Written aside and renamed, so a build stopped halfway never leaves a partial shard to reuse.
  const partial = join(cacheDir, `${key}.partial`);
  await rm(partial, { recursive: true, force: true });
  await linkFiles(folder, partial, listFilesSync(folder, /./));
  await discard(join(cacheDir, key));
  await rename(partial, join(cacheDir, key));
}

/** Removes a kept shard, first moved aside: one half removed must never be found under its key. */
async function discard(path: string): Promise<void> {
  const aside = `${path}.removing`;
  await rename(path, aside).catch(() => undefined);
  await rm(aside, { recursive: true, force: true });
}

/** Drops every kept shard but those this build used. */
export async function pruneShards(used: Set<string>, cacheDir = shardCacheDir): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of entries) if (!used.has(name) && name !== recordFile) await discard(join(cacheDir, name));
}
