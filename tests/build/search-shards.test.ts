import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import type { SearchManifest } from '../../src/lib/search-shards.ts';
import { hasChromium, launchBrowser } from '../support/browser.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';
import { serveStatic } from '../support/serve.ts';

let project: Awaited<ReturnType<typeof copyProject>>;
let browser: Browser;
type Layout = 'one' | 'sharded' | 'month';
const sites: Record<Layout, { url: string; close: () => Promise<void> }> = {} as never;
/** The days the sample is spread over: two in February, three in March. */
const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03'];
/** Papers in the sample. */
let entries = 0;
/** What the build with the newest month apart printed. */
let monthLog = '';

const build = (env: Record<string, string> = {}) =>
  stripVTControlCharacters(
    execFileSync('npx', ['astro', 'build'], {
      cwd: project.dir,
      env: cleanEnv({ PAPERBOY_CARDS: 'off', SITE_URL: '', BASE_PATH: '', ...env }),
      encoding: 'utf8',
      stdio: 'pipe',
    }),
  );
/** Any newest shard over one paper has its last month apart. */
const monthApart = { PAPERBOY_SEARCH_MONTH_APART: '1' };

beforeAll(async () => {
  project = await copyProject();
  // The sample is one day without upvotes: spread it over five days and give it upvotes, many equal.
  const files = listFilesSync(join(project.dir, 'content/papers'), /\.mdx$/);
  entries = files.length;
  for (const [i, file] of files.entries()) {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^date: .*$/m, `date: "${days[i % 5]}"\nupvotes: ${(i * 7) % 13}`));
  }
  build();
  await rename(join(project.dir, 'dist'), join(project.dir, 'dist-one'));
  build({ PAPERBOY_SEARCH_SHARD: '10' });
  await rename(join(project.dir, 'dist'), join(project.dir, 'dist-sharded'));
  monthLog = build(monthApart);
  sites.one = await serveStatic(join(project.dir, 'dist-one'));
  sites.sharded = await serveStatic(join(project.dir, 'dist-sharded'));
  sites.month = await serveStatic(join(project.dir, 'dist'));
  if (hasChromium) browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((s) => s.close()));
  await project?.remove();
});

/** Every result the search page lists for a query string (all pages of "Show more"), and its facet counts. */
async function searchPage(site: Layout, query: string): Promise<{ links: string[]; facets: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const tab = await context.newPage();
  await tab.goto(`${sites[site].url}search/?${query}`);
  await tab.locator('.search__summary', { hasText: /\d+ papers?/ }).waitFor();
  const total = Number((await tab.locator('.search__summary').textContent())!.match(/\d+/)![0]);
  // The summary is written before the first results' text has loaded.
  await tab.locator('.result').first().waitFor();
  for (let shown = await tab.locator('.result').count(); shown < total; shown = await tab.locator('.result').count()) {
    await tab.locator('[data-more]').click();
    await tab.waitForFunction((n) => document.querySelectorAll('.result').length > n, shown);
  }
  // Facet counts arrive once the filter data has loaded; a facet value then shows its count.
  await tab.locator('.search__facets .count').first().waitFor();
  await tab.waitForTimeout(300);
  const links = await tab.locator('.result__title').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const facets = await tab.locator('.search__facets label').allTextContents();
  await context.close();
  return { links, facets: facets.sort() };
}

/** The shard list of the build in `dist`, a folder of the project. */
const readManifest = async (dist: string) =>
  JSON.parse(await readFile(join(project.dir, dist, 'pagefind/shards.json'), 'utf8')) as SearchManifest;

/** What the header box of the home page says of a term's results, and what the console warned meanwhile. */
async function headerBox(site: Layout, term: string): Promise<{ summary: string; warnings: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const tab = await context.newPage();
  const warnings: string[] = [];
  tab.on('console', (message) => {
    // Playwright says so when it blocks the service worker, as asked.
    const blocked = /^Service Worker registration blocked by Playwright/.test(message.text());
    if ((message.type() === 'warning' || message.type() === 'error') && !blocked) warnings.push(message.text());
  });
  await tab.goto(sites[site].url);
  await tab.keyboard.press('/');
  await tab.keyboard.type(term);
  await tab.locator('.hit').first().waitFor();
  const summary = (await tab.locator('.quick__all').textContent()) ?? '';
  await context.close();
  return { summary, warnings };
}

