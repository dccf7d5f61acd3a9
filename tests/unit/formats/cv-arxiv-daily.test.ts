import { describe, expect, it } from 'vitest';
import { cvArxivDaily } from '../../../scripts/lib/formats/cv-arxiv-daily.ts';
import type { SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string) => cvArxivDaily.parse(fixture(`cv-arxiv-daily/${name}`), {});

describe('cv-arxiv-daily sniff', () => {
  it.each(['cv-arxiv-daily.json', 'cv-arxiv-daily-wechat.json'])('recognises %s', (name) => {
    expect(cvArxivDaily.sniff(fixture(`cv-arxiv-daily/${name}`))).toBe(true);
  });

  it.each([
    ['an object of other strings', '{"SLAM": {"2101.00001": "just text"}}'],
    ['a list', '[{"SLAM": {}}]'],
  ])('rejects %s', (_, text) => {
    expect(cvArxivDaily.sniff(source('x.json', text))).toBe(false);
  });
});

describe('cv-arxiv-daily parse', () => {
  const cases: { name: string; records: Partial<SourceRecord>[]; problems: object[] }[] = [
    {
      name: 'cv-arxiv-daily.json',
      records: [
        {
          record: 1,
          title: 'Active SLAM over Continuous Trajectory',
          authors: undefined, // "First Author et.al." is not the author list
          date: '2021-10-14',
          published: '2021-10-14',
          arxivId: '2110.07546',
          links: { abs: 'http://arxiv.org/abs/2110.07546', code: undefined },
          topics: ['SLAM'],
        },
        {
          record: 2,
          title: 'A Title | With a Pipe',
          authors: ['Solo Writer'],
          links: { abs: 'http://arxiv.org/abs/2109.00001v2', code: 'https://github.com/example/slam' },
        },
        { record: 4, arxivId: '2110.07546', topics: ['NeRF'] }, // listed again under another topic
      ],
      problems: [
        { record: 3, message: expect.stringMatching(/^SLAM › 2109\.00002: not a /) },
        { record: 5, message: expect.stringMatching(/^NeRF › 2108\.00003: not a .*: 42$/) },
      ],
    },
    {
      name: 'cv-arxiv-daily-wechat.json',
      records: [
        {
          title: 'Multi-Hypothesis Scan Matching through Clustering',
          date: '2022-01-19',
          arxivId: '2201.03814',
          links: { abs: 'http://arxiv.org/abs/2201.03814v2', code: undefined },
          topics: ['SLAM'],
        },
        {
          date: '2022-01-10',
          links: { abs: 'http://arxiv.org/abs/2201.03364v1', code: 'https://github.com/bmhopkinson/hyslam' },
        },
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

  it('reports a file that is cut short', () => {
    const { records, problems } = cvArxivDaily.parse(source('cv.json', '{"SLAM": {"2101.00001": "|**2021'), {});
    expect(records).toEqual([]);
    expect(problems).toMatchObject([{ line: 1, message: expect.stringMatching(/^not valid JSON/) }]);
  });
});
