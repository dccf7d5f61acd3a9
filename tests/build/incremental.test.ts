import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { stripVTControlCharacters } from 'node:util';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';

const entry = 'content/papers/2025/03/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx';
const slug = 'instantsplat-unbounded-sparse-view-pose-free-gaussian';
const renamed = 'InstantSplat Renamed By The Curator';
const deleted = 'accelerating-sinkhorn-algorithm-with-sparse-newton';
/** A paper added on a later day, in a topic that has an archive page at 10 papers a page. */
const added = { slug: 'sparse-training-on-a-later-day', title: 'Sparse Training On A Later Day' };
const archivePage = '/topics/sparse-training/1/index.html';

let project: Awaited<ReturnType<typeof copyProject>>;
/** Site paths older than the second build: what it kept from the first instead of rendering. */
let kept: Set<string>;
/** How many pages the second build said it kept. */
let keptCount: number;
/** Site paths the second build wrote. */
let written: Set<string>;
/** A topic's archive page as the first build wrote it. */
let archiveBefore: string;
/** What the second build printed. */
let secondLog: string;

const build = () =>
  execFileSync('npx', ['astro', 'build'], {
    cwd: project.dir,
    env: cleanEnv({ PAPERBOY_CARDS: 'off', PAPERBOY_PAGE_SIZE: '10', SITE_URL: '', BASE_PATH: '' }),
    encoding: 'utf8',
    stdio: 'pipe',
  });
const read = (path: string) => readFile(join(project.dir, 'dist', path), 'utf8');
/** The text of every search result the built index holds (Pagefind's fragments, gzipped JSON). */
const searchText = () =>
  listFilesSync(join(project.dir, 'dist/pagefind/fragment'), /\.pf_fragment$/)
    .map((file) => gunzipSync(readFileSync(file)).toString('utf8'))
    .join('\n');

beforeAll(async () => {
  project = await copyProject();
  // A digest kept by hand: with its sources, the build's import would bring the deleted paper back.
  await rm(join(project.dir, 'content/sources'), { recursive: true });
  build();
  // A curator renames one paper: every page showing its title must change, and only those.
  const file = join(project.dir, entry);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^title: .*$/m, `title: ${renamed}`));
  // And deletes another: the next build is made in the same folder, so its page must go.
  await rm(join(project.dir, `content/papers/2025/03/${deleted}.mdx`));
  await writeFile(
    join(project.dir, `content/papers/2025/03/${added.slug}.mdx`),
    `---\nid: title:0123456789abcdef\nslug: ${added.slug}\ntitle: ${added.title}\ndate: "2025-03-13"\ntopics:\n  - sparse-training\n---\n`,
  );
  archiveBefore = await read(archivePage);
  await writeFile(join(project.dir, 'second-build'), '');
  // Colours are on where CI is set.
  const log = (secondLog = stripVTControlCharacters(build()));
  // Astro prints each route it renders, then its render time; with pages built four at once, a time
  // can land elsewhere in the log, so such a route counts as neither. The pages it kept are counted.
  const routes = [...log.matchAll(/├─ (\S+?\.(?:html|xml|json|txt|bib))(?: \((\+?\d+ms)\))?/g)];
  written = new Set(routes.filter((m) => m[2]?.endsWith('ms')).map((m) => m[1]));
  keptCount = Number(/└─ (\d+) pages unchanged since the last build, kept/.exec(log)?.[1]);
  const dist = join(project.dir, 'dist');
  const started = statSync(join(project.dir, 'second-build')).ctimeMs;
  kept = new Set(
    listFilesSync(dist, /./)
      .filter((f) => statSync(f).ctimeMs < started)
      .map((f) => f.slice(dist.length)),
  );
}, 600_000);

afterAll(() => project?.remove());

