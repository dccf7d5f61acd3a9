import { describe, expect, it } from 'vitest';
import { bibtex } from '../../../scripts/lib/formats/bibtex.ts';
import type { ParseOptions, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (options: ParseOptions = {}) => bibtex.parse(fixture('bibtex/refs.bib'), options);

describe('bibtex sniff', () => {
  it('recognises a .bib file by its entries', () => {
    expect(bibtex.sniff(fixture('bibtex/refs.bib'))).toBe(true);
    expect(bibtex.sniff(source('refs.txt', 'Intro text\n\n@Article{key2020,\n  title = {T}\n}'))).toBe(true);
  });

  it.each([
    ['a listing mentioning an @handle', 'Mar 12\n\nFollow @someone on social media, it is fun.'],
    ['JSON holding BibTeX', '["@article{x, title={T}}"]'],
    ['an e-mail address', 'write to me@example.org, please'],
  ])('rejects %s', (_, text) => {
    expect(bibtex.sniff(source('x.txt', text))).toBe(false);
  });
});

describe('bibtex parse', () => {
  const { records, problems } = parse();

  const cases: Partial<SourceRecord>[] = [
    {
      record: 1,
      line: 6,
      title: 'The Bayesian étüde of $\\alpha$-GANs & more',
      authors: ['U Ramer', 'Jörg Müller', 'Jan van der Berg', 'Google Research'],
      abstract: 'A short study of 50% of $x_1$ – with “quotes”.',
      published: '1972-03-01',
      date: undefined,
      arxivId: undefined,
      doi: undefined,
    },
    {
      record: 2,
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      published: '2017-01-01',
      arxivId: '1706.03762',
      doi: 'https://doi.org/10.48550/arXiv.1706.03762',
      links: { abs: 'https://arxiv.org/abs/1706.03762', pdf: undefined, code: undefined },
      keywords: ['attention', 'transformers'],
    },
    {
      record: 3,
      title: 'OpenELM: an efficient language model family',
      published: '2024-04-22',
      arxivId: '2404.14619',
      doi: '10.1162/netn_a_00107',
      links: { abs: undefined, pdf: undefined, code: 'https://github.com/apple/corenet' },
    },
    { record: 4, title: 'Educational psychology', published: undefined },
    { record: 7, title: 'After the broken one', authors: ['J. Šedivý', 'Hinrich Schütze'], published: '2003-01-01' },
  ];

  it.each(cases)('record $record', (expected) => {
    expect(records.find((r) => r.record === expected.record)).toMatchObject(expected);
  });

  it('skips the entry without a title and the broken one, naming each', () => {
    expect(records.map((r) => r.record)).toEqual([1, 2, 3, 4, 7]);
    expect(problems).toEqual([
      {
        file: expect.any(String),
        record: 5,
        line: 37,
        field: 'title',
        message: '@article{notitle}: record has no title',
      },
      {
        file: expect.any(String),
        record: 6,
        line: 44,
        message: expect.stringMatching(/^@article\{broken\}: Token mismatch/),
      },
    ]);
  });

  it('uses --date as the digest day when it is a full day, and ignores a bare year', () => {
    expect(parse({ date: '2025-03-12' }).records.every((r) => r.date === '2025-03-12')).toBe(true);
    expect(parse({ date: '2025' }).records.every((r) => r.date === undefined)).toBe(true);
  });

  it('reports a file cut off inside an entry', () => {
    const result = bibtex.parse(source('cut.bib', '@article{a, title={One}}\n@article{b, title={Tw'), {});
    expect(result.records.map((r) => r.title)).toEqual(['One']);
    expect(result.problems).toMatchObject([
      { record: 2, line: 2, message: expect.stringMatching(/^@article\{b\}: Unterminated/) },
    ]);
  });
});
