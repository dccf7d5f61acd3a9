import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, formatSummary } from '../../scripts/lib/import/report.ts';
import { runImport, type ImportOptions } from '../../scripts/lib/import/run-import.ts';
import { parseEntry, serializeEntry } from '../../src/lib/entry-file.ts';
import { paperSchema, type PaperInput } from '../../src/lib/paper-schema.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const samplePath = join(repoRoot, 'content/sources/2025-03-12-papers.txt');
const topicsFile = join(repoRoot, 'content/topics.yaml');
const instantSplatSlug = 'instantsplat-unbounded-sparse-view-pose-free-gaussian';

let work: string;
let papersDir: string;
let instantSplatPath: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'paperboy-import-'));
  papersDir = join(work, 'papers');
  instantSplatPath = join(papersDir, '2025', '03', `${instantSplatSlug}.mdx`);
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const run = (paths: string[], options: Partial<ImportOptions> = {}) =>
  runImport({ paths, papersDir, topicsFile, ...options });

/** Every file under `dir` (hidden ones too), relative path → SHA-256 of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      out.set(
        relative(dir, path),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
    } catch {
      // a folder
    }
  }
  return out;
}

/** Writes a source file into the work folder and returns its path. */
async function source(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(work, 'sources', name);
  await mkdir(join(work, 'sources'), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** Rewrites an entry file with changed frontmatter and body, as a curator would. */
async function editEntry(path: string, edit: (data: PaperInput) => PaperInput, body?: string) {
  const { data, body: oldBody } = parseEntry(await readFile(path, 'utf8'));
  await writeFile(path, serializeEntry(edit(data as PaperInput), body ?? oldBody));
}

const noTmpFiles = (files: Map<string, string>) => [...files.keys()].filter((f) => f.endsWith('.tmp'));

describe('importing the real sample', () => {
  it('creates 76 valid entries', async () => {
    const summary = await run([samplePath]);
    expect(summary).toMatchObject({
      files: 1,
      records: 76,
      updated: [],
      unchanged: 0,
      duplicates: 0,
      skipped: 0,
      written: true,
      problems: [],
    });
    expect(summary.created).toHaveLength(76);

    const files = await snapshot(papersDir);
    expect(files.size).toBe(76);
    expect(noTmpFiles(files)).toEqual([]);
    for (const name of files.keys()) {
      expect(name).toMatch(/^2025\/03\/[a-z0-9-]+\.mdx$/);
      const { data, body } = parseEntry(await readFile(join(papersDir, name), 'utf8'));
      const paper = paperSchema.parse(data);
      expect(`${paper.slug}.mdx`).toBe(basename(name));
      expect(paper.date).toBe('2025-03-12');
      expect(paper.sources).toEqual(['2025-03-12-papers.txt']);
      expect(paper.topics.length).toBeGreaterThan(0);
      expect(paper.abstract).toBeTruthy();
      expect(body).toBe('');
    }
  });

  it('files InstantSplat under sparse-view-3d', async () => {
    await run([samplePath]);
    const { data } = parseEntry(await readFile(instantSplatPath, 'utf8'));
    expect(data.title).toBe('InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds');
    expect(data.topics).toContain('sparse-view-3d');
  });

  it('is byte-identical when run again', async () => {
    await run([samplePath]);
    const before = await snapshot(papersDir);
    const summary = await run([samplePath]);
    expect(await snapshot(papersDir)).toEqual(before);
    expect(summary).toMatchObject({ created: [], updated: [], unchanged: 76, problems: [] });
    expect(formatSummary(summary, false)).toContain('0 new, 0 updated, 76 unchanged');
  });

  it('merges the same papers found in two files', async () => {
    const a = await source('2025-03-12-papers.txt', await readFile(samplePath));
    const b = await source('2025-03-12-again.txt', await readFile(samplePath));
    const summary = await run([a, b]);
    expect(summary).toMatchObject({ files: 2, records: 152, duplicates: 76, problems: [] });
    expect(summary.created).toHaveLength(76);
    const { data } = parseEntry(await readFile(instantSplatPath, 'utf8'));
    expect(data.sources).toEqual(['2025-03-12-papers.txt', '2025-03-12-again.txt']);
  });

  it('takes the year from --date when the file name has none', async () => {
    const undated = await source('papers.txt', await readFile(samplePath));
    const summary = await run([undated], { date: '2024' });
    expect(summary.problems).toEqual([]);
    expect(summary.created).toHaveLength(76);
    const files = [...(await snapshot(papersDir)).keys()];
    expect(files.every((f) => f.startsWith('2024/03/'))).toBe(true);
    const { data } = parseEntry(await readFile(join(papersDir, '2024', '03', `${instantSplatSlug}.mdx`), 'utf8'));
    expect(data.date).toBe('2024-03-12');
  });

  it('reports a listing with no year anywhere and writes nothing', async () => {
    const undated = await source('papers.txt', await readFile(samplePath));
    const summary = await run([undated]);
    expect(summary.created).toEqual([]);
    expect(summary.problems).toEqual([expect.objectContaining({ file: undated, field: 'date' })]);
    expect((await snapshot(papersDir)).size).toBe(0);
  });
});

describe('curator edits survive re-import', () => {
  const mdxBody =
    '\nMy notes on this one.\n\n---\n\n<Aside type="tip">Try it on {`40`} views.</Aside>\n\nexport const rating = 5;\n';
  it.each<[string, (d: PaperInput) => PaperInput, string?]>([
    ['a body with MDX', (d) => d, mdxBody],
    ['an edited topics list', (d) => ({ ...d, topics: ['optimization', 'efficient-inference'] })],
    ['an emptied topics list', (d) => ({ ...d, topics: [] })],
    ['hidden: true', (d) => ({ ...d, hidden: true })],
    ['featured: true', (d) => ({ ...d, featured: true })],
    ['an edited title', (d) => ({ ...d, title: 'InstantSplat: Sparse-View, Pose-Free Gaussian Splatting in 40 s' })],
    ['an edited abstract', (d) => ({ ...d, abstract: 'A shorter abstract, by the curator.' })],
    [
      'all of them',
      (d) => ({ ...d, title: 'InstantSplat (curated)', topics: ['optimization'], hidden: true }),
      mdxBody,
    ],
  ])('%s is left byte-identical', async (_case, edit, body) => {
    await run([samplePath]);
    await editEntry(instantSplatPath, edit, body);
    const before = await snapshot(papersDir);
    const summary = await run([samplePath]);
    expect(await snapshot(papersDir)).toEqual(before);
    expect(summary).toMatchObject({ created: [], updated: [], unchanged: 76, problems: [] });
  });

  it('a hand-formatted entry (unquoted date, flow list) is not rewritten', async () => {
    await run([samplePath]);
    const text = (await readFile(instantSplatPath, 'utf8'))
      .replace('date: "2025-03-12"', 'date: 2025-03-12')
      .replace(/topics:\n {2}- sparse-view-3d\n/, 'topics: [sparse-view-3d]\n');
    await writeFile(instantSplatPath, text);
    const summary = await run([samplePath]);
    expect(await readFile(instantSplatPath, 'utf8')).toBe(text);
    expect(summary.updated).toEqual([]);
  });

  it('keeps the body, topics, hidden and title when new facts make the import rewrite the entry', async () => {
    await run([samplePath]);
    const title = 'InstantSplat (curated title)';
    await editEntry(
      instantSplatPath,
      (d) => ({ ...d, title, topics: ['optimization'], hidden: true, abstract: undefined }),
      mdxBody,
    );
    const summary = await run([samplePath]);
    expect(summary.updated).toEqual([instantSplatPath]);
    expect(summary.unchanged).toBe(75);
    const { data, body } = parseEntry(await readFile(instantSplatPath, 'utf8'));
    expect(body).toBe(mdxBody);
    expect(data).toMatchObject({
      title,
      topics: ['optimization'],
      hidden: true,
      slug: instantSplatSlug,
      date: '2025-03-12',
    });
    expect(String(data.abstract)).toMatch(/^While novel view synthesis/);
    expect(noTmpFiles(await snapshot(papersDir))).toEqual([]);
  });
});

describe('broken entries', () => {
  it.each([
    ['bad YAML', (t: string) => t.replace(/^title: .*$/m, 'title: [unclosed'), 'frontmatter'],
    ['a tab-indented key', (t: string) => t.replace(/^slug: /m, '\tslug: '), 'frontmatter'],
    ['a date that is no day', (t: string) => t.replace('date: "2025-03-12"', 'date: March 12'), 'date'],
    ['an unknown key', (t: string) => t.replace(/^slug: /m, 'slugg: x\nslug: '), 'frontmatter'],
  ])('an entry with %s is reported and left byte-identical', async (_case, breakIt, field) => {
    await run([samplePath]);
    const broken = breakIt(await readFile(instantSplatPath, 'utf8'));
    await writeFile(instantSplatPath, broken);
    const summary = await run([samplePath]);
    expect(await readFile(instantSplatPath, 'utf8')).toBe(broken);
    const problem = summary.problems.find((p) => p.file === instantSplatPath);
    expect(problem).toMatchObject({ field });
    expect(formatProblem(problem!)).toContain(`${instantSplatSlug}.mdx`);
    // Its paper is not imported a second time: the source record is skipped, naming the broken entry.
    expect(summary.problems).toHaveLength(2);
    expect(formatProblem(summary.problems[1])).toMatch(
      /record \d+: paper is in .*instantsplat.*\.mdx, which is broken/,
    );
    expect(summary.created).toEqual([]);
  });
});

describe('files that cannot be imported', () => {
  it.each<[string, string | Uint8Array, string]>([
    ['empty.txt', '', 'empty'],
    ['notes.txt', 'Things to read this week:\n\n- the MoE paper\n- the splatting one\n', 'unknown format'],
    ['reading-list.yaml', 'papers:\n  - DPO Meets PPO\n  - GQSA\n', 'unknown format'],
    ['picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary'],
  ])('%s is reported by name and nothing is written', async (name, content, message) => {
    const path = await source(name, content);
    const summary = await run([path]);
    expect(summary.problems.length).toBeGreaterThan(0);
    expect(summary.problems[0].file).toBe(path);
    expect(summary.problems[0].message).toContain(message);
    expect(formatProblem(summary.problems[0])).toContain(name);
    expect(summary.created).toEqual([]);
    expect(summary.updated).toEqual([]);
    expect(await snapshot(papersDir)).toEqual(new Map());
  });

  it('a missing path is reported', async () => {
    const missing = join(work, 'no-such-file.txt');
    const summary = await run([missing]);
    expect(summary.problems).toEqual([expect.objectContaining({ file: missing })]);
    expect(await snapshot(papersDir)).toEqual(new Map());
  });
});

describe('strict and dry runs', () => {
  it('--strict with one bad file writes nothing', async () => {
    const bad = await source('empty.txt', '');
    const summary = await run([samplePath, bad], { strict: true });
    expect(summary.written).toBe(false);
    expect(summary.problems).toEqual([expect.objectContaining({ file: bad })]);
    expect(await snapshot(papersDir)).toEqual(new Map());
    expect(formatSummary(summary, false)).toContain('wrote nothing');
  });

  it('--strict with one bad file leaves existing entries alone', async () => {
    await run([samplePath]);
    await editEntry(instantSplatPath, (d) => ({ ...d, abstract: undefined }));
    const before = await snapshot(papersDir);
    const bad = await source('notes.txt', 'just some notes\n');
    const summary = await run([samplePath, bad], { strict: true });
    expect(summary.written).toBe(false);
    expect(await snapshot(papersDir)).toEqual(before);
  });

  it('--strict with only good files writes', async () => {
    const summary = await run([samplePath], { strict: true });
    expect(summary.written).toBe(true);
    expect((await snapshot(papersDir)).size).toBe(76);
  });

  it('a dry run writes nothing but says what it would create', async () => {
    const summary = await run([samplePath], { dryRun: true });
    expect(summary.created).toHaveLength(76);
    expect(summary.written).toBe(false);
    expect(await snapshot(papersDir)).toEqual(new Map());
    expect(formatSummary(summary, true)).toContain('would write 76 entries');
  });

  it('a dry run leaves an entry it would update alone', async () => {
    await run([samplePath]);
    await editEntry(instantSplatPath, (d) => ({ ...d, abstract: undefined }));
    const before = await snapshot(papersDir);
    const summary = await run([samplePath], { dryRun: true });
    expect(summary.updated).toEqual([instantSplatPath]);
    expect(await snapshot(papersDir)).toEqual(before);
  });
});

describe('summary counts', () => {
  const abstract = (topic: string) => `We study ${topic} in depth. `.repeat(12).trim();
  it.each([
    [
      'two good records',
      `Mar 12\n\nFirst Paper\n\n${abstract('sparse views')}\n\nSecond Paper\n\n${abstract('experts')}\n`,
      2,
      0,
    ],
    ['a title with no abstract', `Mar 12\n\nFirst Paper\n\n${abstract('sparse views')}\n\nDangling Title\n`, 2, 1],
    // A title that cleans to nothing passes the parser but fails normalization.
    [
      'a title of only &nbsp;',
      `Mar 12\n\n&nbsp;\n\n${abstract('sparse views')}\n\nSecond Paper\n\n${abstract('experts')}\n`,
      2,
      1,
    ],
  ])('%s: records counts each record once', async (_case, text, records, skipped) => {
    const path = await source('2025-03-12-papers.txt', text);
    const summary = await run([path]);
    expect(summary.skipped).toBe(skipped);
    expect(summary.records).toBe(records);
    expect(summary.created).toHaveLength(records - skipped);
  });
});

describe('the import command', () => {
  const script = join(repoRoot, 'scripts', 'import.ts');

  /** Runs the CLI in a scratch project holding only a copy of the real taxonomy. */
  async function cli(args: string[]) {
    await mkdir(join(work, 'content', 'papers'), { recursive: true });
    await copyFile(topicsFile, join(work, 'content', 'topics.yaml'));
    // As `npm run import` runs it: Node's own TypeScript support.
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { ...result, papers: await snapshot(join(work, 'content', 'papers')) };
  }

  it.each<[string, () => Promise<string[]>, number, string]>([
    ['an unknown-format file', async () => [await source('notes.txt', 'just some notes\n')], 1, 'notes.txt'],
    ['an empty file', async () => [await source('empty.txt', '')], 1, 'empty.txt'],
    ['a missing default sources folder', async () => [], 1, 'content/sources'],
    ['a bad --date', async () => ['--date', '2025/03/12'], 2, '--date 2025/03/12'],
    ['an unknown option', async () => ['--bogus'], 2, 'bogus'],
  ])('%s: exits non-zero, names it on stderr, no stack trace, writes nothing', async (_case, args, code, named) => {
    const { status, stderr, papers } = await cli(await args());
    expect(status).toBe(code);
    expect(stderr).toContain(named);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(papers).toEqual(new Map());
  });

  it('imports the sample and exits 0', async () => {
    const { status, stdout, stderr, papers } = await cli([samplePath]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('76 new, 0 updated, 0 unchanged');
    expect(papers.size).toBe(76);
  });
});
