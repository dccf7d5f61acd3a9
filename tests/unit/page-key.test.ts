import { describe, expect, it } from 'vitest';
import { listKey, paperKey } from '../../src/lib/page-key.ts';
import type { Paper } from '../../src/lib/paper-schema.ts';

const paper = (slug: string, extra: Partial<Paper> = {}): Paper =>
  ({ slug, title: `Title of ${slug}`, date: '2025-03-12', authors: ['A. Author'], topics: ['llm'], ...extra }) as Paper;
const topics = [{ id: 'llm', name: 'LLMs' }] as never;

describe('listKey', () => {
  const base = listKey([paper('a'), paper('b')], topics, { page: 1 });
  it.each([
    ['the same papers, as new objects', [paper('a'), paper('b')], topics, { page: 1 }, true],
    ['a changed title', [paper('a', { title: 'New' }), paper('b')], topics, { page: 1 }, false],
    ['a changed abstract', [paper('a'), paper('b', { abstract: 'More.' })], topics, { page: 1 }, false],
    ['the papers in another order', [paper('b'), paper('a')], topics, { page: 1 }, false],
    ['one paper fewer', [paper('a')], topics, { page: 1 }, false],
    ['a renamed topic', [paper('a'), paper('b')], [{ id: 'llm', name: 'Large language models' }], { page: 1 }, false],
    ['another page', [paper('a'), paper('b')], topics, { page: 2 }, false],
  ])('%s: same key %s', (_name, papers, taxonomy, extra, same) => {
    expect(listKey(papers as Paper[], taxonomy as never, extra) === base).toBe(same);
  });
});

describe('paperKey', () => {
  const base = paperKey(paper('a'), { related: ['b'] });
  it.each([
    ['the same paper, as a new object', paper('a'), { related: ['b'] }, true],
    ['a changed title', paper('a', { title: 'New' }), { related: ['b'] }, false],
    ['a changed abstract', paper('a', { abstract: 'More.' }), { related: ['b'] }, false],
    ['another related paper', paper('a'), { related: ['c'] }, false],
  ])('%s: same key %s', (_name, p, extra, same) => {
    expect(paperKey(p, extra) === base).toBe(same);
  });
});
