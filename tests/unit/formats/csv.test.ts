import { describe, expect, it } from 'vitest';
import { csv } from '../../../scripts/lib/formats/csv.ts';
import type { SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

describe('csv sniff', () => {
  it.each(['papers.csv', 'papers.tsv'])('recognises %s by its header row', (name) => {
    expect(csv.sniff(fixture(`csv/${name}`))).toBe(true);
  });

  it.each([
    ['a header without a title column', 'name,authors\nx,y'],
    ['a one-column "title" file', 'title\nx'],
    ['a listing', 'Mar 12\n\nA Title, With Commas\n\nAn abstract.'],
  ])('rejects %s', (_, text) => {
    expect(csv.sniff(source('x.csv', text))).toBe(false);
  });
});

describe('csv parse', () => {
  const { records, problems } = csv.parse(fixture('csv/papers.csv'), {});

  const cases: Partial<SourceRecord>[] = [
    {
      record: 1,
      line: 2,
      title: 'Sparse Attention, Revisited',
      authors: ['Ada Lovelace', 'Alan Turing'],
      abstract: 'A study.\nIt spans two lines.',
      date: '2025-03-12',
      published: '2025-03-10',
      arxivId: '2503.01234',
      doi: undefined,
      links: {
        abs: 'https://example.org/sparse',
        pdf: 'https://example.org/sparse.pdf',
        code: 'https://github.com/example/sparse',
        project: undefined,
      },
      topics: ['Sparse attention and long context', 'Mixture of experts'],
      upvotes: 42,
    },
    { record: 2, line: 4, authors: ['Grace Hopper', 'Katherine Johnson'], doi: '10.1000/abc', upvotes: 1234 },
    { record: 5, line: 8, title: 'Last Paper', authors: ['Solo'], date: undefined },
  ];

  it.each(cases)('record $record', (expected) => {
    expect(records.find((r) => r.record === expected.record)).toMatchObject(expected);
  });

  it('skips a row without a title and a row with a stray quote, naming their lines', () => {
    expect(records.map((r) => r.record)).toEqual([1, 2, 5]);
    expect(problems).toEqual([
      { file: expect.any(String), line: 6, record: 3, field: 'title', message: 'row has no title' },
      {
        file: expect.any(String),
        line: 7,
        record: 4,
        message: expect.stringMatching(/^bad CSV row: Invalid Closing Quote/),
      },
    ]);
  });

  it('reads a tab-separated file', () => {
    const tsv = csv.parse(fixture('csv/papers.tsv'), {});
    expect(tsv.records).toMatchObject([{ title: 'A TSV Paper', authors: ['A B', 'C D'], arxivId: '2501.00001' }]);
    expect(tsv.problems).toEqual([]);
  });

  it('reports a quote that never closes', () => {
    const { records: rows, problems: found } = csv.parse(source('x.csv', 'title,authors\n"Open,A\n'), {});
    expect(rows).toEqual([]);
    expect(found).toMatchObject([{ message: expect.stringMatching(/Quote Not Closed/) }]);
  });
});
