import { describe, expect, it } from 'vitest';
import { paperboyJson } from '../../../scripts/lib/formats/paperboy-json.ts';
import type { SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string) => paperboyJson.parse(fixture(`paperboy-json/${name}`), {});

describe('paperboy-json sniff', () => {
  it.each(['papers.json', 'papers.yaml'])('recognises %s', (name) => {
    expect(paperboyJson.sniff(fixture(`paperboy-json/${name}`))).toBe(true);
  });

  it.each([
    ['a list of numbers', '[1, 2, 3]'],
    ['a list of objects without titles', '[{"name": "x"}]'],
    ['a YAML map', 'title: Site\nauthor: me'],
    ['a listing', 'Mar 12\n\nA title\n\nAn abstract.'],
  ])('rejects %s', (_, text) => {
    expect(paperboyJson.sniff(source('x.json', text))).toBe(false);
  });
});

describe('paperboy-json parse', () => {
  const cases: { name: string; records: Partial<SourceRecord>[]; problems: object[] }[] = [
    {
      name: 'papers.json',
      records: [
        {
          record: 1,
          title: 'Our Own Schema',
          authors: ['Ada Lovelace', 'Alan Turing'],
          abstract: 'Written by hand.',
          date: '2025-03-12',
          published: '2025-03-10',
          arxivId: '2501.00001',
          links: {
            abs: undefined,
            pdf: undefined,
            code: 'https://github.com/example/own',
            project: undefined,
            hf: 'https://huggingface.co/papers/2501.00001',
          },
          upvotes: 3,
          keywords: ['attention'],
          summary: 'One line.',
          organization: 'Example Lab',
          topics: ['long-context'],
        },
        { record: 2, title: 'With a DOI', doi: '10.1000/xyz', authors: ['A B', 'C D'] },
      ],
      problems: [
        { record: 3, field: 'title' },
        { record: 4, message: 'item is not an object' },
      ],
    },
    {
      name: 'papers.yaml',
      records: [
        // YAML would read 2501.10100 as the number 2501.101; every value is kept as text.
        { title: 'A YAML Paper', authors: ['Jane Doe'], arxivId: '2501.10100', date: '2025-03-12', upvotes: 12 },
        { title: 'Another', abstract: 'Plain text.' },
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

  it('reports bad YAML with its line', () => {
    const { problems } = paperboyJson.parse(source('x.yaml', '- title: A\n  authors: [x\n- title: B\n'), {});
    expect(problems).toMatchObject([{ line: expect.any(Number), message: expect.stringMatching(/^not valid YAML/) }]);
  });
});