describe('an incremental build after a curator edits one paper', () => {
  // The home page shows the newest day, now the added paper's.
  it('shows the new title on every page that lists the paper', async () => {
    for (const path of [
      `papers/${slug}/index.html`,
      '2025/03/12/index.html',
      '2025/03/12/email.html',
      '2025/03/12/papers.bib',
      '2025/w11/index.html',
      '2025/03/index.html',
      'topics/sparse-view-3d/index.html',
      'topics/sparse-view-3d/rss.xml',
      'topics/sparse-view-3d/papers.bib',
      'rss.xml',
    ]) {
      // BibTeX keeps capitals in braces.
      expect((await read(path)).replace(/[{}]/g, ''), path).toContain(renamed);
    }
  });

  it('leaves no page, kept or rendered, showing the old title', async () => {
    const stale: string[] = [];
    for (const file of listFilesSync(join(project.dir, 'dist'), /\.(html|xml|json|txt|bib)$/)) {
      if ((await readFile(file, 'utf8')).includes('Pose-free Gaussian Splatting in 40 Seconds')) stale.push(file);
    }
    expect(stale).toEqual([]);
  });

  it('removes what only the deleted paper had, keeping the folder for everything else', async () => {
    expect(existsSync(join(project.dir, 'dist/papers', deleted))).toBe(false);
    const mentions: string[] = [];
    for (const file of listFilesSync(join(project.dir, 'dist'), /\.(html|xml|json|txt|bib|js)$/)) {
      if ((await readFile(file, 'utf8')).includes(`/papers/${deleted}/`)) mentions.push(file);
    }
    expect(mentions).toEqual([]);
    // Every file older than the second build is a page it reported as kept from the first, and
    // none of them one it reported as rendered.
    expect(kept.size).toBeGreaterThan(60);
    expect(keptCount).toBe(kept.size);
    expect([...kept].filter((f) => written.has(f))).toEqual([]);
  });

  it('copies the pages that do not show the paper from the previous build', () => {
    expect(kept).not.toContain(`/papers/${slug}/index.html`);
    expect(kept.size).toBeGreaterThan(60);
    const other = [...kept, ...written].filter((p) => p.startsWith('/topics/llm-compression/'));
    expect(other.length).toBeGreaterThan(0);
    expect(other.filter((p) => written.has(p))).toEqual([]);
  });

  it("keeps a topic's archive page as it was, adding the new paper to the topic's own page", async () => {
    expect(kept).toContain(archivePage);
    expect(await read(archivePage)).toBe(archiveBefore);
    expect(archiveBefore).toMatch(/<h1[^>]*>Sparse training and pruning: March 12, 2025<\/h1>/);
    expect(written).toContain('/topics/sparse-training/index.html');
    const topicPage = await read('topics/sparse-training/index.html');
    expect(topicPage).toContain(added.title);
    // Older to the left, newer to the right, as on day pages; the topic's page lists its archive pages.
    expect(topicPage).toMatch(/<a rel="prev"[^>]* href="\/topics\/sparse-training\/1\/"/);
    expect(topicPage).toMatch(/Older papers<\/h2>/);
    expect(archiveBefore).toMatch(/<a rel="next"[^>]* href="\/topics\/sparse-training\/"/);
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(archiveBefore, archivePage);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message}`))).toEqual([]);
  });

  it('indexes the changed papers for search, then reuses that index while no paper changes', async () => {
    expect(secondLog).toMatch(/indexed \d+ pages for search\n/);
    expect(searchText()).toContain(renamed);
    const files = listFilesSync(join(project.dir, 'dist/pagefind'), /./);
    const before = new Map(files.map((file) => [file, readFileSync(file)]));
    const expectSameIndex = () => {
      const after = listFilesSync(join(project.dir, 'dist/pagefind'), /./);
      expect(after).toEqual(files);
      for (const file of after) expect(readFileSync(file).equals(before.get(file)!), file).toBe(true);
    };
    // The index a build replaces is moved aside, and the next build removes it.
    const replaced = () => readdirSync(join(project.dir, '.cache/pagefind-replaced'));
    const aside = replaced();
    expect(aside).toHaveLength(1);
    // Into the same dist/, and into none (a deleted dist/, a CI run that keeps only .cache/).
    for (const fresh of [false, true]) {
      if (fresh) await rm(join(project.dir, 'dist'), { recursive: true });
      const log = stripVTControlCharacters(build());
      expect(log).toMatch(/indexed \d+ pages for search \(unchanged, reused\)/);
      expect(log).not.toMatch(/removed \d+ file/);
      expectSameIndex();
      // With no build folder, there was no index to replace.
      expect(replaced()).toHaveLength(fresh ? 0 : 1);
      expect(replaced()).not.toContain(aside[0]);
    }
    // The index the edit's build wrote over the first build's is the one Pagefind writes from nothing.
    await rm(join(project.dir, '.cache/pagefind-shards'), { recursive: true });
    expect(stripVTControlCharacters(build())).toMatch(/indexed \d+ pages for search\n/);
    expectSameIndex();
  }, 300_000);

  it("keeps the papers out of Astro's content store, which Astro bundles into every build", async () => {
    const store = await readFile(join(project.dir, '.cache/astro/data-store.json'), 'utf8');
    expect(store).toContain('"topics"');
    expect(store).not.toContain(added.title);
    expect(await read(`/papers/${added.slug}/index.html`)).toContain(added.title);
  });

  it("empties a build folder that is not the last build's, instead of trusting its pages", () => {
    const page = join(project.dir, 'dist/topics/llm-compression/index.html');
    const stamp = join(project.dir, 'dist/.paperboy-build');
    writeFileSync(page, 'not what the last build wrote');
    writeFileSync(stamp, 'from another build');
    build();
    expect(readFileSync(page, 'utf8')).toContain('<h1');
    expect(readFileSync(stamp, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  }, 300_000);
});
