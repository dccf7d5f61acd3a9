/**
 * Hostile text on import: whatever a source holds ends up as literal frontmatter text, never in
 * an entry's MDX body, and only http(s) links are kept. And the curator's work is never lost: their
 * edits survive re-import, a broken entry is left alone, and no file the import did not create is
 * ever deleted or overwritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { stringify as yamlStringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitNames } from '../../scripts/lib/formats/values.ts';
import { orderedData, parseEntry, serializeEntry } from '../../src/lib/entry-file.ts';
import { httpUrl, type Paper, type PaperInput } from '../../src/lib/paper-schema.ts';
import { cleanText } from '../../src/lib/text.ts';
import { hostileStrings, hostileUrls, safeUrls, type HostileSample } from '../fixtures/hostile.ts';
import { expectCleanRun, makeWork, type ImportWork } from '../support/import-work.ts';

let work: ImportWork;
beforeEach(async () => {
  work = await makeWork();
});
afterEach(async () => {
  await work.remove();
});

// ---------------------------------------------------------------------------------------------
// Sources written in several formats from the same hostile samples

/** What one hostile sample puts in one paper: every text field, and a bad link beside a good one. */
interface Planted {
  sample: HostileSample;
  title: string;
  badUrl: string;
  goodUrl: string;
}

/** A title per sample: the hostile text first (where YAML and MDX are touchiest), then a unique tag. */
function plant(samples: HostileSample[]): Planted[] {
  return samples.map((sample, i) => ({
    sample,
    title: `${sample.text} [${sample.name}]`,
    badUrl: hostileUrls[i % hostileUrls.length].text,
    goodUrl: `${safeUrls[i % safeUrls.length].text}/${sample.name}`,
  }));
}

/** Control characters make a whole text file read as binary (tested in hostile-files); JSON escapes them. */
const textSafe = hostileStrings.filter((s) => s.name !== 'controls');

