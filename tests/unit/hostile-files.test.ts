/**
 * Broken and odd source files, run through the whole import into a scratch folder: each one is
 * reported with its file and the line or record (and field) at fault, with no stack trace; good
 * records still import; nothing partial or temporary is left behind.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../scripts/lib/formats/types.ts';
import { maxTextLength } from '../../scripts/lib/import/normalize.ts';
import type { ImportSummary } from '../../scripts/lib/import/run-import.ts';
import { expectCleanRun, makeWork, topicsFile, type ImportWork } from '../support/import-work.ts';

const fixture = (path: string) =>
  readFile(fileURLToPath(new URL(`../fixtures/formats/${path}`, import.meta.url)), 'utf8');

/** An abstract long enough for a pasted listing to take it as one. */
const abstract = (topic: string) => `We study ${topic} in depth, with care. `.repeat(10).trim();
/** A good file imported alongside each broken one: it must always make its entry. */
const goodPaper = { title: 'A Good Paper', authors: ['Ada Lovelace'], abstract: 'Fine.', date: '2025-03-12' };
const json = (papers: object[]) => JSON.stringify(papers, null, 2);

let work: ImportWork;
beforeEach(async () => {
  work = await makeWork();
});
afterEach(async () => {
  await work.remove();
});

/** Imports one source file together with a good one; checks the run is clean and the good paper made it. */
async function importWithGood(name: string, content: string | Uint8Array, options = {}) {
  const good = await work.source('2025-03-12-good.json', json([goodPaper]));
  const path = await work.source(name, content);
  const summary = await work.run([good, path], options);
  await expectCleanRun(work, summary);
  const entries = await work.entries();
  expect(entries.has(goodPaper.title)).toBe(true);
  return { path, summary, entries };
}

/** The problems (or notices) about one file. */
const about = (list: Problem[], path: string) => list.filter((p) => p.file === path);

/** Expects exactly the given problems for a file, each one matched loosely. */
function expectProblems(summary: ImportSummary, path: string, expected: Partial<Record<keyof Problem, unknown>>[]) {
  expect(about(summary.problems, path)).toEqual(expected.map((e) => expect.objectContaining({ file: path, ...e })));
}

