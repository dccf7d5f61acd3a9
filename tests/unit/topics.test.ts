import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listing } from '../../scripts/lib/formats/listing.ts';
import {
  classify,
  compileTaxonomy,
  maxTopicsPerPaper,
  taxonomySchema,
  topicSchema,
  type Topic,
} from '../../src/lib/topics.ts';

const samplePath = fileURLToPath(new URL('../../content/sources/2025-03-12-papers.txt', import.meta.url));
const topicsPath = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));
const sample = listing.parse(
  { path: samplePath, name: '2025-03-12-papers.txt', text: readFileSync(samplePath, 'utf8') },
  {},
).records;
const taxonomy = taxonomySchema.parse(parse(readFileSync(topicsPath, 'utf8')));
const realMatchers = compileTaxonomy(taxonomy);

/** A topic with the schema's defaults filled in. */
const topic = (fields: Partial<Topic> & { id: string }): Topic => topicSchema.parse({ name: fields.id, ...fields });

describe('taxonomySchema', () => {
  it('reads the real content/topics.yaml', () => {
    expect(taxonomy.length).toBeGreaterThan(0);
    expect(taxonomy.map((t) => t.id)).toContain('sparse-view-3d');
  });

  it('fills in defaults', () => {
    expect(topic({ id: 'x' })).toEqual({ id: 'x', name: 'x', description: '', match: [], exclude: [], threshold: 2 });
  });

  it.each([
    [[{ id: 'Bad Id', name: 'x' }], '0.id'],
    [[{ id: 'a', name: '' }], '0.name'],
    [[{ id: 'a', name: 'A', threshold: 0 }], '0.threshold'],
    [[{ id: 'a', name: 'A', matches: ['typo'] }], '0'],
    [
      [
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ],
      '1.id',
    ],
  ])('rejects %j at %s', (data, path) => {
    const result = taxonomySchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toBe(path);
  });
});

describe('compileTaxonomy', () => {
  it.each([
    ['match', topic({ id: 'broken-match', match: ['ok', '(unclosed'] }), 'broken-match', '(unclosed'],
    ['exclude', topic({ id: 'broken-exclude', match: ['ok'], exclude: ['[a-'] }), 'broken-exclude', '[a-'],
    ['match (invalid under the u flag)', topic({ id: 'lone-brace', match: ['a{'] }), 'lone-brace', 'a{'],
  ])('a bad %s rule names its topic and rule', (_kind, bad, id, source) => {
    const compile = () => compileTaxonomy([topic({ id: 'fine', match: ['x'] }), bad]);
    expect(compile).toThrow(`topic "${id}"`);
    expect(compile).toThrow(source);
  });

  it('compiles case-insensitive rules', () => {
    const [m] = compileTaxonomy([topic({ id: 'moe', match: ['mixture of experts'] })]);
    expect(m.match[0].test('Sparse MIXTURE OF EXPERTS')).toBe(true);
  });
});

describe('classify scoring', () => {
  const matchers = compileTaxonomy([
    topic({ id: 'moe', match: ['mixture of experts', '\\bMoE\\b'] }),
    topic({ id: 'gaussians', match: ['gaussian'], threshold: 3 }),
    topic({ id: 'sparse-training', match: ['sparse'], exclude: ['sparse[- ]views?'] }),
    topic({ id: 'once', match: ['abstract-only'], threshold: 1 }),
  ]);
  it.each([
    ['title hit scores 2, enough for threshold 2', { title: 'Mixture of Experts at Scale' }, ['moe']],
    ['abstract hit scores 1, not enough', { title: 'Scaling', abstract: 'We use a mixture of experts.' }, []],
    [
      'two abstract hits of two rules score 2; one abstract hit stays at 1',
      { title: 'Scaling', abstract: 'A sparse mixture of experts (MoE).' },
      ['moe'],
    ],
    [
      'threshold 3 is not met by one rule hitting title and abstract',
      { title: 'Gaussian Splatting', abstract: 'Gaussians everywhere' },
      [],
    ],
    ['threshold 1 met by one abstract hit', { title: 'X', abstract: 'an abstract-only hit' }, ['once']],
    ['exclude in the title vetoes', { title: 'Sparse-view Sparse Training' }, []],
    ['exclude in the abstract vetoes', { title: 'Sparse Training', abstract: 'from sparse views' }, []],
    ['no abstract at all', { title: 'Sparse MoE' }, ['moe', 'sparse-training']],
    ['nothing matches', { title: 'Symbolic Discovery', abstract: 'program search' }, []],
  ])('%s', (_case, paper, expected) => {
    expect(classify(matchers, paper)).toEqual(expected);
  });

  it('orders by score, then by taxonomy order, and keeps at most 3', () => {
    const ordered = compileTaxonomy([
      topic({ id: 'a', match: ['alpha'] }),
      topic({ id: 'b', match: ['beta', 'bravo'] }),
      topic({ id: 'c', match: ['gamma'] }),
      topic({ id: 'd', match: ['delta'] }),
      topic({ id: 'e', match: ['epsilon', 'echo'] }),
    ]);
    const paper = { title: 'alpha beta gamma delta epsilon', abstract: 'bravo echo' };
    // Scores: a 2, b 3, c 2, d 2, e 3.
    expect(classify(ordered, paper)).toEqual(['b', 'e', 'a']);
    expect(maxTopicsPerPaper).toBe(3);
  });
});

describe('classify with the real taxonomy over the real sample', () => {
  it('has 76 papers', () => {
    expect(sample).toHaveLength(76);
  });

  it.each(sample.map((r) => [r.title!, r]))('%s gets 1 to 3 known topics', (_title, record) => {
    const topics = classify(realMatchers, { title: record.title!, abstract: record.abstract });
    expect(topics.length).toBeGreaterThanOrEqual(1);
    expect(topics.length).toBeLessThanOrEqual(3);
    for (const id of topics) expect(taxonomy.map((t) => t.id)).toContain(id);
  });

  it.each([
    ['InstantSplat', 'sparse-view-3d'],
    ['CoherentGS', 'sparse-view-3d'],
    ['LM-Gaussian', 'sparse-view-3d'],
    ['MomentumSMoE', 'mixture-of-experts'],
    ['DPO Meets PPO', 'preference-optimization'],
    ['GQSA', 'llm-compression'],
  ])('%s → %s', (prefix, expected) => {
    const record = sample.find((r) => r.title!.startsWith(prefix));
    expect(record, prefix).toBeDefined();
    expect(classify(realMatchers, { title: record!.title!, abstract: record!.abstract })).toContain(expected);
  });
});
