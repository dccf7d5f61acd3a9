import { describe, expect, it } from 'vitest';
import { dailyArxivJsonl } from '../../../scripts/lib/formats/daily-arxiv-jsonl.ts';
import type { SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string) => dailyArxivJsonl.parse(fixture(`daily-arxiv-jsonl/${name}`), {});

describe('daily-arxiv-jsonl sniff', () => {
  it.each(['2025-03-19.jsonl', '2026-02-06_AI_enhanced_Chinese.jsonl'])('recognises %s', (name) => {
    expect(dailyArxivJsonl.sniff(fixture(`daily-arxiv-jsonl/${name}`))).toBe(true);
  });

  it.each([
    ['the OAI snapshot', '{"id": "0704.0001", "title": "t", "abstract": "a", "authors_parsed": []}'],
    ['a JSON list', '[{"id": "1", "abs": "x", "title": "t", "summary": "s"}]'],
  ])('rejects %s', (_, text) => {
    expect(dailyArxivJsonl.sniff(source('x.jsonl', text))).toBe(false);
  });
});

describe('daily-arxiv-jsonl parse', () => {
  const cases: { name: string; records: Partial<SourceRecord>[]; problems: object[] }[] = [
    {
      name: '2025-03-19.jsonl',
      records: [
        {
          record: 1,
          line: 1,
          title: 'Context-aware Multimodal AI Reveals Hidden Pathways',
          authors: ['Jin Kim', 'Byunghwee Lee'],
          abstract: 'The rise of multimodal AI\nis here.',
          date: '2025-03-19',
          arxivId: '2503.13531',
          links: { abs: 'https://arxiv.org/abs/2503.13531', pdf: 'https://arxiv.org/pdf/2503.13531' },
          topics: ['cs.CV', 'cs.AI'],
        },
        { record: 2, line: 2, arxivId: '2503.13531' }, // repeated lines stay; the import merges them
      ],
      problems: [
        { line: 4, record: 3, message: 'line is not a JSON object' },
        { line: 5, record: 4, field: 'title' },
      ],
    },
    {
      name: '2026-02-06_AI_enhanced_Chinese.jsonl',
      records: [
        {
          date: '2026-02-06',
          summary: 'BioACE是一个评估框架。',
          links: {
            abs: 'https://arxiv.org/abs/2602.04982',
            pdf: 'https://arxiv.org/pdf/2602.04982',
            code: 'https://github.com/deepaknlp/BioACE',
          },
          stars: 0,
        },
        { title: 'Task Instead of Tldr', summary: undefined, stars: undefined },
      ],
      problems: [{ line: 3, record: 3, message: expect.stringMatching(/^line is not valid JSON/) }],
    },
  ];

  it.each(cases)('$name', ({ name, records, problems }) => {
    const result = parse(name);
    expect(result.records).toHaveLength(records.length);
    records.forEach((expected, i) => expect(result.records[i]).toMatchObject(expected));
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((expected, i) => expect(result.problems[i]).toMatchObject(expected));
  });

  it('leaves the date to --date when the file name has none', () => {
    const file = { ...fixture('daily-arxiv-jsonl/2025-03-19.jsonl'), name: 'latest.jsonl' };
    expect(dailyArxivJsonl.parse(file, {}).records[0].date).toBeUndefined();
  });
});
