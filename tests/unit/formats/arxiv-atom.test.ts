import { describe, expect, it } from 'vitest';
import { arxivAtom } from '../../../scripts/lib/formats/arxiv-atom.ts';
import type { ParseOptions, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string, options: ParseOptions = {}) => arxivAtom.parse(fixture(`arxiv-atom/${name}`), options);

describe('arxiv-atom sniff', () => {
  it.each(['query.xml', 'error.xml', 'broken.xml'])('recognises %s', (name) => {
    expect(arxivAtom.sniff(fixture(`arxiv-atom/${name}`))).toBe(true);
  });

  it.each([
    ['an RSS feed', '<?xml version="1.0"?><rss><channel></channel></rss>'],
    [
      'an Atom feed from elsewhere',
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://blog.example.org/</id></feed>',
    ],
    ['JSON', '{"feed": "arxiv.org"}'],
  ])('rejects %s', (_, text) => {
    expect(arxivAtom.sniff(source('feed.xml', text))).toBe(false);
  });
});

describe('arxiv-atom parse', () => {
  const cases: { name: string; options?: ParseOptions; records: Partial<SourceRecord>[]; problems: object[] }[] = [
    {
      name: 'query.xml',
      records: [
        {
          record: 1,
          title: 'Rotatable random sequences\n  in local fields',
          authors: ['Steven N. Evans', 'Daniel Raban'],
          abstract: 'A theorem of Freedman & Poincaré on $(ξ_1, ξ_2, \\dots)$ and Lévy.',
          date: undefined, // the import takes the file's day, else the published day
          published: '2019-03-05',
          arxivId: '1903.02058v2',
          doi: '10.1000/xyz',
          links: { abs: 'https://arxiv.org/abs/1903.02058v2', pdf: 'https://arxiv.org/pdf/1903.02058v2' },
          topics: ['math.PR', 'math.NT'],
        },
        {
          record: 2,
          title: 'One Author Only',
          authors: ['Solo Author'],
          links: { abs: 'https://arxiv.org/abs/2412.12023v1' },
        },
      ],
      problems: [{ record: 3, field: 'title' }],
    },
    {
      name: 'query.xml',
      options: { date: '2026-02-12' },
      records: [{ date: '2026-02-12', published: '2019-03-05' }, { date: '2026-02-12' }],
      problems: [{ record: 3 }],
    },
    {
      name: 'error.xml',
      records: [],
      problems: [{ record: 1, field: 'id', message: expect.stringContaining('incorrect id format') }],
    },
    { name: 'broken.xml', records: [], problems: [{ line: 6, message: expect.stringMatching(/^not valid XML: /) }] },
  ];

  it.each(cases)('$name $options', ({ name, options, records, problems }) => {
    const result = parse(name, options);
    expect(result.records).toHaveLength(records.length);
    records.forEach((expected, i) => expect(result.records[i]).toMatchObject(expected));
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((expected, i) => expect(result.problems[i]).toMatchObject(expected));
  });

  it('ignores a --date that is only a year', () => {
    expect(parse('query.xml', { date: '2026' }).records[0].date).toBeUndefined();
  });

  it('reads a feed with no entries as no records and no problems', () => {
    const empty = source(
      'empty.xml',
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://arxiv.org/api/x</id></feed>',
    );
    expect(arxivAtom.parse(empty, {})).toEqual({ records: [], problems: [] });
  });
});
