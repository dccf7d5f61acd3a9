import { describe, expect, it } from 'vitest';
import { csl } from '../../../scripts/lib/formats/csl.ts';
import type { ParseOptions, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { fixture, source } from './fixture.ts';

const parse = (name: string, options: ParseOptions = {}) => csl.parse(fixture(`csl/${name}`), options);

describe('csl sniff', () => {
  it.each([
    ['items.json', true],
    ['items.yaml', true],
    ['references.yaml', true],
    ['2012-03-21-agakov12.md', true],
    ['broken.md', true],
    ['_config.yml', false], // Jekyll's site config: YAML, but not a CSL item
  ])('%s → %s', (name, expected) => {
    expect(csl.sniff(fixture(`csl/${name}`))).toBe(expected);
  });

  it.each([
    ['our own JSON list', '[{"title": "T", "authors": ["A B"], "date": "2025-01-01"}]'],
    ['a Markdown post without CSL keys', '---\ntitle: Hello\nlayout: post\n---\nText.'],
    ['a BibTeX file', '@article{x, title={T}}'],
  ])('rejects %s', (_, text) => {
    expect(csl.sniff(source('x.json', text))).toBe(false);
  });
});

describe('csl parse', () => {
  const cases: { name: string; options?: ParseOptions; records: Partial<SourceRecord>[]; problems: object[] }[] = [
    {
      name: 'items.json',
      records: [
        {
          record: 1,
          title: 'Deep Residual Learning',
          authors: ['Kaiming He', 'The ResNet Team'],
          abstract: 'Deeper networks are harder to train.',
          published: '2016-06-01',
          date: undefined,
          doi: '10.1109/CVPR.2016.90',
          arxivId: undefined,
          links: { abs: 'https://example.org/resnet', pdf: undefined },
        },
        { record: 2, published: '2017-06-12', arxivId: '1706.03762v5' },
      ],
      problems: [
        { record: 3, field: 'title', message: 'record untitled has no title' },
        { record: 4, message: 'item is not an object' },
      ],
    },
    {
      name: 'items.yaml',
      records: [
        {
          title: 'A YAML Item',
          authors: ['Jane Doe', 'Ludwig van Beethoven'],
          published: '2020-03-05',
          keywords: ['graphs', 'networks'],
        },
      ],
      problems: [],
    },
    { name: 'references.yaml', records: [{ title: 'From a references map', published: '1968-01-01' }], problems: [] },
    {
      name: '2012-03-21-agakov12.md',
      records: [
        {
          record: 1,
          title: 'Discriminative Mixtures of Sparse Latent Fields for Risk Management',
          authors: ['Felix Agakov', 'Amos Storkey'],
          abstract: expect.stringMatching(/^We describe .* latent variable models\.$/),
          date: '2012-03-21',
          published: '2012-03-21',
          links: { abs: undefined, pdf: 'http://proceedings.mlr.press/v22/agakov12/agakov12.pdf' },
        },
      ],
      problems: [],
    },
    { name: 'items.yaml', options: { date: '2025-01-01' }, records: [{ date: '2025-01-01' }], problems: [] },
    { name: 'broken.md', records: [], problems: [{ line: 3, message: expect.stringMatching(/^not valid YAML/) }] },
  ];

  it.each(cases)('$name $options', ({ name, options, records, problems }) => {
    const result = parse(name, options);
    expect(result.records).toHaveLength(records.length);
    records.forEach((expected, i) => expect(result.records[i]).toMatchObject(expected));
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((expected, i) => expect(result.problems[i]).toMatchObject(expected));
  });

  it.each([
    ['an object', '[{"toString": null}]', undefined],
    ['null and text', '[[null, "x"]]', undefined],
    ['strings', '[[" 2017 ", "6", "12"]]', '2017-06-12'],
    ['a year alone', '[[2000]]', '2000-01-01'],
  ])('reads date parts holding %s without failing', (_name, parts, published) => {
    const text = `[{"title": "T", "issued": {"date-parts": ${parts}}}]`;
    const { records, problems } = csl.parse(source('refs.json', text), {});
    expect(problems).toEqual([]);
    expect(records[0].published).toBe(published);
  });

  it('reports a JSON list cut short', () => {
    const { problems } = csl.parse(source('refs.json', '[{"title": "T", "issued": {"date-parts": [[2020'), {});
    expect(problems).toMatchObject([{ line: 1, message: expect.stringMatching(/^not valid JSON/) }]);
  });
});
