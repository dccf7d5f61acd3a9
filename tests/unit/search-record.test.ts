import { describe, expect, it } from 'vitest';
import { paperSchema, type PaperInput } from '../../src/lib/paper-schema.ts';
import { notesText, searchPage } from '../../src/lib/search-record.ts';

const paper = (fields: Partial<PaperInput> = {}) =>
  paperSchema.parse({
    id: 'arxiv:2403.20309',
    slug: 'instantsplat',
    title: 'InstantSplat: Sparse-view Gaussian Splatting in Seconds',
    authors: ['Zhiwen Fan', 'Wenyan Cong'],
    abstract: 'We bring DUSt3R to sparse-view synthesis.',
    date: '2025-03-12',
    topics: ['sparse-view-3d'],
    upvotes: 12,
    ...fields,
  });
const names = new Map([['sparse-view-3d', 'Sparse-view 3D']]);
const page = (fields: Partial<PaperInput> = {}, notes = '') =>
  searchPage(paper(fields), notes, (id) => names.get(id), 'en');

describe('notesText', () => {
  it.each([
    ['plain words', 'Worth reading.', 'Worth reading.'],
    ['emphasis and links', 'A **fast** [method](https://example.org).', 'A fast method.'],
    ['HTML and MDX tags', 'See <Figure src="a.png" /> and <b>this</b>.', 'See and this.'],
    ['MDX imports', "import Chart from './chart.astro';\n\nShown below.", 'Shown below.'],
    ['code keeps its text', 'Run `pip install x`.', 'Run pip install x.'],
    [
      'blocks stay apart',
      '## Results\n\nStrong gains.\n\n- alpha\n- beta\n\n> quoted',
      'Results Strong gains. alpha beta quoted',
    ],
    [
      'prose that starts with import',
      'import the weights from HF and\nexport results.',
      'import the weights from HF and export results.',
    ],
    ['a multi-line export', 'export const data = {\n  a: 1,\n};\n\nAfter.', 'After.'],
  ])('%s', (_, body, text) => {
    expect(notesText(body)).toBe(text);
  });
});

describe('searchPage', () => {
  it('puts the title in the heading, where Pagefind weighs it above the abstract', () => {
    expect(page().content).toMatch(/<h1>InstantSplat: Sparse-view Gaussian Splatting in Seconds<\/h1>/);
    expect(page().content).toContain('<p>We bring DUSt3R to sparse-view synthesis.</p>');
  });

  it('has a URL under the site root, to which the browser adds the base path', () => {
    expect(page().url).toBe('/papers/instantsplat/');
  });

  it('carries the fields results show, the facets and the sort keys', () => {
    const { content } = page();
    for (const span of [
      '<span data-pagefind-meta="date">2025-03-12</span>',
      '<span data-pagefind-meta="upvotes">12</span>',
      '<span data-pagefind-filter="topic">Sparse-view 3D</span>',
      '<span data-pagefind-filter="author">Wenyan Cong</span>',
      '<span data-pagefind-filter="month">2025-03</span>',
      '<span data-pagefind-sort="date">2025-03-12</span>',
    ])
      expect(content).toContain(span);
  });

  it('indexes math as readable text and imported markup as literal text', () => {
    const { content } = page({ title: 'Attention in $O(n^2)$ <script>alert(1)</script>' });
    expect(content).toContain('<h1>Attention in O(n²) &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(content).not.toContain('<script>');
  });

  it('indexes the summary and the curator’s notes as plain words', () => {
    const { content } = page({ summary: 'Splats in seconds.' }, 'My **take**: <em>great</em>.');
    expect(content).toContain('<p>Splats in seconds.</p>');
    expect(content).toContain('<p>My take: great.</p>');
  });
});