describe('cut short', () => {
  it('truncated JSON is reported at the line it ends on', async () => {
    const text = `[\n  {"title": "First", "authors": ["A B"], "abstract": "x", "date": "2025-03-12"},\n  {"title": "Cut sh`;
    const { path, summary } = await importWithGood('2025-03-12-papers.json', text);
    expectProblems(summary, path, [{ line: 3, message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('a JSON file with a stray token names its line', async () => {
    const text = `[\n  {"title": "First", "authors": ["A B"], "date": "2025-03-12"},\n  oops\n]`;
    const { path, summary } = await importWithGood('2025-03-12-papers.json', text);
    expectProblems(summary, path, [{ line: 3, message: "not valid JSON: Unexpected token 'o'" }]);
  });

  it('a cut-short Hugging Face file is reported, not skipped', async () => {
    const { path, summary } = await importWithGood('2025-03-12-hf.json', await fixture('hf-daily/truncated.json'));
    expectProblems(summary, path, [{ line: expect.any(Number), message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('a JSON Lines file with a cut-short last line keeps the lines before it', async () => {
    const line = (id: string, title: string) =>
      JSON.stringify({ id, title, summary: abstract(title), abs: `https://arxiv.org/abs/${id}`, authors: ['A B'] });
    const text = `${line('2503.00001', 'Whole Line')}\n${line('2503.00002', 'Cut Line').slice(0, 60)}`;
    const { path, summary, entries } = await importWithGood('2025-03-19.jsonl', text);
    expectProblems(summary, path, [{ line: 2, record: 2, message: expect.stringMatching(/not valid JSON/) }]);
    expect(entries.has('Whole Line')).toBe(true);
  });
});

describe('not well-formed', () => {
  it('invalid XML names the line', async () => {
    // The first entry's title (opened on line 9, closed on line 10) is closed with the wrong tag.
    const text = (await fixture('arxiv-atom/query.xml')).replace('in local fields</title>', 'in local fields</titel>');
    const { path, summary } = await importWithGood('2025-03-12-arxiv.xml', text);
    expectProblems(summary, path, [{ line: 10, message: expect.stringMatching(/^not valid XML: .*'title'/) }]);
  });

  it('an XML entity bomb is refused quickly', async () => {
    const entities = ['<!ENTITY a "aaaaaaaaaa">']
      .concat('bcdefghij'.split('').map((e, i) => `<!ENTITY ${e} "${`&${'abcdefghij'[i]};`.repeat(10)}">`))
      .join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE feed [\n${entities}\n]>\n<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://arxiv.org/api"/><entry><title>&j;</title></entry></feed>`;
    const start = performance.now();
    const { path, summary } = await importWithGood('bomb.xml', text);
    expect(performance.now() - start).toBeLessThan(5000);
    expectProblems(summary, path, [{ message: expect.stringMatching(/unknown format|not valid XML/) }]);
  });

  it('deep nesting is reported, not a crash', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const row = '|**2021-08-23**|**Deep Survivor**|A B|[2108.00001](http://arxiv.org/abs/2108.00001)|null|';
    const text = `{"SLAM": {"2108.00001": "${row.replace(/"/g, '\\"')}", "2108.00002": ${deep}}}`;
    const { path, summary, entries } = await importWithGood('cv-arxiv-daily.json', text);
    expectProblems(summary, path, [{ record: 2, message: expect.stringContaining('SLAM › 2108.00002') }]);
    expect(entries.has('Deep Survivor')).toBe(true);
  });

  it('a CSV row with an unclosed quote is reported by line; the rows around it import', async () => {
    const text = 'title,authors,date\nBefore,A B,2025-03-12\n"Unclosed,A B,2025-03-12\nAfter,C D,2025-03-12\n';
    const { path, summary } = await importWithGood('papers.csv', text);
    expect(about(summary.problems, path)).toEqual([
      expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(/^bad CSV row/) }),
    ]);
    expect((await work.entries()).has('Before')).toBe(true);
  });
});

describe('encodings and line ends', () => {
  const listing = (title: string) => `Mar 12\n\n${title}\n\n${abstract(title)}\n`;
  const title = 'Müller’s “Étude” of 中文 Splatting';

  it.each<[string, (text: string) => Buffer]>([
    ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['UTF-16 LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16 BE with BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('a listing and a JSON file in %s import with the right text', async (_case, encode) => {
    const good = await work.source('2025-03-12-listing.txt', encode(listing(title).replace(/\n/g, '\r\n')));
    const other = `${title} (JSON)`;
    const data = await work.source('2025-03-12.json', encode(json([{ ...goodPaper, title: other }])));
    const summary = await work.run([good, data]);
    expect(summary.problems).toEqual([]);
    await expectCleanRun(work, summary);
    expect([...(await work.entries()).keys()].sort()).toEqual([title, other].sort());
  });

  it('a Latin-1 (Windows-1252) listing is read as such', async () => {
    const latin1 = 'M\xfcller\x92s \x93\xc9tude\x94 of Splatting';
    const bytes = Buffer.from(listing(latin1), 'latin1');
    const { path, summary, entries } = await importWithGood('2025-03-12-latin1.txt', bytes);
    expect(about(summary.problems, path)).toEqual([]);
    expect(entries.has('Müller’s “Étude” of Splatting')).toBe(true);
  });

  const sources: [string, string][] = [
    ['2025-03-12-listing.txt', listing('A Listing Paper')],
    ['papers.csv', 'title,abstract,date\n"A CSV Paper","Two\nlines.",2025-03-12\n'],
    ['refs.bib', '@article{k,\n  title = {A {BibTeX} Paper},\n  abstract = {Two\n  lines.},\n  year = 2024\n}\n'],
    ['2025-03-12.json', json([{ title: 'A JSON Paper', authors: ['A B'], abstract: 'Two\nlines.' }])],
    ['2025-03-12.yaml', '- title: A YAML Paper\n  authors: [A B]\n  abstract: |\n    Two\n    lines.\n'],
    ['2025-03-19.jsonl', `${JSON.stringify({ id: '2503.00001', title: 'A JSONL Paper', summary: 's', abs: 'x' })}\n`],
  ];

  it.each(sources)('%s with CRLF line ends gives the same entries as with LF', async (name, text) => {
    const lf = join(work.dir, 'lf');
    const crlf = join(work.dir, 'crlf');
    const first = await work.run([await work.source(`lf/${name}`, text)], { papersDir: lf, date: '2025-03-12' });
    const crlfText = text.replace(/\n/g, '\r\n');
    const second = await work.run([await work.source(`crlf/${name}`, crlfText)], {
      papersDir: crlf,
      date: '2025-03-12',
    });
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    const byLf = await work.files(lf);
    expect(byLf.size).toBe(1);
    expect(await work.files(crlf)).toEqual(byLf);
  });

  it('with CRLF line ends, problems name the same lines', async () => {
    const text = 'title,date\nGood,2025-03-12\nBad Day,2025-02-30\n';
    const lf = await work.run([await work.source('lf.csv', text)]);
    const crlf = await work.run([await work.source('crlf.csv', text.replace(/\n/g, '\r\n'))]);
    expect(lf.problems.map((p) => p.line)).toEqual([3]);
    expect(crlf.problems.map((p) => p.line)).toEqual([3]);
  });
});

describe('not text at all', () => {
  /** Bytes from a fixed seed, so the junk is the same on every run. */
  const junk = (size: number, seed = 7) => {
    let x = seed;
    return Buffer.from(Array.from({ length: size }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) & 0xff));
  };

  it.each<[string, Buffer, RegExp]>([
    ['empty.json', Buffer.alloc(0), /file is empty/],
    ['junk.bin', junk(4096), /binary/],
    ['junk-with-utf16-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), junk(4096, 3)]), /binary|unknown format/],
    ['junk-with-utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), junk(4096, 5)]), /binary/],
    ['nul-padded.txt', Buffer.from(`Mar 12\n\nTitle\n\n${abstract('x')}\0\0\0`), /binary/],
  ])('%s is reported by name and nothing else is touched', async (name, bytes, message) => {
    const { path, summary } = await importWithGood(name, bytes);
    expectProblems(summary, path, [{ message: expect.stringMatching(message) }]);
    expect(summary.created).toHaveLength(1);
  });
});

describe(`a field over ${maxTextLength.toLocaleString('en')} characters`, () => {
  const huge = 'Long abstract sentence. '.repeat(440_000); // about 10 MB
  it.each<[string, string, number]>([
    [
      '2025-03-12.json',
      json([
        { ...goodPaper, title: 'Huge', abstract: huge },
        { ...goodPaper, title: 'Small' },
      ]),
      1,
    ],
    ['papers.csv', `title,abstract,date\nHuge,"${huge}",2025-03-12\nSmall,x,2025-03-12\n`, 1],
    ['2025-03-12-list.txt', `Mar 12\n\nHuge\n\n${huge}\n\nSmall\n\n${abstract('small')}\n`, 1],
    // The BibTeX parser itself is slow on megabytes (a few seconds per MB): this one is only just too long.
    [
      'refs.bib',
      `@article{h, title={Huge}, abstract={${'y'.repeat(maxTextLength + 1)}}}\n@article{s, title={Small}}\n`,
      1,
    ],
  ])('%s: the record is reported by its abstract, the others import', async (name, text, record) => {
    const start = performance.now();
    const { path, summary, entries } = await importWithGood(name, text, { date: '2025-03-12' });
    expect(performance.now() - start).toBeLessThan(10_000);
    expectProblems(summary, path, [{ record, field: 'abstract', message: expect.stringMatching(/too long/) }]);
    expect(entries.has('Small')).toBe(true);
    expect(entries.has('Huge')).toBe(false);
  });
});

describe('dates', () => {
  it('a CSV with days that do not exist names each row and field', async () => {
    const text = [
      'title,date,published',
      'Good Day,2025-03-12,2025-03-10',
      'No Such Day,2025-02-30,',
      'No Year,Mar 12,',
      'Bad Published,2025-03-12,2025-02-30',
    ].join('\n');
    const { path, summary, entries } = await importWithGood('papers.csv', text, { date: '2025-03-11' });
    expectProblems(summary, path, [
      { line: 3, record: 2, field: 'date', message: '"2025-02-30" is not a real day as YYYY-MM-DD' },
      { line: 4, record: 3, field: 'date', message: '"Mar 12" is not a real day as YYYY-MM-DD' },
    ]);
    // A wrong publication day is left out, not a reason to drop the paper; it is still said.
    expect(about(summary.notices, path)).toEqual([
      expect.objectContaining({
        line: 5,
        record: 4,
        field: 'published',
        message: expect.stringContaining('2025-02-30'),
      }),
    ]);
    expect(entries.get('Good Day')?.data).toMatchObject({ date: '2025-03-12', published: '2025-03-10' });
    expect(entries.get('Bad Published')?.data.published).toBeUndefined();
    expect(entries.has('No Such Day')).toBe(false);
  });

  it('a JSON record with a day that does not exist is not filed on another day', async () => {
    const papers = [{ ...goodPaper, title: 'Leap', date: '2025-02-29' }];
    const { path, summary, entries } = await importWithGood('2025-03-12-papers.json', json(papers));
    expectProblems(summary, path, [{ record: 1, field: 'date', message: expect.stringContaining('2025-02-29') }]);
    expect(entries.has('Leap')).toBe(false);
  });

  it.each([
    ['2025-03-12-papers.txt', 'Feb 30', /"Feb 30" is not a real day in 2025/],
    ['papers.txt', 'Mar 12', /"Mar 12" has no year/],
  ])('%s with the date line "%s" names the line and field', async (name, dateLine, message) => {
    const text = `Today's papers\n\n${dateLine}\n\nA Title\n\n${abstract('dates')}\n`;
    const { path, summary } = await importWithGood(name, text);
    expectProblems(summary, path, [{ line: 3, field: 'date', message: expect.stringMatching(message) }]);
  });

  it('a file named after its day gives that day to records that state none', async () => {
    const { path, summary, entries } = await importWithGood('2025-03-14.bib', '@article{k, title={Undated}}\n');
    expect(about(summary.problems, path)).toEqual([]);
    expect(entries.get('Undated')?.data.date).toBe('2025-03-14');
  });
});

describe('the same paper twice in one file', () => {
  it.each<[string, string]>([
    [
      '2025-03-12.json',
      json([
        { ...goodPaper, title: 'Twice', id: 'arxiv:2501.00001' },
        { ...goodPaper, title: 'Other' },
        { ...goodPaper, title: 'Twice, again', arxivId: '2501.00001v2', abstract: 'Longer.' },
      ]),
    ],
    [
      'papers.csv',
      'title,doi,date\nTwice,10.1000/ABC,2025-03-12\nOther,,2025-03-12\nTwice again,10.1000/abc,2025-03-12\n',
    ],
    [
      'refs.bib',
      '@article{a, title={Twice}, eprint={2501.00001}}\n@article{b, title={Other}}\n@article{c, title={Twice again}, eprint={2501.00001v3}}\n',
    ],
  ])('%s: the repeat is named by record and field, and merged into one entry', async (name, text) => {
    const { path, summary, entries } = await importWithGood(name, text, { date: '2025-03-12' });
    expect(about(summary.problems, path)).toEqual([]);
    expect(about(summary.notices, path)).toEqual([
      expect.objectContaining({ record: 3, field: 'id', message: expect.stringContaining('first as record 1') }),
    ]);
    expect(summary.duplicates).toBe(1);
    expect([...entries.keys()].sort()).toEqual([goodPaper.title, 'Other', 'Twice']);
  });
});

describe('an entry that cannot be written', () => {
  it('is reported by path; the other entries are written whole', async () => {
    // A folder where the new entry's file would go: the rename fails.
    await mkdir(join(work.papersDir, '2025', '03', 'blocked-paper.mdx'), { recursive: true });
    const papers = [{ ...goodPaper, title: 'Blocked Paper' }, goodPaper];
    const path = await work.source('2025-03-12.json', json(papers));
    const summary = await work.run([path]);
    expect(summary.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/blocked-paper\.mdx$/),
        message: expect.stringMatching(/^entry not written/),
      }),
    ]);
    expect(summary.created).toEqual([join(work.papersDir, '2025', '03', 'a-good-paper.mdx')]);
    await expectCleanRun(work, summary);
  });
});

describe('the import command on a folder of broken files', () => {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

  it('exits 1, names every file, prints no stack trace and imports the good one', async () => {
    const names = ['2025-03-12-good.json', 'truncated.json', 'empty.json', 'junk.bin', 'bad.xml', 'days.csv'];
    await work.source(names[0], json([goodPaper]));
    await work.source(names[1], '[{"title": "Cut');
    await work.source(names[2], '');
    await work.source(names[3], Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    await work.source(names[4], '<feed xmlns="http://www.w3.org/2005/Atom" a="arxiv.org"><entry></feed>');
    await work.source(names[5], 'title,date\nBad,2025-02-30\n');
    await mkdir(join(work.dir, 'content', 'papers'), { recursive: true });
    await copyFile(topicsFile, join(work.dir, 'content', 'topics.yaml'));
    // As `npm run import` runs it: Node's own TypeScript support.
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts', 'import.ts'), work.sourcesDir, '--date', '2025-03-12'],
      { cwd: work.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.status).toBe(1);
    for (const name of names.slice(1)) expect(result.stderr).toContain(name);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toContain('1 new');
    const written = [...(await work.files(join(work.dir, 'content', 'papers'))).keys()];
    expect(written).toEqual(['2025/03/a-good-paper.mdx']);
  });
});
