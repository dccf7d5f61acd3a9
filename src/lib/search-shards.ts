/**
 * A large digest's search index comes in shards, each a whole Pagefind bundle: Pagefind's indexer
 * holds an index in memory until it is written (100k papers in one took 12.9 GB), so it writes one
 * shard at a time. The browser merges them into one Pagefind (`mergeIndex`), each shard tagged with
 * a `shard` filter; Pagefind orders merged results by score, which for a sorted search is a
 * position within each shard, so sorted results are put in order here.
 */

import { monthOf } from './dates.ts';

/** One shard, as `pagefind/shards.json` lists it. */
export interface SearchShard {
  /** Its folder under `pagefind/`: '' for the first, which holds the newest papers. */
  path: string;
  /**
   * The shard's upvote counts, ascending, as [count, papers] runs. Pagefind scores a result sorted
   * by upvotes with its position in that order, which only means something within its shard; this
   * turns the position back into the count, so shards can be merged.
   */
  upvotes: [number, number][];
}

export interface SearchManifest {
  shards: SearchShard[];
}

/** What the merge needs of a Pagefind result. */
export interface ScoredResult {
  score: number;
}

/**
 * Items (newest first) cut into shards (newest first) of `max` or a few more, counted from the
 * oldest so that a full shard stays the same as days are added; a shard ends only where the day
 * changes, so no day is split and the newest-first order runs from one shard into the next.
 *
 * When the newest shard holds over `monthApart` items, its last month is a shard apart (days are
 * `YYYY-MM-DD`), so the rest of it stays the same as that month's days are added. A shard scores
 * words by its own statistics, which a few dozen papers make noisy, so while the last month has
 * fewer than a tenth of `monthApart` items the month before stays with it: the rest then changes
 * once a month all the same, on the day the new month reaches that many.
 */
export function cutShards<T>(items: T[], dayOf: (item: T) => string, max: number, monthApart = Infinity): T[][] {
  const shards: T[][] = [];
  let current: T[] = [];
  for (const item of [...items].reverse()) {
    if (current.length >= max && dayOf(item) !== dayOf(current[current.length - 1]!)) {
      shards.push(current.reverse());
      current = [];
    }
    current.push(item);
  }
  if (current.length || shards.length === 0) shards.push(current.reverse());
  shards.reverse();
  const newest = shards[0]!;
  if (!newest.length || newest.length <= monthApart) return shards;
  // Whole months, newest first, until there are enough of them.
  let cut = 0;
  while (cut < newest.length && cut < monthApart / 10) {
    const month = monthOf(dayOf(newest[cut]!));
    while (cut < newest.length && monthOf(dayOf(newest[cut]!)) === month) cut++;
  }
  return cut < newest.length ? [newest.slice(0, cut), newest.slice(cut), ...shards.slice(1)] : shards;
}

/** The shard list, in `pagefind/`. */
export const manifestFile = 'shards.json';

/** The folder of the shard at `index` (0-based) under `pagefind/`. */
export const shardPath = (index: number): string => (index === 0 ? '' : `shard-${index + 1}/`);

/** A path under `pagefind/` as a path within its shard's folder: `shard-2/fragment/x` → `fragment/x`. */
export const withinShard = (path: string): string => path.replace(/^shard-\d+\//, '');

/**
 * A file Pagefind names after its content (the metadata; index, filter and fragment chunks), as a
 * path within a shard's folder.
 */
export const isContentNamed = (path: string): boolean =>
  /^(?:pagefind\.[^/]+\.pf_meta|(?:index|filter|fragment)\/[^/]+)$/.test(path);

/**
 * Of the files Pagefind writes for a shard (a path within its folder), those a merged index reads:
 * the entry and the content-named data. The first shard's folder keeps everything else too (the
 * script, worker and wasm that search every shard).
 */
export const isShardData = (path: string): boolean => path === 'pagefind-entry.json' || isContentNamed(path);

/** The value of the `shard` filter every result of the shard at `index` carries. */
export const shardFilter = (index: number): string => String(index + 1);

/** Upvote counts as ascending [count, papers] runs. */
export function upvoteRuns(counts: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const count of [...counts].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] === count) last[1]++;
    else runs.push([count, 1]);
  }
  return runs;
}

/** The count at `position` (0-based) in the ascending order the runs describe. */
export function countAt(runs: [number, number][], position: number): number {
  let seen = 0;
  for (const [count, papers] of runs) {
    seen += papers;
    if (position < seen) return count;
  }
  return runs[runs.length - 1]?.[0] ?? 0;
}

/**
 * One result list from each shard's list (in shard order), as one index over all of them would
 * order it: by date, shard after shard; by upvotes, the counts the positions stand for, equal
 * counts older first, as Pagefind's own (stable) sort leaves them. By relevance (or another key),
 * by score, as Pagefind merges shards itself; scores come from each shard's own word statistics,
 * so the order is close to, not always the same as, one index's.
 */
export function mergeSorted<R extends ScoredResult>(
  lists: R[][],
  sort: Record<string, 'asc' | 'desc'>,
  manifest: SearchManifest,
): R[] {
  const [key, direction] = Object.entries(sort)[0] ?? [];
  if (key === 'date') return (direction === 'asc' ? [...lists].reverse() : lists).flat();
  const sign = key === 'upvotes' && direction === 'asc' ? -1 : 1;
  const value = (result: R, shard: number) =>
    key === 'upvotes' ? countAt(manifest.shards[shard]!.upvotes, Math.abs(result.score)) : result.score;
  return lists
    .flatMap((list, shard) => list.map((result, at) => ({ result, shard, at, value: value(result, shard) })))
    .sort(
      (a, b) =>
        sign * (b.value - a.value) ||
        (key === 'upvotes' ? sign * (b.shard - a.shard) : a.shard - b.shard) ||
        a.at - b.at,
    )
    .map((r) => r.result);
}

/** Facet counts (facet → value → papers) from each shard, added up. */
export function mergeCounts(counts: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const shard of counts) {
    for (const [facet, values] of Object.entries(shard)) {
      const into = (merged[facet] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return merged;
}
