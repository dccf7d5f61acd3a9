import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listing } from '../../scripts/lib/formats/listing.ts';
import { entryBody, orderedData, parseEntry, serializeEntry } from '../../src/lib/entry-file.ts';
import { paperKeyOrder, paperSchema, type PaperInput } from '../../src/lib/paper-schema.ts';

const samplePath = fileURLToPath(new URL('../../content/sources/2025-03-12-papers.txt', import.meta.url));
const records = listing.parse(
  { path: samplePath, name: '2025-03-12-papers.txt', text: readFileSync(samplePath, 'utf8') },
  {},
).records;
const instantSplat = records.find((r) => r.title!.startsWith('InstantSplat'))!;

/** A full entry built from a real record of the sample. */
const realEntry: PaperInput = {
  id: 'title:5a0e4f2c9d7b1e33',
  slug: 'instantsplat-unbounded-sparse-view-pose-free-gaussian',
  title: instantSplat.title!,
  authors: ['Zhiwen Fan', 'Wenyan Cong'],
  abstract: instantSplat.abstract,
  date: '2025-03-12',
  published: '2024-03-29',
  topics: ['sparse-view-3d'],
  links: {
    abs: 'https://arxiv.org/abs/2403.20309',
    pdf: 'https://arxiv.org/pdf/2403.20309',
    project: 'https://instantsplat.github.io',
  },
  upvotes: 12,
  comments: 0,
  keywords: ['gaussian splatting', 'pose-free'],
  sources: ['2025-03-12-papers.txt'],
  hidden: false,
  featured: true,
};

const minimal = (title: string): PaperInput => ({ id: 'title:0000000000000000', slug: 'x', title, date: '2025-03-12' });

describe('serializeEntry then parseEntry', () => {
  it('round-trips a real entry', () => {
    const text = serializeEntry(realEntry, '');
    const { data, body } = parseEntry(text);
    expect(data).toEqual(realEntry);
    expect(body).toBe('');
    expect(paperSchema.safeParse(data).success).toBe(true);
    // A second trip gives the very same bytes.
    expect(serializeEntry(data as PaperInput, body)).toBe(text);
  });

  it.each([
    ['empty', ''],
    ['one newline', '\n'],
    ['a leading blank line', '\nMy notes start after a blank line.\n'],
    ['several leading blank lines', '\n\n\nText\n'],
    ['--- lines', 'Before\n---\nbetween rules\n---\n'],
    ['a --- first line', '---\nnot frontmatter\n---\n'],
    ['frontmatter-looking text', '---\ntitle: fake\n---\nbody\n'],
    [
      'MDX with JSX, import and expressions',
      'import Figure from \'../../components/Figure.astro\';\n\n<Figure src="a.png" caption={`Fig. ${1}`} />\n\nexport const meta = { a: 1 };\n\n{/* curator comment */}\n',
    ],
    ['CRLF line ends', 'line one\r\nline two\r\n'],
    ['leading spaces', '    indented code\n'],
    ['no final newline', 'last line'],
    ['unicode', '注释 — ok ✓\n'],
  ])('keeps a body with %s byte for byte', (_case, body) => {
    const text = serializeEntry(realEntry, body);
    expect(text.endsWith(`\n---\n${body}`)).toBe(true);
    const parsed = parseEntry(text);
    expect(parsed.body).toBe(body);
    expect(parsed.data).toEqual(realEntry);
    expect(serializeEntry(parsed.data as PaperInput, parsed.body)).toBe(text);
  });
});

describe('YAML specials in a title', () => {
  it.each([
    'key: value # x & *alias @at | > %',
    '--- leading rule',
    '---',
    '"double" quotes',
    "'single' quotes",
    `mixed "double" and 'single'`,
    'back\\slash and \\n and \\\\',
    'C:\\path\\to\\file',
    '- looks like a list',
    '? looks like a key',
    '!tag',
    '&anchor',
    '*alias',
    '[a, b]',
    '{a: b}',
    '# comment',
    '@at',
    '`backtick`',
    '% directive',
    'yes',
    'No',
    'on',
    'OFF',
    'null',
    '~',
    'true',
    '12',
    '1e3',
    '0x1F',
    '0o17',
    '2025-03-12',
    '12:30',
    ' leading space',
    'trailing space ',
    'tab\tinside',
    'S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
    'ProSper -- A Python Library for Probabilistic Sparse Coding with Non-Standard Priors and Superpositions',
    "Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence",
    'Learning $\\ell_1$-Sparse Models',
    '深度学习的稀疏注意力',
  ])('%j round-trips exactly', (title) => {
    const text = serializeEntry(minimal(title), 'body\n');
    const { data, body } = parseEntry(text);
    expect(data.title).toBe(title);
    expect(body).toBe('body\n');
    // Other YAML readers (gray-matter's own js-yaml) read the same text.
    expect(matter(text).data.title).toBe(title);
  });
});

