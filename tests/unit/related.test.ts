import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { relatedKey, relatedPapers, statisticsSize, terms, type RelatedInput } from '../../src/lib/related.ts';

const papersDir = fileURLToPath(new URL('../../content/papers', import.meta.url));
const sample = readdirSync(papersDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => parseEntry(readFileSync(join(papersDir, f), 'utf8')).data as RelatedInput & { topics: string[] });

const paper = (slug: string, title: string, abstract?: string, date = '2025-03-12'): RelatedInput => ({
  slug,
  title,
  abstract,
  date,
});

describe('terms', () => {
  it.each([
    [
      'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting',
      ['instantsplat', 'unbounded', 'sparse', 'view', 'pose', 'free', 'gaussian', 'splatting'],
    ],
    ['We propose a novel method for the views of 3D scenes', ['view', '3d', 'scene']],
    ['Oracle complexity $\\mathcal{O}(\\epsilon^{-3})$ in 2025', ['oracle', 'complexity']],
    ['Déjà vu: Studies of Classes, Analyses and Bias', ['deja', 'vu', 'study', 'class', 'analyse', 'bias']],
    ['Mixture-of-Experts (MoE) LLMs', ['mixture', 'expert', 'moe', 'llm']],
    // Each plural rule, in order: -ies, -sses/-xes/-ches/-shes, other -es, -s (not -us, -ss, -is, -ias).
    [
      'Boxes goes plays species toes gas us bus canvas cues pies aries bees Series Status Analysis Alias',
      [
        'box',
        'goe',
        'play',
        'specy',
        'toe',
        'gas',
        'bus',
        'canva',
        'cue',
        'py',
        'ary',
        'bee',
        'sery',
        'status',
        'analysis',
        'alias',
      ],
    ],
    // Accented and ASCII text find the same words; digits alone are no word.
    ['Résumés of 42 naïve cafés in 3D', ['resume', 'naive', 'cafe', '3d']],
    ['Resumes of 42 naive cafes in 3D', ['resume', 'naive', 'cafe', '3d']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });
});

describe('relatedPapers', () => {
  it('finds sparse-view 3D papers for InstantSplat in the real sample', () => {
    expect(sample.length).toBeGreaterThan(50);
    const related = relatedPapers(sample);
    const instant = related.get('instantsplat-unbounded-sparse-view-pose-free-gaussian')!;
    console.log('InstantSplat →', instant);
    expect(instant).toHaveLength(5);
    const sparseView = new Set(sample.filter((p) => p.topics.includes('sparse-view-3d')).map((p) => p.slug));
    expect(instant.filter((slug) => sparseView.has(slug)).length).toBeGreaterThanOrEqual(4);
    expect(instant.slice(0, 3)).toEqual(
      expect.arrayContaining(['lm-gaussian-boost-sparse-view-3d-gaussian-splatting-with']),
    );
    expect(instant).toContain('coherentgs-sparse-novel-view-synthesis-with-coherent-3d');
  });

  it('gives every paper up to k others, never itself, and the same answer for any input order', () => {
    const related = relatedPapers(sample, 3);
    expect(related.size).toBe(sample.length);
    for (const [slug, list] of related) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list).not.toContain(slug);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(relatedPapers([...sample].reverse(), 3)).toEqual(related);
  });

  it.each([
    [
      'the closest first',
      [
        paper('a', 'Sparse view gaussian splatting', 'pose free reconstruction from few images'),
        paper('b', 'Gaussian splatting from sparse views', 'few images, no poses'),
        paper('c', 'Gaussian processes for regression', 'kernel methods'),
        paper('d', 'Quantization of language models', 'weights in four bits'),
      ],
      { a: ['b', 'c'], b: ['a', 'c'], c: ['b', 'a'], d: [] },
    ],
    [
      'ties broken by slug',
      [paper('z', 'alpha beta'), paper('y', 'alpha beta'), paper('x', 'alpha beta')],
      { z: ['x', 'y'], y: ['x', 'z'], x: ['y', 'z'] },
    ],
    ['nothing to share', [paper('a', 'the of and'), paper('b', '$x^2$')], { a: [], b: [] }],
    ['a single paper', [paper('a', 'Sparse attention')], { a: [] }],
    ['no papers', [], {}],
  ])('%s', (_name, papers, expected) => {
    expect(Object.fromEntries(relatedPapers(papers, 2))).toEqual(expected);
  });

  it('runs on 10,000 synthetic papers in near-linear time', () => {
    const papers = syntheticPapers(10_000);
    const start = performance.now();
    const related = relatedPapers(papers);
    console.log(`relatedPapers: 10,000 papers in ${Math.round(performance.now() - start)} ms`);
    expect(related.size).toBe(10_000);
    expect([...related.values()].every((list) => list.length === 5)).toBe(true);
    // The lists, near-ties and all, as the code before its 2026-11 speed-up made them.
    expect(listsHash(related)).toBe('2f2d258a9fdcf3a2');
  });

  it('gives the real sample the lists the code before its 2026-11 speed-up gave it', () => {
    expect(listsHash(relatedPapers(sample))).toBe('531df592b4f38216');
    expect(listsHash(relatedPapers(sample, 3))).toBe('a7665e007210ac79');
  });
});

