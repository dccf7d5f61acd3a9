import { describe, expect, it } from 'vitest';
import {
  countAt,
  cutShards,
  mergeSorted,
  shardPath,
  upvoteRuns,
  type SearchManifest,
} from '../../src/lib/search-shards.ts';

describe('cutShards', () => {
  const days = (...list: string[]) => list.map((day, i) => ({ day, i }));
  it.each([
    { name: 'fits in one', items: days('03', '02', '01'), max: 5, sizes: [3] },
    { name: 'cuts where the day changes', items: days('03', '03', '02', '02', '01'), max: 2, sizes: [2, 2, 1] },
    { name: 'never splits a day', items: days('03', '03', '03', '02', '01'), max: 2, sizes: [3, 2] },
    { name: 'an empty digest is one empty shard', items: days(), max: 2, sizes: [0] },
  ])('$name', ({ items, max, sizes }) => {
    const shards = cutShards(items, (item) => item.day, max);
    expect(shards.map((s) => s.length)).toEqual(sizes);
    expect(shards.flat()).toEqual(items);
  });

  it('names the first shard the index folder itself', () => {
    expect([0, 1, 2].map(shardPath)).toEqual(['', 'shard-2/', 'shard-3/']);
  });
});

describe('upvote runs', () => {
  it('count papers per upvote count, ascending, and read back the count at a position', () => {
    const runs = upvoteRuns([5, 0, 12, 0, 5, 0]);
    expect(runs).toEqual([
      [0, 3],
      [5, 2],
      [12, 1],
    ]);
    expect([0, 1, 2, 3, 4, 5].map((p) => countAt(runs, p))).toEqual([0, 0, 0, 5, 5, 12]);
  });
});

describe('mergeSorted', () => {
  // Two shards, the newer first; each result names its shard and its place in Pagefind's answer.
  const manifest: SearchManifest = {
    shards: [
      { path: '', upvotes: upvoteRuns([1, 7, 7]) },
      { path: 'shard-2/', upvotes: upvoteRuns([0, 7, 30]) },
    ],
  };
  const r = (id: string, score: number) => ({ id, score });
  const ids = (results: { id: string }[]) => results.map((x) => x.id);

  it.each([
    {
      name: 'newest first: shard after shard, each in its own order',
      lists: [
        [r('a1', 2), r('a2', 0)],
        [r('b1', 2), r('b2', 1)],
      ],
      sort: { date: 'desc' } as Record<string, 'asc' | 'desc'>,
      order: ['a1', 'a2', 'b1', 'b2'],
    },
    {
      name: 'oldest first: the older shard first',
      lists: [
        [r('a2', 0), r('a1', -2)],
        [r('b2', -1), r('b1', -2)],
      ],
      sort: { date: 'asc' } as Record<string, 'asc' | 'desc'>,
      order: ['b2', 'b1', 'a2', 'a1'],
    },
    {
      // Positions: shard 1 [1, 7, 7] → a7 at 2 or 1; shard 2 [0, 7, 30] → b30 at 2, b7 at 1, b0 at 0.
      name: 'by upvotes: the counts the positions stand for; equal counts older first',
      lists: [
        [r('a7x', 2), r('a7y', 1), r('a1', 0)],
        [r('b30', 2), r('b7', 1), r('b0', 0)],
      ],
      sort: { upvotes: 'desc' } as Record<string, 'asc' | 'desc'>,
      order: ['b30', 'b7', 'a7x', 'a7y', 'a1', 'b0'],
    },
  ])('$name', ({ lists, sort, order }) => {
    expect(ids(mergeSorted(lists, sort, manifest))).toEqual(order);
  });
});