describe('key order', () => {
  it('writes keys in the schema order whatever order they come in', () => {
    const shuffled = Object.fromEntries(Object.entries(realEntry).reverse()) as PaperInput;
    const text = serializeEntry(shuffled, '');
    const written = [...text.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    const expected = paperKeyOrder.filter((k) => k in realEntry);
    expect(written).toEqual(expected);
    expect(Object.keys(parseEntry(text).data)).toEqual(expected);
    expect(serializeEntry(shuffled, '')).toBe(serializeEntry(realEntry, ''));
  });

  it('starts with id, slug, title, authors', () => {
    expect(paperKeyOrder.slice(0, 4)).toEqual(['id', 'slug', 'title', 'authors']);
  });
});

describe('empty fields', () => {
  it.each([
    ['authors', []],
    ['abstract', ''],
    ['abstract', undefined],
    ['topics', []],
    ['keywords', []],
    ['links', {}],
    ['links', { abs: undefined, pdf: '' }],
    ['summary', null],
    ['sources', []],
  ])('%s = %j is left out', (key, value) => {
    const text = serializeEntry({ ...minimal('T'), [key]: value } as PaperInput, '');
    expect(text).not.toMatch(new RegExp(`^${key}:`, 'm'));
    expect(Object.keys(parseEntry(text).data)).toEqual(['id', 'slug', 'title', 'date']);
  });

  it.each([
    ['hidden', false],
    ['upvotes', 0],
    ['comments', 0],
  ])('%s = %j is kept', (key, value) => {
    const { data } = parseEntry(serializeEntry({ ...minimal('T'), [key]: value } as PaperInput, ''));
    expect(data[key]).toBe(value);
  });

  it('keeps only the non-empty links', () => {
    const data = { ...minimal('T'), links: { abs: 'https://arxiv.org/abs/2403.20309', pdf: '', code: undefined } };
    expect(orderedData(data).links).toEqual({ abs: 'https://arxiv.org/abs/2403.20309' });
  });
});

describe('dates stay strings', () => {
  it.each([
    ['date: 2025-03-12', 'date', '2025-03-12'],
    ['date: "2025-03-12"', 'date', '2025-03-12'],
    ["date: '2025-03-12'", 'date', '2025-03-12'],
    ['published: 2024-03-29', 'published', '2024-03-29'],
  ])('%s is read as the string %s', (line, key, expected) => {
    const { data } = parseEntry(`---\nid: title:0000000000000000\nslug: x\ntitle: T\n${line}\n---\n`);
    expect(data[key]).toBe(expected);
  });

  it('writes the date quoted, so a YAML 1.1 reader sees a string too', () => {
    const text = serializeEntry(realEntry, '');
    expect(text).toContain('\ndate: "2025-03-12"\n');
    expect(text).toContain('\npublished: "2024-03-29"\n');
    const frontmatter = text.split('---\n')[1];
    expect(parse(frontmatter, { schema: 'yaml-1.1' }).date).toBe('2025-03-12');
    expect(matter(text).data.date).toBe('2025-03-12');
  });
});

describe('parseEntry on a curator-written file', () => {
  it('reads hand-written YAML types', () => {
    const text = [
      '---',
      'id: title:0000000000000000',
      'slug: fast-sparse-convnets',
      'title: Fast Sparse ConvNets',
      'date: 2025-03-12',
      'hidden: true',
      'upvotes: 12',
      'topics: [sparse-training, efficient-inference]',
      '---',
      'My notes.',
      '',
    ].join('\n');
    const { data, body } = parseEntry(text);
    expect(data).toEqual({
      id: 'title:0000000000000000',
      slug: 'fast-sparse-convnets',
      title: 'Fast Sparse ConvNets',
      date: '2025-03-12',
      hidden: true,
      upvotes: 12,
      topics: ['sparse-training', 'efficient-inference'],
    });
    expect(body).toBe('My notes.\n');
  });

  it.each([
    ['an unclosed flow sequence', '---\ntitle: [unclosed\n---\n'],
    ['a bad indentation', '---\ntitle: a\n  b: c\n---\n'],
  ])('throws on %s', (_case, text) => {
    expect(() => parseEntry(text)).toThrow();
  });
});

describe('entryBody', () => {
  it.each([
    ['notes after frontmatter', '---\ntitle: A\n---\nMy notes.\n', 'My notes.\n'],
    ['no notes', '---\ntitle: A\n---\n', ''],
    ['a rule in the notes', '---\ntitle: A\n---\nOne\n\n---\n\nTwo\n', 'One\n\n---\n\nTwo\n'],
    ['CRLF line ends', '---\r\ntitle: A\r\n---\r\nNotes\r\n', 'Notes\r\n'],
    ['broken YAML above the notes', '---\ntitle: [unclosed\n---\nStill notes.\n', 'Still notes.\n'],
  ])('splits %s as parseEntry does, without reading the YAML', (_case, text, body) => {
    expect(entryBody(text)).toBe(body);
    if (!text.includes('[unclosed')) expect(parseEntry(text).body).toBe(body);
  });
});

describe('parseEntry on characters js-yaml refuses', () => {
  it.each([
    ['a form feed', 'A\fB'],
    ['a C1 control', 'A\u0085B\u0090C'],
  ])('still reads %s pasted into a hand-edited entry', (_case, title) => {
    const { data } = parseEntry(`---\ntitle: ${title}\n---\n`);
    expect(data.title).toBe(parse(`title: ${title}`, { schema: 'core' }).title);
  });
});
