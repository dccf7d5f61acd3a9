import { describe, expect, it } from 'vitest';
import { topicPages } from '../../src/lib/topic-pages.ts';

/** Papers 1…n, numbered oldest first, listed newest first as a topic lists them. */
const papers = (n: number) => Array.from({ length: n }, (_, i) => n - i);
/** Each page as its archive number (or "topic") and its first and last paper. */
const shape = (n: number, size: number) =>
  topicPages(papers(n), size).map((p) => [p.archive ?? 'topic', p.papers[0], p.papers.at(-1), p.papers.length]);

describe('topicPages', () => {
  it.each([
    [0, [['topic', undefined, undefined, 0]]],
    [1, [['topic', 1, 1, 1]]],
    [20, [['topic', 20, 1, 20]]],
    [25, [['topic', 25, 1, 25]]],
    [39, [['topic', 39, 1, 39]]],
    [
      40,
      [
        ['topic', 40, 21, 20],
        [1, 20, 1, 20],
      ],
    ],
    [
      45,
      [
        ['topic', 45, 21, 25],
        [1, 20, 1, 20],
      ],
    ],
    [
      60,
      [
        ['topic', 60, 41, 20],
        [2, 40, 21, 20],
        [1, 20, 1, 20],
      ],
    ],
  ])('%i papers, 20 a page', (n, expected) => {
    expect(shape(n, 20)).toEqual(expected);
  });

  it('keeps every paper once, newest first', () => {
    for (const n of [0, 7, 39, 40, 101, 1000])
      expect(topicPages(papers(n), 20).flatMap((p) => p.papers)).toEqual(papers(n));
  });

  it('never changes an archive page as papers are added', () => {
    const seen = new Map<number, number[]>();
    for (let n = 0; n <= 300; n++) {
      const pages = topicPages(papers(n), 20);
      expect(pages[0].papers.length).toBe(n < 20 ? n : Math.min(n, 20 + (n % 20)));
      for (const { archive, papers: held } of pages.slice(1)) {
        expect(held, `archive ${archive} at ${n} papers`).toEqual(seen.get(archive!) ?? held);
        seen.set(archive!, held);
      }
    }
    expect(seen.size).toBe(14);
  });
});