/** Non-empty strings without repeats, as the import keeps lists; undefined for none. */
const unique = (items: string[]) => {
  const out = [...new Set(items.filter(Boolean))];
  return out.length ? out : undefined;
};

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** TeX escapes, so that the BibTeX reader gives back the literal text. */
const texEscape = (s: string) =>
  s.replace(
    /[\\{}$%&#_~^\-`']/g,
    (c) =>
      ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\^{}', '-': '-{}', '`': '`{}', "'": "'{}" })[c] ??
      `\\${c}`,
  );

const formats: {
  name: string;
  file: string;
  samples: HostileSample[];
  write: (papers: Planted[]) => string;
  /** What the entry's authors and keywords should be for a sample's text. */
  authors: (text: string) => string[] | undefined;
  keywords: (text: string) => string[] | undefined;
  /** Which of the good links the format keeps, and in which field. */
  links: boolean;
}[] = [
  {
    name: 'CSV',
    file: 'papers.csv',
    samples: textSafe,
    write: (papers) =>
      [
        'title,authors,abstract,keywords,url,pdf,code,project,thumbnail,date',
        ...papers.map((p) =>
          [p.title, p.sample.text, p.sample.text, p.sample.text, p.badUrl, p.goodUrl, p.badUrl, p.goodUrl, p.badUrl]
            .map(csvCell)
            .concat('2025-03-12')
            .join(','),
        ),
      ].join('\n'),
    // A CSV cell holds several names (split on ";" and "and") and keywords (split on ";").
    authors: (t) => unique(splitNames(t).map(cleanText)),
    keywords: (t) => unique(t.split(/\s*;\s*/).map(cleanText)),
    links: true,
  },
  {
    name: 'our JSON',
    file: '2025-03-12.json',
    samples: hostileStrings,
    write: (papers) =>
      JSON.stringify(
        papers.map((p) => ({
          title: p.title,
          authors: [p.sample.text, 'Plain Name'],
          abstract: p.sample.text,
          keywords: [p.sample.text],
          summary: p.sample.text,
          organization: p.sample.text,
          links: { abs: p.badUrl, pdf: p.goodUrl, code: p.badUrl, project: p.goodUrl, hf: p.badUrl },
          thumbnail: p.badUrl,
          date: '2025-03-12',
        })),
      ),
    authors: (t) => [cleanText(t), 'Plain Name'].filter(Boolean),
    keywords: (t) => [cleanText(t)].filter(Boolean),
    links: true,
  },
  {
    name: 'our YAML',
    file: '2025-03-12.yaml',
    samples: hostileStrings,
    write: (papers) =>
      yamlStringify(
        papers.map((p) => ({
          title: p.title,
          authors: [p.sample.text, 'Plain Name'],
          abstract: p.sample.text,
          keywords: [p.sample.text],
          links: { abs: p.badUrl, pdf: p.goodUrl, code: p.badUrl, project: p.goodUrl },
          thumbnail: p.badUrl,
        })),
      ),
    authors: (t) => [cleanText(t), 'Plain Name'].filter(Boolean),
    keywords: (t) => [cleanText(t)].filter(Boolean),
    links: true,
  },
  {
    name: 'BibTeX',
    file: '2025-03-12.bib',
    samples: textSafe,
    write: (papers) =>
      papers
        .map(
          (p, i) =>
            `@article{key${i},\n  title = {${texEscape(p.title)}},\n  author = {{${texEscape(p.sample.text)}} and Plain Name},\n` +
            `  abstract = {${texEscape(p.sample.text)}},\n  keywords = {${texEscape(p.sample.text)}},\n  url = {${p.badUrl}}\n}\n`,
        )
        .join('\n'),
    authors: (t) => [cleanText(t), 'Plain Name'].filter(Boolean),
    keywords: (t) => unique(t.split(/[,;]/).map(cleanText))?.sort(),
    links: false,
  },
  {
    name: 'a pasted listing',
    file: '2025-03-12-papers.txt',
    // A blank line would end the paragraph, so the samples' blank lines are folded.
    samples: textSafe.map((s) => ({ ...s, text: s.text.replace(/\n\s*\n/g, '\n') })),
    write: (papers) =>
      `Mar 12\n\n${papers.map((p) => `${p.title}\n\n${p.sample.text}\n${'Padding sentence for length. '.repeat(12)}`).join('\n\n')}\n`,
    authors: () => [],
    keywords: () => undefined,
    links: false,
  },
];

describe.each(formats)('hostile text from $name', (format) => {
  const planted = plant(format.samples);
  let byTitle: Map<string, { path: string; data: Paper; body: string }>;

  beforeEach(async () => {
    const path = await work.source(format.file, format.write(planted));
    const summary = await work.run([path], { date: '2025-03-12' });
    expect(summary.problems).toEqual([]);
    expect(summary.created).toHaveLength(planted.length);
    await expectCleanRun(work, summary);
    byTitle = await work.entries();
  });

  it('is stored as the literal text in every field', () => {
    for (const p of planted) {
      const entry = byTitle.get(cleanText(p.title));
      expect(entry, p.sample.name).toBeDefined();
      const { data } = entry!;
      const abstract = cleanText(p.sample.text);
      // A listing's abstract paragraph goes on with the padding that makes it read as one.
      if (format.name === 'a pasted listing') expect(data.abstract!.startsWith(abstract), p.sample.name).toBe(true);
      else expect(data.abstract ?? '', p.sample.name).toBe(abstract);
      expect(data.authors, p.sample.name).toEqual(format.authors(p.sample.text) ?? []);
      const keywords = format.name === 'BibTeX' ? data.keywords?.toSorted() : data.keywords; // the reader sorts them
      expect(keywords, p.sample.name).toEqual(format.keywords(p.sample.text));
    }
  });

  it('never reaches the MDX body, and the file has exactly one frontmatter block', async () => {
    for (const { path, body } of byTitle.values()) {
      expect(body).toBe('');
      const text = await readFile(path, 'utf8');
      const fences = text.split('\n').filter((line) => line === '---');
      expect(fences).toHaveLength(2);
      expect(text.startsWith('---\n') && text.endsWith('\n---\n')).toBe(true);
      // Astro reads entries that carry notes with js-yaml: it must see the same data.
      expect(matter(text, { language: 'yaml' }).data).toEqual(parseEntry(text).data);
    }
  });

  it('keeps only http(s) links', () => {
    for (const p of planted) {
      const { data } = byTitle.get(cleanText(p.title))!;
      const urls = [...Object.values(data.links), data.thumbnail].filter((u) => u !== undefined);
      for (const url of urls) expect(httpUrl.safeParse(url).success, url).toBe(true);
      expect(urls).not.toContain(p.badUrl.trim());
      if (format.links) expect(data.links).toMatchObject({ pdf: p.goodUrl, project: p.goodUrl });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Curator safety. tests/unit/import.test.ts covers a body, edited topics, hidden, featured and
// title surviving an unchanged re-import, and four kinds of broken entries; these add the rest.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const samplePath = join(repoRoot, 'content/sources/2025-03-12-papers.txt');
const slug = 'instantsplat-unbounded-sparse-view-pose-free-gaussian';
const entryAt = () => join(work.papersDir, '2025', '03', `${slug}.mdx`);

async function editEntry(path: string, edit: (data: PaperInput) => PaperInput, body?: string) {
  const { data, body: oldBody } = parseEntry(await readFile(path, 'utf8'));
  await writeFile(path, serializeEntry(edit(data as PaperInput), body ?? oldBody));
}

describe('curator edits survive a re-import that rewrites the entry', () => {
  const bodies: [string, string][] = [
    ['MDX with hostile text', `\n${hostileStrings.map((s) => s.text).join('\n\n')}\n`],
    ['a second frontmatter-looking block', '---\ntitle: fake\nslug: fake\n---\nNotes.\n'],
    ['CRLF line ends', '\r\nLine one.\r\n\r\nLine two.\r\n'],
    ['no final newline', 'Just a line'],
  ];

  it.each(bodies)('a body with %s, a new slug, featured, hidden and topics', async (_case, body) => {
    await work.run([samplePath]);
    // The curator renames the slug (the file keeps its name), flags the paper and writes notes;
    // dropping the abstract makes the next import fill it in, so the entry is rewritten.
    const edit = (d: PaperInput): PaperInput => ({
      ...d,
      slug: 'instantsplat',
      featured: true,
      hidden: false,
      topics: ['optimization'],
      abstract: undefined,
    });
    await editEntry(entryAt(), edit, body);
    const summary = await work.run([samplePath]);
    expect(summary.updated).toEqual([entryAt()]);
    expect(summary.created).toEqual([]);
    const { data, body: after } = parseEntry(await readFile(entryAt(), 'utf8'));
    expect(after).toBe(body);
    expect(data).toMatchObject({ slug: 'instantsplat', featured: true, hidden: false, topics: ['optimization'] });
    expect(String(data.abstract)).toMatch(/^While novel view synthesis/);
  });

  it('a renamed slug frees neither the old file name nor the new slug for another paper', async () => {
    await work.run([samplePath]);
    await editEntry(entryAt(), (d) => ({ ...d, slug: 'instantsplat' }));
    const before = await readFile(entryAt(), 'utf8');
    // Two new papers whose titles make the entry's old and new slugs.
    const clash = [
      { title: 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian (another paper)', authors: ['Someone Else'] },
      { title: 'InstantSplat', authors: ['Someone Else'] },
    ].map((p, i) => ({ ...p, abstract: 'Different.', date: '2025-03-20', doi: `10.1000/clash${i}` }));
    const summary = await work.run([await work.source('2025-03-20.json', JSON.stringify(clash))]);
    expect(summary.problems).toEqual([]);
    expect(await readFile(entryAt(), 'utf8')).toBe(before);
    const slugs = summary.created.map((p) => p.replace(/^.*\//, ''));
    expect(slugs).toHaveLength(2);
    expect(slugs).not.toContain(`${slug}.mdx`);
    expect(slugs).not.toContain('instantsplat.mdx');
  });
});

describe('an entry the curator broke', () => {
  it.each<[string, (text: string) => string | Buffer]>([
    ['merge-conflict markers', (t) => t.replace(/^title: .*$/m, '<<<<<<< HEAD\n$&\n=======\ntitle: Theirs\n>>>>>>> x')],
    ['binary junk', () => Buffer.from([0x00, 0xff, 0x10, 0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x7f])],
    ['a list for frontmatter', (t) => `---\n- ${t.split('\n')[1]}\n---\n`],
    ['a duplicated key', (t) => t.replace(/^(title: .*)$/m, '$1\n$1')],
    ['an anchor and alias bomb', (t) => t.replace(/^title: .*$/m, 'title: &a [*a, *a]')],
    ['nothing in it', () => ''],
    ['UTF-16 text', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
  ])('with %s is reported, left byte-identical, and its paper not duplicated', async (_case, breakIt) => {
    await work.run([samplePath]);
    const broken = breakIt(await readFile(entryAt(), 'utf8'));
    await writeFile(entryAt(), broken);
    const before = await work.files(work.papersDir);
    const summary = await work.run([samplePath]);
    expect(summary.problems.find((p) => p.file === entryAt())).toBeDefined();
    await expectCleanRun(work, { ...summary, problems: [] });
    const after = await work.files(work.papersDir);
    expect(after.get(join('2025', '03', `${slug}.mdx`))).toEqual(before.get(join('2025', '03', `${slug}.mdx`)));
    // At most one new file, and never one that reuses the broken entry's name.
    const added = [...after.keys()].filter((f) => !before.has(f));
    expect(added.length).toBeLessThanOrEqual(1);
    for (const f of added) expect(f).toMatch(new RegExp(`${slug}-\\d+\\.mdx$`));
  });
});

describe('files the import did not create', () => {
  it('survive every kind of run, byte for byte', async () => {
    const papersExtras: [string, string | Buffer][] = [
      ['.gitkeep', ''],
      ['notes.txt', 'my notes'],
      ['2025/03/figure.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])],
      ['2025/03/a-good-paper.mdx.12345.tmp', 'a temporary file from another program'],
      // An .mdx that is not an entry sits where the new entry would go: it is reported, not overwritten.
      ['2025/03/a-good-paper.mdx', 'My own draft, not an entry.\n'],
    ];
    for (const [name, content] of papersExtras) await work.source(join('..', 'papers', name), content);
    const readme = await work.source('README.md', '# My sources\n\nNothing to import here.\n');
    await work.source('.DS_Store', Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    await work.source('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await work.source(
      '2025-03-12.json',
      JSON.stringify([{ title: 'A Good Paper', authors: ['Ada Lovelace'], date: '2025-03-12' }]),
    );
    const extras = await work.files();

    for (const options of [{}, { dryRun: true }, { strict: true }, {}]) {
      const summary = await work.run([work.sourcesDir], options);
      expect(summary.notices.map((n) => n.file)).toContain(readme);
      const now = await work.files();
      for (const [name, bytes] of extras) expect(now.get(name), name).toEqual(bytes);
    }
    const created = [...(await work.files(work.papersDir)).keys()].filter((f) => !extras.has(join('papers', f)));
    expect(created).toEqual([join('2025', '03', 'a-good-paper-2.mdx')]);
    expect((await work.entries()).get('A Good Paper')?.path).toBe(
      join(work.papersDir, '2025', '03', 'a-good-paper-2.mdx'),
    );
  });

  it('an entry whose data the schema no longer accepts is kept as it is', async () => {
    await work.run([samplePath]);
    const { data, body } = parseEntry(await readFile(entryAt(), 'utf8'));
    const odd = `---\n${yamlStringify({ ...orderedData(data as PaperInput), rating: 5 })}---\n${body}`;
    await writeFile(entryAt(), odd);
    const summary = await work.run([samplePath]);
    expect(summary.problems[0]).toMatchObject({ file: entryAt() });
    expect(await readFile(entryAt(), 'utf8')).toBe(odd);
  });
});