describe('statisticsSize', () => {
  it.each([
    [0, 0],
    [1, 1],
    [85, 85],
    [99, 99],
    [100, 100],
    [1234, 1200],
    [2510, 2500],
    [10_000, 10_000],
    [10_999, 10_000],
    [99_999, 99_000],
    [123_456, 120_000],
  ])('%i papers → %i', (n, expected) => {
    expect(statisticsSize(n)).toBe(expected);
  });
});

describe('related lists as days are added', () => {
  it('let new papers on a new subject find each other before the statistics count them', () => {
    const [old, text] = [syntheticPapers(100), syntheticPapers(109).slice(100)];
    const subject = 'quuxformer blorptensor zentangle';
    const fresh = text.map((t, i) =>
      paper(`new-${i}`, `${subject} ${t.title}`, `${subject} ${t.abstract}`, '2021-01-01'),
    );
    const related = relatedPapers([...old, ...fresh]);
    for (const { slug } of fresh)
      expect(
        related.get(slug)!.filter((s) => s.startsWith('new-')),
        slug,
      ).toHaveLength(5);
  });

  // 5,000 papers, then a day of 25 more: both counts round to 5,000, so the statistics stay put.
  const before = syntheticPapers(5_000);
  const after = syntheticPapers(5_025);
  const added = new Set(after.slice(5_000).map((p) => p.slug));
  const changes = (options = {}, optionsAfter = options) => {
    const old = relatedPapers(before, 5, options);
    const now = relatedPapers(after, 5, optionsAfter);
    const changed = [...old.keys()].filter((slug) => old.get(slug)!.join() !== now.get(slug)!.join());
    return { changed: changed.length, withNew: changed.filter((s) => now.get(s)!.some((r) => added.has(r))).length };
  };

  it('change where a new paper belongs, not everywhere word statistics moved', () => {
    const steady = changes();
    const moving = changes({ statisticsPapers: 5_000 }, { statisticsPapers: 5_025 });
    console.log(
      `lists changed by a day: ${steady.changed} (${steady.withNew} hold a new paper); counted over every paper: ${moving.changed}`,
    );
    expect(steady.withNew).toBeGreaterThan(0);
    // The rest lost a candidate to a new paper in the shortlist, the step that keeps this near-linear.
    expect(steady.withNew / steady.changed).toBeGreaterThan(0.6);
    expect(steady.changed * 2).toBeLessThan(moving.changed);
  });
});

/** Papers with a Zipf-distributed vocabulary, like real text (a few common words, a long tail), 25 a day. */
function syntheticPapers(count: number): RelatedInput[] {
  const random = mulberry32(42);
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
  const word = () => {
    const r = random() * cumulative.at(-1)!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const day = (i: number) =>
    new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 25) * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => paper(`p${i}`, words(10), words(150), day(i)));
}

/** A short hash of related lists, in the order they came. */
function listsHash(related: Map<string, string[]>): string {
  return createHash('sha256')
    .update(JSON.stringify([...related]))
    .digest('hex')
    .slice(0, 16);
}

/** A small seeded random number generator, so the synthetic corpus is the same every run. */
function mulberry32(seed: number): () => number {
  return () => {
    let t = (seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('relatedKey', () => {
  const base = sample.slice(0, 5);
  it.each([
    ['a title', (p: RelatedInput[]) => p.map((x, i) => (i === 2 ? { ...x, title: `${x.title}!` } : x))],
    ['an abstract', (p: RelatedInput[]) => p.map((x, i) => (i === 0 ? { ...x, abstract: undefined } : x))],
    ['a date', (p: RelatedInput[]) => p.map((x, i) => (i === 4 ? { ...x, date: '1999-01-01' } : x))],
    ['the order', (p: RelatedInput[]) => [...p].reverse()],
    ['one paper fewer', (p: RelatedInput[]) => p.slice(1)],
  ])('changes with %s, so lists made for other papers are not taken', (_, change) => {
    expect(relatedKey(change(base))).not.toBe(relatedKey(base));
  });

  it('is the same for the same papers, and tells k apart', () => {
    expect(relatedKey(base.map((p) => ({ ...p })))).toBe(relatedKey(base));
    expect(relatedKey(base, 6)).not.toBe(relatedKey(base));
  });
});
