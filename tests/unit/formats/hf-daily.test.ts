import { describe, expect, it } from 'vitest';
import { hfDaily } from '../../../scripts/lib/formats/hf-daily.ts';
import type { SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string) => hfDaily.parse(fixture(`hf-daily/${name}`), {});

describe('hf-daily sniff', () => {
  it.each([
    ['2025-03-12.json', true],
    ['2024-12-11.json', true],
    ['wrapped.json', true],
    ['undated.json', true],
  ])('recognises %s', (name, expected) => {
    expect(hfDaily.sniff(fixture(`hf-daily/${name}`))).toBe(expected);
  });

  it.each([
    ['a JSON list of other objects', '[{"title": "x", "authors": ["A"]}]'],
    ['JSON Lines', '{"id": "1", "paper": 1}\n{"id": "2"}'],
    ['a BibTeX file', '@article{x, title={paper: {}}}'],
  ])('rejects %s', (_, text) => {
    expect(hfDaily.sniff(source('x.json', text))).toBe(false);
  });
});

describe('hf-daily parse', () => {
  const cases: { name: string; records: Partial<SourceRecord>[]; problems: { record?: number; field?: string }[] }[] = [
    {
      name: '2025-03-12.json',
      records: [
        {
          record: 1,
          title: 'Sparse Attention\n  for Everyone',
          authors: ['Ada Lovelace', 'Alan Turing'],
          abstract: 'We study sparse attention for Gödel machines.',
          date: '2025-03-12', // the file name wins over submittedOnDailyAt
          published: '2025-03-10',
          arxivId: '2503.01234',
          links: {
            code: 'https://github.com/example/sparse',
            project: 'https://example.org/sparse',
            hf: 'https://huggingface.co/papers/2503.01234',
          },
          upvotes: 42,
          comments: 3,
          stars: 1234,
          thumbnail: 'https://cdn.example.org/2503.01234.png',
          keywords: ['sparse attention', 'long context'],
          summary: 'Sparse attention made simple.',
          organization: 'Example Lab',
        },
        { record: 2, title: 'An Older Record', thumbnail: 'https://cdn.example.org/2406.00001.png', comments: 0 },
        { record: 3, thumbnail: 'https://cdn.example.org/still.jpg' },
      ],
      problems: [
        { record: 4, field: 'paper' },
        { record: 5, field: 'title' },
      ],
    },
    {
      name: '2024-12-11.json',
      records: [
        {
          record: 1,
          title: 'STIV: Scalable Text and Image Conditioned Video Generation',
          authors: ['Zongyu Lin', 'Jiasen Lu'],
          abstract: "The field's progress\nis fast; café über.",
          date: '2024-12-11',
          upvotes: 54,
          comments: 2,
          thumbnail: 'https://cdn.example.org/2412.07730.png',
        },
        { record: 2, title: "Don't Stop: A Title With an Apostrophe", abstract: 'Scores 1e-3, -2 and 0.5.' },
      ],
      problems: [{ record: 3 }],
    },
    {
      name: 'wrapped.json',
      records: [{ record: 1, title: 'The GAN is dead; long live the GAN!', date: '2025-01-10', arxivId: '2501.05441' }],
      problems: [],
    },
    {
      name: 'undated.json',
      records: [
        { title: 'Dated by submittedOnDailyAt', date: '2026-01-05', published: '2026-01-01' },
        { title: 'Dated by publishedAt', date: '2026-01-02', published: '2026-01-01' },
      ],
      problems: [],
    },
  ];

  it.each(cases)('$name', ({ name, records, problems }) => {
    const result = parse(name);
    expect(result.records).toHaveLength(records.length);
    records.forEach((expected, i) => expect(result.records[i]).toMatchObject(expected));
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((expected, i) => expect(result.problems[i]).toMatchObject(expected));
  });

  it('leaves code, project and stars out when the source has none', () => {
    const older = parse('2025-03-12.json').records[1];
    expect(older.links).toEqual({ hf: 'https://huggingface.co/papers/2406.00001' });
    expect(older.stars).toBeUndefined();
    expect(older.organization).toBeUndefined();
  });

  it('reports a cut-off file once, naming its last line', () => {
    const { records, problems } = parse('truncated.json');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { file: expect.stringContaining('truncated.json'), line: 5, message: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it.each([
    ['an object without data', '{"status": "error"}'],
    ['a bare number', '42'],
  ])('reports %s without throwing', (_, text) => {
    const { records, problems } = hfDaily.parse(source('2025-01-01.json', text), {});
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('names the broken Python literal in the message', () => {
    const [problem] = parse('2024-12-11.json').problems;
    expect(problem.message).toMatch(/not a Python literal: string is not closed/);
  });
});
