import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import {
  arxivId,
  bibtex,
  bibtexDigest,
  bibtexEntry,
  citationKey,
  cslName,
  doi,
  formatCitation,
  highwireTags,
  jsonLd,
  jsonLdScript,
  toCsl,
} from '../../src/lib/citation.ts';
import { paperSchema, type Paper, type PaperInput } from '../../src/lib/paper-schema.ts';

/** A valid paper: InstantSplat as the arXiv sources give it, with `fields` changed. */
const paper = (fields: Partial<PaperInput> = {}) =>
  paperSchema.parse({
    id: 'arxiv:2403.20309',
    slug: 'instantsplat-unbounded-sparse-view-pose-free-gaussian',
    title: 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
    authors: ['Zhiwen Fan', 'Wenyan Cong', 'Kairun Wen'],
    abstract: 'While novel view synthesis (NVS) has made substantial progress in 3D computer vision.',
    date: '2025-03-12',
    published: '2024-03-29',
    links: { abs: 'https://arxiv.org/abs/2403.20309', pdf: 'https://arxiv.org/pdf/2403.20309' },
    topics: ['sparse-view-3d'],
    ...fields,
  });

const url = 'https://papers.example.org/papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/';
const urlOf = (p: { slug: string }) => `https://papers.example.org/papers/${p.slug}/`;

describe('arxivId and doi', () => {
  it.each([
    [{}, '2403.20309', undefined],
    [{ id: 'title:e3ac32cedda80e71', links: { abs: 'https://arxiv.org/abs/2403.20309v2' } }, '2403.20309', undefined],
    [{ id: 'title:x', links: { pdf: 'https://arxiv.org/pdf/2403.20309.pdf' } }, '2403.20309', undefined],
    [{ id: 'title:x', links: { abs: 'https://arxiv.org/abs/hep-th/9901001' } }, 'hep-th/9901001', undefined],
    [{ id: 'title:x', links: { abs: 'https://notarxiv.org/abs/2403.20309' } }, undefined, undefined],
    [{ id: 'doi:10.1145/3592433', links: {} }, undefined, '10.1145/3592433'],
    [
      { id: 'title:x', links: { abs: 'https://doi.org/10.1109/CVPR.2024.00123' } },
      undefined,
      '10.1109/CVPR.2024.00123',
    ],
    [{ id: 'title:x', links: { abs: 'https://dx.doi.org/10.1000/a%2Fb' } }, undefined, '10.1000/a/b'],
  ])('%j → arXiv %s, DOI %s', (fields, arxiv, expectedDoi) => {
    const p = paper(fields as Partial<PaperInput>);
    expect(arxivId(p)).toBe(arxiv);
    expect(doi(p)).toBe(expectedDoi);
  });
});