describe('a search index in shards', () => {
  it('is written as several bundles, newest papers first, listed in shards.json', async () => {
    const manifest = await readManifest('dist-sharded');
    expect(manifest.shards.map((s) => s.path)).toEqual(['', 'shard-2/', 'shard-3/', 'shard-4/', 'shard-5/']);
    for (const shard of manifest.shards.slice(1)) {
      const folder = join(project.dir, 'dist-sharded/pagefind', shard.path);
      expect(existsSync(join(folder, 'pagefind-entry.json'))).toBe(true);
      // A merged shard is read with the first shard's script and wasm: its own copies are not shipped.
      expect(readdirSync(folder).filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
    }
    expect((await readManifest('dist-one')).shards).toHaveLength(1);
  });

  it("has the newest month's papers apart, above the threshold", async () => {
    const manifest = await readManifest('dist');
    expect(manifest.shards.map((s) => s.path)).toEqual(['', 'shard-2/']);
    // March's three days, then February's two.
    const papers = (runs: [number, number][]) => runs.reduce((sum, [, n]) => sum + n, 0);
    const [march, february] = manifest.shards.map((s) => papers(s.upvotes));
    expect(march).toBeGreaterThan(february!);
    expect(monthLog).toMatch(new RegExp(`indexed ${march! + february!} pages for search\n`));
  });

  describe.skipIf(!hasChromium).each(['sharded', 'month'] as const)(
    'finds in the browser what one index finds: %s',
    (layout) => {
      it.each([
        ['newest first', 'q=model&sort=newest'],
        ['by upvotes', 'q=model&sort=upvotes'],
        ['a topic, by upvotes, with no words', 'topic=Sparse+training+and+pruning&sort=upvotes'],
        ['a year, newest first', 'year=2025&sort=newest'],
      ])('%s', async (_name, query) => {
        const [one, sharded] = [await searchPage('one', query), await searchPage(layout, query)];
        expect(one.links.length).toBeGreaterThan(3);
        expect(sharded.links).toEqual(one.links);
        expect(sharded.facets).toEqual(one.facets);
      });

      it('offline too, after a first visit: every shard is stored', async () => {
        const online = await searchPage('one', 'q=model&sort=upvotes');
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(sites[layout].url);
        await tab.locator('[data-offline-status]', { hasText: 'Available offline' }).waitFor({ timeout: 20_000 });
        await context.setOffline(true);
        await tab.goto(`${sites[layout].url}search/?q=model&sort=upvotes`);
        await tab.locator('.result').first().waitFor();
        const links = await tab.locator('.result__title').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        expect(links).toEqual(online.links.slice(0, links.length));
        expect(await tab.locator('.search__summary').textContent()).toContain(`${online.links.length} papers`);
        await context.close();
      });

      it('in the header box too, with no warning from Pagefind', async () => {
        const [one, sharded] = [await headerBox('one', 'sparse'), await headerBox(layout, 'sparse')];
        expect(one.summary).toMatch(/^See all \d+ results$/);
        expect(sharded).toEqual({ summary: one.summary, warnings: [] });
      });

      it('by relevance: the same papers', async () => {
        const [one, sharded] = [await searchPage('one', 'q=sparse'), await searchPage(layout, 'q=sparse')];
        expect(one.links.length).toBeGreaterThan(3);
        expect([...sharded.links].sort()).toEqual([...one.links].sort());
        expect(sharded.facets).toEqual(one.facets);
      });
    },
  );

  it("indexes only the newest month's shard when a day is added to it", async () => {
    const older = join(project.dir, 'dist/pagefind/shard-2');
    const before = new Map(listFilesSync(older, /./).map((file) => [file, readFileSync(file)]));
    await writeFile(
      join(project.dir, 'content/papers/2025/03/a-paper-of-a-later-day.mdx'),
      `---\nid: title:0fedcba987654321\nslug: a-paper-of-a-later-day\ntitle: Quokka Retrieval On A Later Day\ndate: "2025-03-04"\n---\n`,
    );
    const log = build(monthApart);
    expect(log).toMatch(/indexed \d+ pages for search \(1 of 2 shards unchanged, reused\)/);
    const after = listFilesSync(older, /./);
    expect(after).toEqual([...before.keys()]);
    for (const file of after) expect(readFileSync(file).equals(before.get(file)!), file).toBe(true);
    const newest = listFilesSync(join(project.dir, 'dist/pagefind/fragment'), /\.pf_fragment$/)
      .map((file) => gunzipSync(readFileSync(file)).toString('utf8'))
      .join('\n');
    expect(newest).toContain('Quokka Retrieval On A Later Day');
  }, 300_000);

  it("on a new month's first day, indexes last month with the older papers, as an index from nothing would", async () => {
    await writeFile(
      join(project.dir, 'content/papers/2025/03/a-paper-of-a-new-month.mdx'),
      `---\nid: title:0fedcba987654322\nslug: a-paper-of-a-new-month\ntitle: Wombat Parsing In A New Month\ndate: "2025-04-01"\n---\n`,
    );
    expect(build(monthApart)).toMatch(/indexed \d+ pages for search\n/);
    const manifest = await readManifest('dist');
    // April's one paper, then February's and March's.
    expect(manifest.shards.map((s) => s.upvotes.reduce((sum, [, n]) => sum + n, 0))).toEqual([1, entries + 1]);
    // Written over the last build's shards (March's fragments were in the newest shard's folder).
    const files = listFilesSync(join(project.dir, 'dist/pagefind'), /./);
    const written = new Map(files.map((file) => [file, readFileSync(file)]));
    await rm(join(project.dir, '.cache/pagefind-shards'), { recursive: true });
    build(monthApart);
    expect(listFilesSync(join(project.dir, 'dist/pagefind'), /./)).toEqual(files);
    for (const file of files) expect(readFileSync(file).equals(written.get(file)!), file).toBe(true);
  }, 300_000);
});
