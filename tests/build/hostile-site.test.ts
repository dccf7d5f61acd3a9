import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listFilesSync } from '../../src/lib/files.ts';
import { cleanText } from '../../src/lib/text.ts';
import { hostileStrings, hostileUrls } from '../fixtures/hostile.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';
import { hasChromium, useSiteInBrowser } from '../support/browser.ts';
import { inlineHandlers, urlsOf } from '../support/links.ts';

/** One paper per hostile string, the string in every text field; links are hostile too. */
const papers = hostileStrings.map((s, i) => ({
  title: `Hostile ${i} ${s.text}`,
  authors: [`Ann ${s.text}`, 'Bo Plain'],
  abstract: `Abstract of case ${i}: ${s.text} ends here.`,
  summary: `Summary ${s.text}`,
  keywords: [s.text],
  date: '2025-05-05',
  links: { abs: hostileUrls[i % hostileUrls.length].text, code: 'https://example.org/code' },
  thumbnail: hostileUrls[(i + 1) % hostileUrls.length].text,
}));

let project: Awaited<ReturnType<typeof copyProject>>;
let dist: string;

beforeAll(async () => {
  project = await copyProject();
  dist = join(project.dir, 'dist');
  for (const folder of ['content/papers', 'content/sources', 'content/digests']) {
    await rm(join(project.dir, folder), { recursive: true, force: true });
  }
  await writeFile(join(project.dir, 'content/sources.json'), JSON.stringify(papers, null, 2));
  // A run that must not stop at hostile text: the import reports nothing, the build succeeds.
  execFileSync(process.execPath, ['scripts/import.ts', 'content/sources.json'], {
    cwd: project.dir,
    stdio: 'pipe',
    env: cleanEnv(),
  });
  await rm(join(project.dir, 'content/sources.json'));
  execFileSync('npx', ['astro', 'build'], { cwd: project.dir, stdio: 'pipe', env: cleanEnv() });
}, 300_000);

afterAll(() => project?.remove());

/** The slug of each hostile paper's page, in order. */
async function paperPages(): Promise<string[]> {
  const pages = listFilesSync(join(dist, 'papers'), /index\.html$/);
  const found: string[] = [];
  for (const file of pages) {
    const index = /Hostile (\d+) /.exec(await readFile(file, 'utf8'))?.[1];
    if (index !== undefined) found[Number(index)] = file.slice(dist.length).replace(/index\.html$/, '');
  }
  return found;
}

describe('hostile imported text in the built site', () => {
  it('builds a page for every hostile paper', async () => {
    expect((await paperPages()).filter(Boolean)).toHaveLength(papers.length);
  });

  it('emits only http(s) links from imported data, and no inline handlers', async () => {
    for (const file of listFilesSync(dist, /\.html$/)) {
      const html = await readFile(file, 'utf8');
      expect(inlineHandlers(html), file).toEqual([]);
      const bad = urlsOf(html).filter((u) => /^\s*[a-z][a-z0-9+.-]*:/i.test(u) && !/^https?:/i.test(u.trim()));
      expect(bad, file).toEqual([]);
    }
    const feedLinks = [
      ...(parseRssFeed(await readFile(join(dist, 'rss.xml'), 'utf8')).items ?? []).map((i) => i.link),
      ...(parseAtomFeed(await readFile(join(dist, 'atom.xml'), 'utf8')).entries ?? []).flatMap((e) =>
        (e.links ?? []).map((l) => l.href),
      ),
      ...(parseJsonFeed(JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'))).items ?? []).map((i) => i.url),
    ];
    expect(feedLinks.length).toBeGreaterThan(papers.length);
    for (const link of feedLinks) expect(link).toMatch(/^https?:\/\//);
  });

  it('parses every feed and shows the titles literally', async () => {
    const titles = (parseRssFeed(await readFile(join(dist, 'rss.xml'), 'utf8')).items ?? []).map((i) => i.title);
    expect(titles).toContain(cleanText(papers[0].title));
    expect(parseAtomFeed(await readFile(join(dist, 'atom.xml'), 'utf8')).entries?.length).toBe(papers.length);
    expect(parseJsonFeed(JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'))).items?.length).toBe(
      papers.length,
    );
  });

  it('draws a social card for each', async () => {
    for (const page of await paperPages()) {
      const { width, height } = await sharp(join(dist, page, 'og.png')).metadata();
      expect({ width, height }).toEqual({ width: 1200, height: 630 });
    }
  });
});

describe.skipIf(!hasChromium)('hostile text in a real browser', () => {
  const server = useSiteInBrowser(() => dist);
  const dialogs: string[] = [];

  /** A tab that records any dialog (alert, confirm) a script might open. */
  async function tab(): Promise<Page> {
    const page = await server.browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  }

  it('shows every title, author and abstract as the literal text, and runs nothing', async () => {
    const page = await tab();
    const pages = await paperPages();
    for (const [i, paper] of papers.entries()) {
      await page.goto(server.url + pages[i].slice(1));
      expect(await page.locator('h1').textContent()).toBe(cleanText(paper.title));
      expect(await page.locator('.authors').textContent()).toContain(cleanText(paper.authors[0]));
      expect(await page.locator('.abstract').textContent()).toContain(cleanText(paper.abstract).slice(0, 20));
      expect(await page.title()).toContain(`Hostile ${i}`);
    }
    expect(dialogs).toEqual([]);
  });

  it('finds a hostile paper in search and shows its title literally', async () => {
    const page = await tab();
    await page.goto(`${server.url}search/?q=Hostile`);
    await page.locator('.result').first().waitFor();
    const titles = await page.locator('.result__title').allTextContents();
    expect(titles).toContain(cleanText(papers[0].title));
    await page.fill('#q', 'Hostile 2');
    await page.locator('.result').first().waitFor();
    expect(dialogs).toEqual([]);
  });
});
