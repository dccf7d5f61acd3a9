import { describe, expect, it } from 'vitest';
import { arxivOaiJsonl } from '../../../scripts/lib/formats/arxiv-oai-jsonl.ts';
import { fixture, source } from './fixture.ts';

const snapshot = () => fixture('arxiv-oai-jsonl/snapshot.json');

describe('arxiv-oai-jsonl sniff', () => {
  it('recognises the snapshot by its keys, whatever the file is called', () => {
    expect(arxivOaiJsonl.sniff(snapshot())).toBe(true);
  });

  it.each([
    ['daily-arXiv lines', '{"id": "1", "abs": "x", "pdf": "y", "title": "t", "summary": "s"}'],
    ['a pretty-printed JSON object', '{\n  "authors_parsed": []\n}'],
    ['a JSON list', '[{"authors_parsed": []}]'],
  ])('rejects %s', (_, text) => {
    expect(arxivOaiJsonl.sniff(source('x.jsonl', text))).toBe(false);
  });
});

describe('arxiv-oai-jsonl parse', () => {
  const { records, problems } = arxivOaiJsonl.parse(snapshot(), {});

  it.each([
    {
      record: 1,
      line: 1,
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies',
      authors: ['C. Balázs', 'E. L. Berger', 'Neal J. Evans II', 'The BABAR Collaboration'],
      abstract: 'A fully differential calculation in Gröbner bases of $(k,\\ell)$ pebbles.',
      published: '2007-04-02', // the first version, not update_date
      arxivId: '0704.0001',
      doi: '10.1103/PhysRevD.76.013009',
      topics: ['hep-ph'],
    },
    {
      record: 2,
      line: 3, // blank lines keep the numbering of the file
      authors: ['Ileana Streinu', 'Louis Theran'], // from the `authors` text when authors_parsed is missing
      published: '2008-12-13', // update_date when there are no versions
      doi: undefined,
      topics: ['math.CO', 'cs.CG'],
    },
  ])('record $record', (expected) => {
    expect(records.find((r) => r.record === expected.record)).toMatchObject(expected);
  });

  it('leaves the digest date to the file name or --date', () => {
    expect(records.map((r) => r.date)).toEqual([undefined, undefined]);
    expect(arxivOaiJsonl.parse({ ...snapshot(), name: '2007-04-03-oai.json' }, {}).records[0].date).toBe('2007-04-03');
  });

  it('reports a bad line and a missing title with their line and record', () => {
    expect(problems).toEqual([
      { file: expect.any(String), line: 4, record: 3, message: expect.stringMatching(/^line is not valid JSON/) },
      { file: expect.any(String), line: 5, record: 4, field: 'title', message: 'record 0704.0004 has no title' },
    ]);
  });
});
