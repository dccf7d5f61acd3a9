import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimSlugs, readEntries, readEntry } from '../../src/lib/read-entries.ts';

const front = (lines: string) => `---\n${lines}\n---\n`;
const valid = 'id: "title:a"\nslug: a-paper\ntitle: A paper\ndate: "2025-03-12"';
const entryData = { id: 'title:a', slug: 'a-paper', title: 'A paper', date: '2025-03-12' };

describe('one entry file read', () => {
  it.each([
    ['a valid entry, named after its slug', 'a-paper.mdx', front(valid), { slug: 'a-paper', aliases: undefined }],
    [
      'a renamed slug: the name the file was born with redirects',
      'old-name.mdx',
      front(valid),
      { slug: 'a-paper', aliases: ['old-name'] },
    ],
    [
      "the curator's aliases first, the file's name once",
      'old-name.mdx',
      front(`${valid}\naliases: [older, old-name]`),
      { slug: 'a-paper', aliases: ['older', 'old-name'] },
    ],
    [
      'a slug renamed back: its own slug is no alias, or it would redirect to itself',
      'old-name.mdx',
      front(`${valid}\naliases: [a-paper, older]`),
      { slug: 'a-paper', aliases: ['older', 'old-name'] },
    ],
  ])('%s', (_case, name, text, want) => {
    const entry = readEntry(text, `content/${name}`);
    expect(typeof entry).toBe('object');
    const { paper } = entry as Exclude<typeof entry, string>;
    expect({ slug: paper.slug, aliases: paper.aliases }).toEqual(want);
    // The schema's defaults, as Astro's collection gave them.
    expect(paper.authors).toEqual([]);
    expect(paper.links).toEqual({});
  });

  it('keeps the body exactly as written', () => {
    const entry = readEntry(`${front(valid)}\nMy *notes*.\n`, 'a-paper.mdx');
    expect((entry as { body: string }).body).toBe('\nMy *notes*.\n');
  });

  it.each([
    ['broken YAML', 'title: [unclosed', /^content\/b\.mdx: the frontmatter is not valid YAML: .*line \d+/],
    [
      'a day that does not exist',
      valid.replace('2025-03-12', '2025-13-45'),
      /^content\/b\.mdx: field "date": not a real/,
    ],
    [
      'two bad fields, both named',
      valid.replace('slug: a-paper', 'slug: A Paper').replace('title: A paper', 'title: ""'),
      /field "slug": expected lowercase.*; field "title"/,
    ],
    ['a field the schema does not know', `${valid}\ntitel: typo`, /field "frontmatter": .*titel/],
    ['aliases that are not a list', `${valid}\naliases: old`, /field "aliases": /],
  ])('names the file and the field: %s', (_case, lines, message) => {
    expect(readEntry(front(lines), 'content/b.mdx')).toMatch(message);
  });
});

describe('slugs claimed by entry files', () => {
  it.each([
    [
      'distinct slugs',
      [
        ['a.mdx', ['a']],
        ['b.mdx', ['b', 'old-b']],
      ],
      [],
    ],
    [
      'an alias of one file that is the slug of another',
      [
        ['a.mdx', ['a']],
        ['b.mdx', ['b', 'a']],
      ],
      ['b.mdx: slug "a" is also used by a.mdx'],
    ],
    [
      'a slug two files give',
      [
        ['a.mdx', ['a']],
        ['b.mdx', ['a']],
      ],
      ['b.mdx: slug "a" is also used by a.mdx'],
    ],
  ] as [string, [string, string[]][], string[]][])('%s', (_case, claims, clashes) => {
    const owners = new Map<string, string>();
    expect(claims.map(([file, slugs]) => claimSlugs(owners, file, slugs)).filter(Boolean)).toEqual(clashes);
  });
});

describe('the entries of a folder read for a build', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperboy-entries-'));
    mkdirSync(join(dir, 'papers', '2025'), { recursive: true });
    writeFileSync(join(dir, 'topics.yaml'), '- id: t\n  name: T\n  description: A topic.\n  match: [t]\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves out the entries it cannot read and lists every problem, a shared slug too', () => {
    const write = (name: string, text: string) => writeFileSync(join(dir, 'papers', '2025', name), text);
    write('a-paper.mdx', front(valid));
    write('b.mdx', front(valid.replace('a-paper', 'b').replace('2025-03-12', 'soon')));
    write('c.mdx', front(valid.replace('a-paper', 'c').replace('title:a', 'title:c') + '\naliases: [a-paper]'));
    const read = readEntries(join(dir, 'papers'), join(dir, 'topics.yaml'));
    expect(read.papers.map((p) => p.paper.slug)).toEqual(['a-paper', 'c']);
    expect(read.topics.map((t) => t.id)).toEqual(['t']);
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(/papers\/2025\/b\.mdx: field "date": expected a date as YYYY-MM-DD$/);
    expect(read.problems[1]).toMatch(
      /papers\/2025\/c\.mdx: slug "a-paper" is also used by .*papers\/2025\/a-paper\.mdx$/,
    );
  });

  it('takes the entries the import parsed while their files are unchanged, checked all the same, and reads the others', () => {
    const path = (name: string) => resolve(dir, 'papers/2025', name);
    const write = (name: string, text: string) => writeFileSync(path(name), text);
    const stamp = (name: string) => ({ size: statSync(path(name)).size, mtimeMs: statSync(path(name)).mtimeMs });
    for (const slug of ['a-paper', 'b', 'c', 'd']) write(`${slug}.mdx`, front(valid.replace('a-paper', slug)));
    // Told apart from the files by their titles; one parsed entry fails the schema, as its file would.
    const parsed = new Map([
      [
        path('a-paper.mdx'),
        { data: { ...entryData, title: 'As parsed' }, body: 'Notes.\n', stamp: stamp('a-paper.mdx') },
      ],
      [path('b.mdx'), { data: { ...entryData, slug: 'b', date: 'soon' }, body: '', stamp: stamp('b.mdx') }],
      [path('d.mdx'), { data: { ...entryData, slug: 'd', title: 'As parsed' }, body: '', stamp: stamp('d.mdx') }],
    ]);
    // Saved after the import read it: the file wins.
    write('d.mdx', front(valid.replace('a-paper', 'd').replace('A paper', 'Edited since')));
    const read = readEntries(join(dir, 'papers'), join(dir, 'topics.yaml'), parsed);
    expect(read.papers.map((p) => [p.paper.slug, p.paper.title, p.body])).toEqual([
      ['a-paper', 'As parsed', 'Notes.\n'],
      ['c', 'A paper', ''],
      ['d', 'Edited since', ''],
    ]);
    expect(read.problems).toEqual([expect.stringMatching(/papers\/2025\/b\.mdx: field "date": expected a date/)]);
  });
});
