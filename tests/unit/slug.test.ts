import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listing } from '../../scripts/lib/formats/listing.ts';
import { paperSchema } from '../../src/lib/paper-schema.ts';
import { maxSlugLength, slugFromTitle, uniqueSlug } from '../../src/lib/slug.ts';

const samplePath = fileURLToPath(new URL('../../content/sources/2025-03-12-papers.txt', import.meta.url));
const sampleTitles = listing
  .parse({ path: samplePath, name: '2025-03-12-papers.txt', text: readFileSync(samplePath, 'utf8') }, {})
  .records.map((r) => r.title!);

/** The same pattern entries are validated with. */
const slugPattern = paperSchema.shape.slug;

describe('slugFromTitle on real titles', () => {
  it.each([
    [
      'GQSA: Group Quantization and Sparsity for Accelerating Large Language Model Inference',
      'gqsa-group-quantization-and-sparsity-for-accelerating-large',
    ],
    ['DPO Meets PPO: Reinforced Token Optimization for RLHF', 'dpo-meets-ppo-reinforced-token-optimization-for-rlhf'],
    [
      'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      'instantsplat-unbounded-sparse-view-pose-free-gaussian',
    ],
    ['Qwen2.5-1M Technical Report', 'qwen2-5-1m-technical-report'],
    [
      'S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
      's-2-ft-efficient-scalable-and-generalizable-llm-fine-tuning',
    ],
    [
      'ProSper -- A Python Library for Probabilistic Sparse Coding with Non-Standard Priors and Superpositions',
      'prosper-a-python-library-for-probabilistic-sparse-coding',
    ],
    [
      "Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence",
      'lets-make-block-coordinate-descent-converge-faster-faster',
    ],
    [
      'Adaptive Sparse Allocation with Mutual Choice & Feature Choice Sparse Autoencoders',
      'adaptive-sparse-allocation-with-mutual-choice-and-feature',
    ],
    [
      'MomentumSMoE: Integrating Momentum into Sparse Mixture of Experts',
      'momentumsmoe-integrating-momentum-into-sparse-mixture-of',
    ],
    ['Order-Preserving GFlowNets', 'order-preserving-gflownets'],
    ['Fast Sparse ConvNets', 'fast-sparse-convnets'],
  ])('%j → %s', (title, expected) => {
    expect(slugFromTitle(title)).toBe(expected);
  });
});

describe('slugFromTitle on every title of the sample', () => {
  it('has 76 titles to check', () => {
    expect(sampleTitles).toHaveLength(76);
  });

  it.each(sampleTitles)('%s: readable ASCII, at most 60 chars, cut on a word boundary', (title) => {
    const slug = slugFromTitle(title);
    const full = slugFromTitle(title, Number.MAX_SAFE_INTEGER);
    expect(slugPattern.safeParse(slug).success).toBe(true);
    expect(slug).toMatch(/^[\x21-\x7e]+$/);
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug === full || full.startsWith(`${slug}-`)).toBe(true);
  });

  it('gives 76 different slugs', () => {
    expect(new Set(sampleTitles.map((t) => slugFromTitle(t))).size).toBe(76);
  });
});

describe('slugFromTitle cutting', () => {
  const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  it.each([
    // 12 × "abcd" + 11 hyphens = 59 chars: fits.
    [words(12, 'abcd'), words(12, 'abcd').replaceAll(' ', '-')],
    // 10 × "abcde" + 9 hyphens = 59 chars; + "-x" = 61: the last word goes.
    [`${words(10, 'abcde')} x`, words(10, 'abcde').replaceAll(' ', '-')],
    // A hyphen right at position 60 keeps all 60 chars.
    [`${words(10, 'abcde')}a bc`, `${words(10, 'abcde')}a`.replaceAll(' ', '-')],
    // One 70-letter word cannot be cut on a boundary: it is cut at 60.
    ['a'.repeat(70), 'a'.repeat(60)],
  ])('%j → %j', (title, expected) => {
    const slug = slugFromTitle(title);
    expect(slug).toBe(expected);
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it.each([
    ['InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds', 20, 'instantsplat'],
    ['DPO Meets PPO: Reinforced Token Optimization for RLHF', 16, 'dpo-meets-ppo'],
  ])('%j with maxLength %i → %j', (title, max, expected) => {
    expect(slugFromTitle(title, max)).toBe(expected);
  });
});

describe('slugFromTitle strips math and markup', () => {
  it.each([
    ['Sparse $O(n \\log n)$ Attention', 'sparse-attention'],
    ['Learning $\\ell_1$-Sparse Models with $k$ Experts', 'learning-sparse-models-with-experts'],
    ['The \\textbf{Lion} Optimizer', 'the-lion-optimizer'],
    ['Convergence in $\\mathbb{R}^n$', 'convergence-in'],
    ['$x^2$', 'paper'],
  ])('%j → %j', (title, expected) => {
    expect(slugFromTitle(title)).toBe(expected);
  });
});

describe('slugFromTitle on non-Latin titles', () => {
  it.each([
    ['Réseaux de neurones épars pour la vision', 'reseaux-de-neurones-epars-pour-la-vision'],
    ['Über Sparsity', 'ueber-sparsity'],
    ['Zürich Straße', 'zuerich-strasse'],
    ['Разреженные нейронные сети', 'razrezhennye-neyronnye-seti'],
    ['GQSA: 稀疏注意力', 'gqsa'],
  ])('%j → %j', (title, expected) => {
    expect(slugFromTitle(title)).toBe(expected);
  });

  it.each([['深度学习的稀疏注意力'], ['スパース注意機構'], ['희소 어텐션'], ['']])(
    '%j still gives a valid slug',
    (title) => {
      const slug = slugFromTitle(title);
      expect(slug.length).toBeGreaterThan(0);
      expect(slugPattern.safeParse(slug).success).toBe(true);
    },
  );
});

describe('uniqueSlug', () => {
  it.each([
    ['fast-sparse-convnets', [], 'fast-sparse-convnets'],
    ['fast-sparse-convnets', ['fast-sparse-convnets'], 'fast-sparse-convnets-2'],
    ['fast-sparse-convnets', ['fast-sparse-convnets', 'fast-sparse-convnets-2'], 'fast-sparse-convnets-3'],
    // A gap is filled first.
    ['paper', ['paper', 'paper-3'], 'paper-2'],
    ['paper', ['paper-2'], 'paper'],
  ])('%s with %j taken → %s', (base, taken, expected) => {
    expect(uniqueSlug(base, new Set(taken))).toBe(expected);
  });
});