describe('cslName', () => {
  it.each([
    ['Zhiwen Fan', { given: 'Zhiwen', family: 'Fan' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Ludwig van Beethoven', { given: 'Ludwig', family: 'Beethoven', 'non-dropping-particle': 'van' }],
    ['Jan van der Berg', { given: 'Jan', family: 'Berg', 'non-dropping-particle': 'van der' }],
    ['Van Anh Nguyen', { given: 'Van Anh', family: 'Nguyen' }],
    ['Fan, Zhiwen', { given: 'Zhiwen', family: 'Fan' }],
    ['Tsinghua', { literal: 'Tsinghua' }],
    ['张三', { literal: '张三' }],
  ])('%j', (name, expected) => {
    expect(cslName(name)).toEqual(expected);
  });
});

describe('citationKey', () => {
  it.each([
    [{}, 'fan2024instantsplat'],
    [{ published: undefined }, 'fan2025instantsplat'],
    [{ title: 'The Unreasonable Effectiveness of Random Pruning', authors: ['Shiwei Liu'] }, 'liu2024unreasonable'],
    [{ title: 'S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning' }, 'fan2024s2ft'],
    [{ title: '$\\alpha$-Divergence Rules', authors: ['José Müller'] }, 'muller2024divergence'],
    [{ title: 'On the Convergence', authors: ['Ludwig van Beethoven'] }, 'beethoven2024convergence'],
    [{ title: 'A Study', authors: [] }, 'anon2024study'],
    [{ title: 'On the', authors: ['张三'] }, 'anon2024on'],
    [{ title: '深度学习', authors: ['Li'] }, 'li2024paper'],
  ])('%j → %s', (fields, expected) => {
    expect(citationKey(paper(fields as Partial<PaperInput>))).toBe(expected);
  });
});

describe('toCsl', () => {
  it('makes a CSL-JSON item citation-js reads', () => {
    const item = toCsl(
      paper({ title: 'Bounds of $\\mathcal{O}(\\epsilon^{-3})$', keywords: ['3DGS', 'pose-free'] }),
      url,
    );
    expect(item).toEqual({
      id: 'arxiv:2403.20309',
      type: 'article',
      title: 'Bounds of O(ε⁻³)',
      author: [
        { given: 'Zhiwen', family: 'Fan' },
        { given: 'Wenyan', family: 'Cong' },
        { given: 'Kairun', family: 'Wen' },
      ],
      issued: { 'date-parts': [[2024, 3, 29]] },
      abstract: 'While novel view synthesis (NVS) has made substantial progress in 3D computer vision.',
      URL: url,
      publisher: 'arXiv',
      number: 'arXiv:2403.20309',
      keyword: '3DGS, pose-free',
    });
  });

  it('uses the digest day when the paper has no date of its own, and gives the DOI', () => {
    const item = toCsl(paper({ id: 'doi:10.1145/3592433', published: undefined, links: {}, abstract: undefined }), url);
    expect(item.issued).toEqual({ 'date-parts': [[2025, 3, 12]] });
    expect(item.DOI).toBe('10.1145/3592433');
    expect(item).not.toHaveProperty('publisher');
    expect(item).not.toHaveProperty('abstract');
  });

  it('formats as an APA reference through citation-js', () => {
    expect(formatCitation(paper(), url)).toBe(
      `Fan, Z., Cong, W., & Wen, K. (2024). InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds (arXiv:2403.20309). arXiv. ${url}`,
    );
  });
});

describe('bibtex', () => {
  it('writes one arXiv paper the way arXiv does', () => {
    expect(bibtex(paper({ keywords: ['cs.CV'] }), urlOf)).toBe(
      [
        '@misc{fan2024instantsplat,',
        '  title = {InstantSplat: Unbounded {Sparse}-view {Pose}-free {Gaussian} {Splatting} in 40 {Seconds}},',
        '  author = {Fan, Zhiwen and Cong, Wenyan and Wen, Kairun},',
        '  year = {2024},',
        '  month = mar,',
        '  eprint = {2403.20309},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CV},',
        `  url = {${url}},`,
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives a paper with only a DOI its doi field', () => {
    const text = bibtex(paper({ id: 'doi:10.1145/3592433', links: {}, published: '2023-07-26' }), urlOf);
    expect(text).toContain('  doi = {10.1145/3592433},\n');
    expect(text).toContain('  month = jul,\n');
    expect(text).not.toMatch(/eprint|archivePrefix|publisher/);
  });

  it('keeps keys unique within the output, in list order', () => {
    const text = bibtex(
      [paper(), paper({ slug: 'other' }), paper({ slug: 'third' }), paper({ title: 'Other' })],
      urlOf,
    );
    const keys = [...text.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual(['fan2024instantsplat', 'fan2024instantsplatb', 'fan2024instantsplatc', 'fan2024other']);
  });

  it.each([
    ['Mutual Choice & Feature Choice: 50% of under_score #1', 'Mutual Choice & Feature Choice: 50% of under_score #1'],
    ['<script>alert(1)</script> {braces} ~ ^ \\ back', '<script>alert(1)</script> {braces} ~ ^ \\ back'],
    ['Déjà Vu — “Quoted” Ünïcode', 'Déjà Vu — “Quoted” Ünïcode'],
    ['中文标题 with emoji 🤗', '中文标题 with emoji 🤗'],
    ['S^{2}FT: Efficient', 'S2FT: Efficient'],
    ['Sinkhorn in $O(n^2)$ and $\\alpha$-nets', 'Sinkhorn in O(n²) and α-nets'],
    ['zqx0zqx is not a token', 'zqx0zqx is not a token'],
  ])('escapes %j so a BibTeX parser reads it back', (title, expected) => {
    const authors = ['José Müller', 'Ludwig van Beethoven', '张三 Li', 'Martin Luther King Jr.'];
    const text = bibtex([paper({ title, authors }), paper({ title, authors })], urlOf);
    const library = parseBibtex(text, { sentenceCase: false, caseProtection: false, english: false });
    expect(library.entries).toHaveLength(2);
    expect(library.errors).toEqual([]);
    const fields = JSON.parse(JSON.stringify(library.entries[0].fields).normalize('NFC'));
    expect(fields.title.replace(/\s+/g, ' ')).toBe(expected);
    expect(fields.author).toEqual([
      { firstName: 'José', lastName: 'Müller' },
      { firstName: 'Ludwig', lastName: 'Beethoven', prefix: 'van' },
      { firstName: '张三', lastName: 'Li' },
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' },
    ]);
    expect(fields.url).toBe(urlOf(paper()));
  });

  it('takes entries made ahead as they are, giving a repeated key its letter', () => {
    const list = [paper(), paper({ slug: 'other' }), paper({ title: 'Other' }), paper({ title: 'Déjà $x^2$' })];
    const made = new Map(list.map((p) => [p.slug + p.title, [bibtexDigest(p, urlOf(p)), bibtexEntry(p, urlOf(p))]]));
    const known = (p: Paper, url: string) => {
      const [digest, text] = made.get(p.slug + p.title)!;
      return digest === bibtexDigest(p, url) ? text : undefined;
    };
    const asked: string[] = [];
    expect(bibtex(list, urlOf, (p, url) => (asked.push(p.slug), known(p, url)))).toBe(bibtex(list, urlOf));
    expect(asked).toHaveLength(4);
    // A paper changed since its entry was made is written afresh.
    const changed = paper({ title: 'Other', authors: ['Someone Else'] });
    expect(bibtexDigest(changed, urlOf(changed))).not.toBe(bibtexDigest(list[2], urlOf(list[2])));
    expect(bibtex([changed], urlOf, known)).toContain('author = {Else, Someone}');
  });

  it('keeps math as TeX', () => {
    expect(bibtex(paper({ title: 'Rates of $\\mathcal{O}(\\epsilon^{-3})$' }), urlOf)).toContain(
      'title = {Rates of $\\mathcal{O}(\\epsilon^{-3})$},',
    );
  });
});

describe('highwireTags', () => {
  it('names the paper for Google Scholar', () => {
    expect(highwireTags(paper({ id: 'doi:10.48550/arXiv.2403.20309' }), { url })).toEqual([
      {
        name: 'citation_title',
        content: 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      },
      { name: 'citation_author', content: 'Zhiwen Fan' },
      { name: 'citation_author', content: 'Wenyan Cong' },
      { name: 'citation_author', content: 'Kairun Wen' },
      { name: 'citation_publication_date', content: '2024/03/29' },
      { name: 'citation_date', content: '2024/03/29' },
      { name: 'citation_online_date', content: '2025/03/12' },
      { name: 'citation_arxiv_id', content: '2403.20309' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2403.20309' },
      { name: 'citation_doi', content: '10.48550/arXiv.2403.20309' },
      { name: 'citation_abstract_html_url', content: url },
    ]);
  });

  it.each([
    [{ links: { abs: 'https://arxiv.org/abs/2403.20309' } }, 'https://arxiv.org/pdf/2403.20309'],
    [{ id: 'title:x', links: { pdf: 'https://example.org/paper.pdf' } }, 'https://example.org/paper.pdf'],
    [{ id: 'title:x', links: {} }, undefined],
  ])('finds the PDF of %j', (fields, pdf) => {
    const tags = highwireTags(paper(fields as Partial<PaperInput>), { url });
    expect(tags.find((t) => t.name === 'citation_pdf_url')?.content).toBe(pdf);
  });

  it('gives plain-text titles and one date when there is no publication date', () => {
    const tags = highwireTags(paper({ title: 'Bounds $\\mathcal{O}(\\epsilon^{-3})$', published: undefined }), { url });
    expect(tags[0].content).toBe('Bounds O(ε⁻³)');
    expect(tags.filter((t) => t.name.endsWith('date')).map((t) => t.content)).toEqual(['2025/03/12', '2025/03/12']);
  });
});

describe('jsonLd', () => {
  const topics = new Map([['sparse-view-3d', { name: 'Sparse-view 3D reconstruction' }]]);

  it('describes the paper as a schema.org ScholarlyArticle', () => {
    expect(jsonLd(paper({ keywords: ['3DGS'] }), url, topics)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': url,
      url,
      headline: 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      name: 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      author: [
        { '@type': 'Person', name: 'Zhiwen Fan' },
        { '@type': 'Person', name: 'Wenyan Cong' },
        { '@type': 'Person', name: 'Kairun Wen' },
      ],
      datePublished: '2024-03-29',
      abstract: 'While novel view synthesis (NVS) has made substantial progress in 3D computer vision.',
      sameAs: ['https://arxiv.org/abs/2403.20309'],
      identifier: 'arXiv:2403.20309',
      keywords: ['Sparse-view 3D reconstruction', '3DGS'],
    });
  });

  it('links the DOI, cuts a long headline and leaves out what is unknown', () => {
    const long = `A ${'very '.repeat(30)}long title`;
    const data = jsonLd(paper({ id: 'doi:10.1/x', links: {}, title: long, abstract: undefined, topics: [] }), url);
    expect(data.sameAs).toEqual(['https://doi.org/10.1/x']);
    expect((data.headline as string).length).toBeLessThanOrEqual(111);
    expect(data.name).toBe(long);
    expect(data).not.toHaveProperty('abstract');
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('identifier');
  });

  it('serializes so a title cannot close the script element', () => {
    const text = jsonLdScript(jsonLd(paper({ title: '</script><script>alert(1)</script> & more' }), url));
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script> & more');
  });
});
