import { describe, expect, it } from 'vitest';
import {
  countAt,
  cutShards,
  isShardData,
  mergeCounts,
  mergeSorted,
  shardPath,
  upvoteRuns,
  withinShard,
  type SearchManifest,
} from '../../src/lib/search-shards.ts';

describe('cutShards', () => {
  const days = (...list: string[]) => list.map((day, i) => ({ day, i }));
  it.each([
    { name: 'fits in one', items: days('03', '02', '01'), max: 5, sizes: [3] },
    // Counted from the oldest, so full shards stay put as days are added; the newest may be short.
    { name: 'cuts where the day changes', items: days('04', '03', '03', '02', '01'), max: 2, sizes: [1, 2, 2] },
    { name: 'never splits a day', items: days('03', '02', '01', '01', '01'), max: 2, sizes: [2, 3] },
    { name: 'an empty digest is one empty shard', items: days(), max: 2, sizes: [0] },
  ])('$name', ({ items, max, sizes }) => {
    const shards = cutShards(items, (item) => item.day, max);
    expect(shards.map((s) => s.length)).toEqual(sizes);
    expect(shards.flat()).toEqual(items);
  });

  const dated = (...list: string[]) => list.map((day, i) => ({ day, i }));
  it.each([
    // The newest shard holds 5 papers, over 3: its last month (two days of April) is a shard apart.
    {
      name: 'the newest month apart',
      items: dated('2025-04-02', '2025-04-01', '2025-03-31', '2025-03-30', '2025-03-01'),
      max: 10,
      apart: 3,
      sizes: [2, 3],
    },
    {
      name: 'not at or under the threshold',
      items: dated('2025-04-02', '2025-04-01', '2025-03-31'),
      max: 10,
      apart: 3,
      sizes: [3],
    },
    {
      name: 'not when the shard is all one month',
      items: dated('2025-04-03', '2025-04-02', '2025-04-01', '2025-04-01'),
      max: 10,
      apart: 3,
      sizes: [4],
    },
    // Only the newest shard is split; the full ones, counted from the oldest, stay as they were.
    {
      name: 'only the newest shard',
      items: dated('2025-05-02', '2025-05-01', '2025-04-30', '2025-04-29', '2025-04-02', '2025-04-01', '2025-03-31'),
      max: 4,
      apart: 2,
      sizes: [2, 1, 4],
    },
  ])('$name', ({ items, max, apart, sizes }) => {
    const shards = cutShards(items, (item) => item.day, max, apart);
    expect(shards.map((s) => s.length)).toEqual(sizes);
    expect(shards.flat()).toEqual(items);
  });

  // Twenty papers in March, two in April, then May's: a tenth of 20 is 2 papers.
  const march = Array.from({ length: 20 }, (_, i) => `2025-03-${String(28 - i).padStart(2, '0')}`);
  it.each([
    { name: 'a short last month keeps the month before with it', may: ['2025-05-01'], sizes: [3, 20] },
    { name: 'a last month long enough is apart alone', may: ['2025-05-02', '2025-05-01'], sizes: [2, 22] },
  ])('$name', ({ may, sizes }) => {
    const items = dated(...may, '2025-04-02', '2025-04-01', ...march);
    expect(cutShards(items, (item) => item.day, 100, 20).map((s) => s.length)).toEqual(sizes);
  });

  it("keeps the older part of the newest shard the same as the month's days are added", () => {
    const old = dated('2025-04-02', '2025-04-01', '2025-03-31', '2025-03-30', '2025-03-01');
    const before = cutShards(old, (item) => item.day, 10, 3);
    const after = cutShards([{ day: '2025-04-03', i: 9 }, ...old], (item) => item.day, 10, 3);
    expect(after.map((s) => s.length)).toEqual([3, 3]);
    expect(after[1]).toEqual(before[1]);
  });

  it('keeps a full shard the same when a day is added', () => {
    const old = ['03a', '02a', '02b', '01a', '01b'];
    const before = cutShards(old, (id) => id.slice(0, 2), 2);
    const after = cutShards(['04a', ...old], (id) => id.slice(0, 2), 2);
    expect(after.at(-1)).toEqual(before.at(-1));
  });

  it('names the first shard the index folder itself', () => {
    expect([0, 1, 2].map(shardPath)).toEqual(['', 'shard-2/', 'shard-3/']);
    expect(withinShard('shard-3/fragment/en_1.pf_fragment')).toBe('fragment/en_1.pf_fragment');
    expect(withinShard('fragment/en_1.pf_fragment')).toBe('fragment/en_1.pf_fragment');
  });

  it.each([
    ['pagefind-entry.json', true],
    ['pagefind.en_a1b2c3.pf_meta', true],
    ['index/en_a1b2c3.pf_index', true],
    ['filter/en_a1b2c3.pf_filter', true],
    ['fragment/en_a1b2c3.pf_fragment', true],
    ['pagefind.js', false],
    ['pagefind-worker.js', false],
    ['wasm.en.pagefind', false],
    ['pagefind-ui.css', false],
  ])('a later shard keeps %s: %s', (path, kept) => {
    expect(isShardData(path)).toBe(kept);
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
  const sortBy = (sort: Record<string, 'asc' | 'desc'>) => sort;
  const ids = (results: { id: string }[]) => results.map((x) => x.id);

  it.each([
    {
      name: 'by another key (relevance): scores, equal scores the newer shard first',
      lists: [
        [r('a1', 0.9), r('a2', 0.2)],
        [r('b1', 0.9), r('b2', 0.5)],
      ],
      sort: sortBy({ title: 'asc' }),
      order: ['a1', 'b1', 'b2', 'a2'],
    },
    {
      name: 'newest first: shard after shard, each in its own order',
      lists: [
        [r('a1', 2), r('a2', 0)],
        [r('b1', 2), r('b2', 1)],
      ],
      sort: sortBy({ date: 'desc' }),
      order: ['a1', 'a2', 'b1', 'b2'],
    },
    {
      name: 'oldest first: the older shard first',
      lists: [
        [r('a2', 0), r('a1', -2)],
        [r('b2', -1), r('b1', -2)],
      ],
      sort: sortBy({ date: 'asc' }),
      order: ['b2', 'b1', 'a2', 'a1'],
    },
    {
      // Positions: shard 1 [1, 7, 7] → a7 at 2 or 1; shard 2 [0, 7, 30] → b30 at 2, b7 at 1, b0 at 0.
      name: 'by upvotes: the counts the positions stand for; equal counts older first',
      lists: [
        [r('a7x', 2), r('a7y', 1), r('a1', 0)],
        [r('b30', 2), r('b7', 1), r('b0', 0)],
      ],
      sort: sortBy({ upvotes: 'desc' }),
      order: ['b30', 'b7', 'a7x', 'a7y', 'a1', 'b0'],
    },
  ])('$name', ({ lists, sort, order }) => {
    expect(ids(mergeSorted(lists, sort, manifest))).toEqual(order);
  });
});

describe('mergeCounts', () => {
  it('adds up each facet value across shards', () => {
    expect(
      mergeCounts([
        { topic: { LLM: 2, Vision: 1 }, year: { '2025': 3 } },
        { topic: { LLM: 1 }, year: { '2024': 4 } },
      ]),
    ).toEqual({ topic: { LLM: 3, Vision: 1 }, year: { '2025': 3, '2024': 4 } });
  });
});
